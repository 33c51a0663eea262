// The model's per-alias answers were rewritten to allocate less: enclosingVirtualHost / contextSection walk up a
// few sections before using their memo, effectiveSetting picks the winner in one pass instead of sorting,
// hasGrantFor / someVisible stop at the first grant, and accessibleGroups compares each group's server name once.
// This checks each against the direct reading (the previous implementation, kept here as the oracle) on generated
// nestings of hosts, directory, location, files, Require* and transparent sections, deep enough to reach the memo.
// `FUZZ_RUNS` raises the count as for the other properties.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, walk } from '../../server/syntax/parser';
import type { DirectiveNode, Node, SectionNode } from '../../server/syntax/ast';
import { sectionInfo } from '../../server/catalog/sections';
import { buildModel, contextSection, directivesNamed, enclosingVirtualHost, SHALLOW, type ConfigModel, type ScriptAlias } from '../../server/model/model';
import { appliesTo, componentCount, effectiveSetting, scopeSections, type Applies, type Effective } from '../../server/model/scope';
import { grantsFor, hasGrantFor, isGrant } from '../../server/model/access';
import { accessibleGroups, groupAccessibleFrom } from '../../server/model/groups';
import { nestedItems, renderItems } from '../helpers/nested-config';
import { visibleFrom } from '../../server/model/host-index';
import { directoryCovers, normalizePath } from '../../server/model/paths';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const OPEN = [
  '<VirtualHost *:80>', '<Directory /srv/a>', '<Directory /srv>', '<Directory /srv/a/>', '<Directory /srv/*>', '<Directory ~ "^/srv">',
  '<DirectoryMatch "^/srv/a">', '<Location /app>', '<Location />', '<Location /app/admin>', '<LocationMatch "^/app">',
  '<Files wsgi.py>', '<Files *.py>', '<FilesMatch "\\.py$">', '<IfModule mod_wsgi.c>', '<IfDefine X>', '<RequireAll>',
  '<RequireAny>', '<If "true">', '<Proxy *>',
];
const LINES = [
  'WSGIProcessGroup one', 'WSGIProcessGroup two', 'WSGIProcessGroup %{GLOBAL}', 'WSGIApplicationGroup %{GLOBAL}', 'WSGIApplicationGroup app',
  'Require all granted', 'Require all denied', 'Require ip 10.0.0.0/8', 'Require not ip 10.1', 'Allow from all', 'Allow from',
  'WSGIScriptAlias /app /srv/a/wsgi.py', 'WSGIScriptAlias / /srv/b/', 'WSGIScriptAlias /x /srv/a/wsgi.py process-group=opt',
  'WSGIScriptAliasMatch ^/m(.*) /srv/a/wsgi.py', 'ServerName a.example', 'ServerName b.example:8080', 'ServerName https://a.example',
  'WSGIDaemonProcess one', 'WSGIDaemonProcess two',
];

const config = fc.array(nestedItems(OPEN, LINES, SHALLOW + 6), { minLength: 1, maxLength: 6 });

function naiveVhost(node: Node): SectionNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.nameLower === 'virtualhost') return p;
  return null;
}

function naiveContext(node: Node): SectionNode | null {
  for (let p = node.parent; p; p = p.parent) if (!sectionInfo(p.nameLower)?.transparent) return p;
  return null;
}

// The previous effectiveSetting: candidates sorted by merge key, the last certain one wins.
const PHASE: Record<string, number> = { directory: 2, directorymatch: 3, files: 4, filesmatch: 4, location: 5, locationmatch: 5 };

function oldMergeKey(node: Node): number[] {
  const inner = scopeSections(node).find((s) => !s.nameLower.startsWith('require'));
  const vhost = naiveVhost(node) ? 1 : 0;
  if (!inner) return [vhost, 0, 0, node.start];
  let phase = PHASE[inner.nameLower] ?? 6;
  const arg = inner.args[0]?.value ?? '';
  if (phase === 2 && (arg === '~' || inner.args.length > 1)) phase = 3;
  const depth = phase === 2 ? normalizePath(arg).split('/').filter(Boolean).length : 0;
  return [2 + phase, depth, vhost, node.start];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function oldSetting(model: ConfigModel, alias: ScriptAlias, directiveLower: string, option: string): Effective {
  const own = alias.options.get(option);
  if (own) return { value: own.optionValue, from: alias.node, word: own, certain: true };
  const candidates: Array<{ d: DirectiveNode; applies: Applies; key: number[] }> = [];
  for (const d of visibleFrom(directivesNamed(model, directiveLower), alias.vhost)) {
    if (!d.args[0]) continue;
    const applies = appliesTo(d, alias);
    if (applies !== 'no') candidates.push({ d, applies, key: oldMergeKey(d) });
  }
  candidates.sort((a, b) => compareKeys(a.key, b.key));
  let chosen = -1;
  candidates.forEach((c, i) => {
    if (c.applies === 'yes') chosen = i;
  });
  const certain = candidates.slice(chosen + 1).every((c) => c.applies === 'yes');
  if (chosen < 0) return { value: null, from: null, word: null, certain };
  const d = candidates[chosen].d;
  return { value: d.args[0].value, from: d, word: d.args[0], certain };
}

test('per-node and per-alias answers equal the direct reading on generated nestings', () => {
  fc.assert(
    fc.property(config, (items) => {
      const ast = parse(renderItems(items, OPEN).join('\n') + '\n');
      const model = buildModel(ast);
      for (const node of walk(ast.children)) {
        assert.equal(enclosingVirtualHost(node), naiveVhost(node));
        assert.equal(contextSection(node), naiveContext(node));
      }
      const sectionGrants = model.directives.filter((d) => isGrant(d) && scopeSections(d).length > 0);
      for (const alias of model.scriptAliases) {
        assert.equal(alias.vhost, naiveVhost(alias.node));
        for (const [directive, option] of [['wsgiprocessgroup', 'process-group'], ['wsgiapplicationgroup', 'application-group']]) {
          assert.deepEqual(effectiveSetting(model, alias, directive, option), oldSetting(model, alias, directive, option));
        }
        const granted = sectionGrants.filter((d) => (naiveVhost(d) === null || naiveVhost(d) === alias.vhost) && appliesTo(d, alias) !== 'no');
        assert.deepEqual(grantsFor(model, alias), granted);
        assert.equal(hasGrantFor(model, alias), granted.length > 0);
      }
      const accessible = accessibleGroups(model);
      for (const scope of [null, ...model.vhosts.map((v) => v.node)]) {
        assert.deepEqual(accessible(scope), model.daemons.filter((d) => groupAccessibleFrom(model, d, scope)));
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('componentCount and directoryCovers equal their list-building readings', () => {
  const path = fc.array(fc.constantFrom('/', 'a', 'b', 'ab', '*', '?'), { maxLength: 8 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(path, path, (pattern, target) => {
      assert.equal(componentCount(pattern), pattern.split('/').filter(Boolean).length);
      const p = normalizePath(pattern);
      const t = normalizePath(target);
      if (p !== '/' && !/[*?[]/.test(p)) assert.equal(directoryCovers(pattern, target), t === p || t.startsWith(p + '/'));
    }),
    { numRuns: RUNS * 10, seed: SEED },
  );
});
