// The rules that join facts across the document read less: wsgiDirectives reads only the directives of the name
// asked for, wsgiHeads reads a WSGIDaemonProcess only up to its group name, wsgiDirectivesWhere skips lines that
// cannot carry the options a rule needs (mayHaveOptions), reachOf passes sections that change nothing without its
// memo, and the directives the rules look for by name are gathered in one pass (namedDirectives). Each is checked
// here against the direct reading on generated configs: Defines (some split by a continuation), <IfDefine>,
// <IfModule>, uncertain sections and mod_wsgi directives with ${VAR}s, quotes and continuations. `FUZZ_RUNS` raises
// the count.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/syntax/parser';
import type { ConfigAst, DirectiveNode, Node } from '../../server/syntax/ast';
import { buildModel, directivesNamed, type ConfigModel } from '../../server/model/model';
import { namedDirectives, namedDirectivesAmong } from '../../server/model/host-index';
import type { RuleContext } from '../../server/rules/types';
import { readWsgiArguments, type WsgiArguments, type WsgiHead, type WsgiToken } from '../../server/catalog/wsgi-arguments';
import { mayHaveOptions, wsgiArgumentsOf, wsgiDirectives, wsgiDirectivesWhere, wsgiHeads } from '../../server/catalog/wsgi-scan';
import { definesAt, mayHoldDefine, reachOf } from '../../server/catalog/wsgi-reach';
import { forEachNode } from '../../server/syntax/parser';
import { wsgiOptionDirective } from '../../server/catalog/wsgi-options';
import { expectedReach } from '../helpers/reach-oracle';
import { nestedItems, renderItems, type Item } from '../helpers/nested-config';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const OPEN = [
  '<VirtualHost *:80>', '<Directory /srv>', '<IfDefine X>', '<IfDefine !X>', '<IfDefine Y>', '<IfModule mod_wsgi.c>', '<IfModule !mod_wsgi.c>',
  '<IfModule mod_nope.c>', '<IfModule mod_ssl.c>', '<IfVersion >= 2.4>', '<Location /app>', '<Files wsgi.py>', '<RequireAll>', '<Macro M>',
];
const LINES = [
  'Define X', 'Define Y one', 'Define Z ${Y}', 'UnDefine X', 'DEFINE y two', 'Def\\\nine X', 'unde\\\r\nfine Y', '"Define" Z three', 'Define O process-group=one',
  'WSGIDaemonProcess one threads=2', 'WSGIDaemonProcess two processes=2 python-home=/srv/venv', 'WSGIDaemonProcess ${Y} threads=1',
  'WSGIDaemonProcess "a b" x=1', 'WSGIDaemonProcess \\\n  one display-name=%{GROUP}', 'WSGIDaemonProcess', 'wsgidaemonprocess Two',
  'WSGIDaemonProcess \'q\\\' r\' y=2', 'WSGIDaemonProcess one = 2',
  'WSGIScriptAlias /a /srv/a.py process-group=one application-group=%{GLOBAL}', 'WSGIScriptAlias /b /srv/b.py process-group=${Y} application-group=x',
  'WSGIScriptAlias /c /srv/c.py process-gr\\\noup=one application-group=x', 'WSGIScriptAlias /d /srv/d.py ${Z}', 'WSGIScriptAlias /e /srv/e.py',
  'WSGIScriptAliasMatch ^/m /srv/m.py application-group=a process-group=b', 'WSGIScriptAlias process-group=one /f /srv/f.py application-group=g',
  'WSGIImportScript /x.py process-group=one application-group=two', 'WSGIImportScript /y.py process-group=one', 'WSGIImportScript "/z.py" application-group=${X}',
  'WSGIScriptAlias /g "/srv/g g.py" "process-group=one" application-group=a', 'WSGIScriptAlias /h /srv/h.py ${O} application-group=x', 'ServerName a.example', 'Require all granted',
  'Alias /static /srv/static', 'ScriptAlias /cgi /srv/cgi', 'LoadModule mpm_prefork_module x.so', 'Allow from all', 'REQUIRE ip 10', 'WSGIProcessGroup one',
  'WSGIRestrictEmbedded On', 'WSGISocketPrefix /run/wsgi', 'wsgiapplicationgroup %{GLOBAL}',
];

// Up to 12 nested sections: deeper than reachOf passes without its memo.
const config = fc.record({ items: fc.array(nestedItems(OPEN, LINES, 13), { minLength: 1, maxLength: 8 }), crlf: fc.boolean() });

function setup(c: { items: Item[]; crlf: boolean }): { text: string; ast: ConfigAst; model: ConfigModel; ctx: (whole: boolean) => RuleContext } {
  const text = renderItems(c.items, OPEN).join(c.crlf ? '\r\n' : '\n') + '\n';
  const ast = parse(text);
  const model = buildModel(ast);
  const ctx = (whole: boolean): RuleContext => ({ uri: 'file:///t.conf', text, ast, model, seesWholeServer: whole, report: () => undefined });
  return { text, ast, model, ctx };
}

const token = (t: WsgiToken) => ({ text: t.text, start: t.start, end: t.end, quoted: t.quoted, unresolved: t.unresolved });
const head = (h: WsgiHead) => ({ at: h.node.start, name: h.directive.name, positional: h.positional.map(token), reach: h.reach.reach, because: h.reach.because?.start, lineEnd: h.lineEnd });

/** The lists as wsgiDirectives made them before: every option-bearing directive read, skipped ones left out. */
function oracle(ast: ConfigAst, model: ConfigModel, whole: boolean, nameLower?: string) {
  return model.directives
    .filter((d) => wsgiOptionDirective(d.nameLower) && (nameLower === undefined || d.nameLower === nameLower))
    .map((d) => readWsgiArguments(ast, d, whole))
    .filter((a) => a !== null && a.reach.reach !== 'skipped')
    .map((a) => ({ ...head(a!), options: a!.options.map((o) => ({ name: o.name, value: token(o.value), start: o.start, end: o.end, detached: o.detached, early: o.early })), malformed: a!.malformed.map((m) => [m.kind, m.start, m.end, m.name]) }));
}

const NAMES = ['wsgidaemonprocess', 'wsgiscriptalias', 'wsgiscriptaliasmatch', 'wsgiimportscript'];

test('namedDirectives is directivesNamed; namedDirectivesAmong is every directive of those names, in document order', () => {
  const names = ['alias', 'scriptalias', 'wsgiscriptalias', 'require', 'allow', 'loadmodule', 'wsgiprocessgroup', 'wsgiapplicationgroup', 'wsgirestrictembedded', 'wsgisocketprefix', 'wsgidaemonprocess', 'wsgiimportscript', 'servername', 'define', 'nothing'];
  fc.assert(
    fc.property(config, fc.subarray(names, { minLength: 1 }), (c, among) => {
      const { model } = setup(c);
      for (const name of names) assert.deepEqual(namedDirectives(model, name), directivesNamed(model, name), name);
      assert.deepEqual(namedDirectivesAmong(model, among), model.directives.filter((d) => among.includes(d.nameLower)));
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('wsgiDirectives by name and whole: the same reads as reading every directive, shared between the lists', () => {
  fc.assert(
    fc.property(config, fc.array(fc.constantFrom(...NAMES, 'all'), { maxLength: 6 }), (c, order) => {
      for (const whole of [false, true]) {
        const { ast, model, ctx } = setup(c);
        for (const name of order) {
          const got = wsgiDirectives(ctx(whole), name === 'all' ? undefined : name);
          assert.deepEqual(oracle(ast, model, whole, name === 'all' ? undefined : name).map((o) => o.at), got.map((a) => a.node.start));
        }
        const all = wsgiDirectives(ctx(whole));
        const expected = oracle(ast, model, whole);
        assert.deepEqual(all.map((a) => ({ ...head(a), options: a.options.map((o) => ({ name: o.name, value: token(o.value), start: o.start, end: o.end, detached: o.detached, early: o.early })), malformed: a.malformed.map((m) => [m.kind, m.start, m.end, m.name]) })), expected);
        for (const name of NAMES) for (const a of wsgiDirectives(ctx(whole), name)) assert.ok(all.includes(a), 'a list by name holds the objects of the whole list');
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('wsgiHeads: the same directives, positional words, reach and line end as the whole reads, read first or after', () => {
  fc.assert(
    fc.property(config, fc.boolean(), (c, headsFirst) => {
      for (const whole of [false, true]) {
        const { ctx } = setup(c);
        const first = headsFirst ? wsgiHeads(ctx(whole), 'wsgidaemonprocess') : wsgiDirectives(ctx(whole), 'wsgidaemonprocess');
        const second = headsFirst ? wsgiDirectives(ctx(whole), 'wsgidaemonprocess') : wsgiHeads(ctx(whole), 'wsgidaemonprocess');
        const heads = headsFirst ? first : second;
        const full = headsFirst ? second : first;
        assert.deepEqual(heads.map(head), full.map(head));
        // The whole read of each head is the one wsgiDirectives lists.
        heads.forEach((h, i) => assert.equal(wsgiArgumentsOf(ctx(whole), h), full[i]));
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('mayHaveOptions is false only for directives read without one of the options; wsgiDirectivesWhere keeps the others in order', () => {
  const sets = [['process-group', 'application-group'], ['process-group'], ['application-group'], ['threads']];
  fc.assert(
    fc.property(config, (c) => {
      for (const whole of [false, true]) {
        const { ast, model, ctx } = setup(c);
        for (const d of model.directives) {
          const read = wsgiOptionDirective(d.nameLower) ? readWsgiArguments(ast, d, whole) : null;
          if (!read) continue;
          for (const names of sets) if (names.every((n) => read.options.some((o) => o.name === n))) assert.ok(mayHaveOptions(ast, d, names), `${names} on ${d.name}`);
        }
        const names = ['wsgiscriptalias', 'wsgiimportscript', 'wsgiscriptaliasmatch'];
        const both = sets[0];
        const carry = (a: WsgiArguments) => both.every((n) => a.options.some((o) => o.name === n));
        // Before anything is read (the prefilter), and after (the reads): every directive that carries both options,
        // in document order, and only wsgiDirectives' own objects.
        const before = wsgiDirectivesWhere(ctx(whole), names, both);
        const listed = wsgiDirectives(ctx(whole)).filter((a) => names.includes(a.node.nameLower));
        const after = wsgiDirectivesWhere(ctx(whole), names, both);
        for (const got of [before, after]) {
          assert.ok(got.every((a) => listed.includes(a)));
          assert.deepEqual(got.filter(carry), listed.filter(carry));
          assert.deepEqual(got.map((a) => a.node.start), [...got.map((a) => a.node.start)].sort((x, y) => x - y));
        }
        assert.deepEqual(before, listed.filter((a) => mayHaveOptions(ast, a.node, both)));
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('reachOf: the innermost skipped section decides, else the innermost uncertain one', () => {
  fc.assert(
    fc.property(config, (c) => {
      for (const whole of [false, true]) {
        const { ast, model } = setup(c);
        const nodes: Node[] = [...model.directives, ...model.sections];
        for (const node of nodes) {
          const vars = definesAt(ast, node.start, whole);
          const expected = expectedReach(node, vars, whole);
          const got = reachOf(node as DirectiveNode, vars, whole);
          assert.equal(got.reach, expected.reach);
          assert.equal(got.because, expected.because);
        }
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('a text with a Define or UnDefine directive is never taken for one without (the search that spares the walk)', () => {
  // Names written in any case, quoted, or split by line continuations anywhere (a logical line drops them).
  const name = fc
    .tuple(fc.constantFrom('define', 'undefine'), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\\\n', '\\\r\n')), { maxLength: 3 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.boolean())
    .map(([word, cuts, upper, quoted]) => {
      let w = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      for (const [at, cut] of cuts) {
        const i = 1 + (at % (w.length - 1));
        w = w.slice(0, i) + cut + w.slice(i);
      }
      return quoted ? `"${w}"` : w;
    });
  const line = fc.oneof(name.map((n) => `${n} X 1`), fc.constantFrom('Listen 80', '<IfDefine X>', '</IfDefine>', '# Define in a comment', 'ServerName d.example', ''));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
      const text = lines.join('\n') + '\n';
      let defines = false;
      forEachNode(parse(text).children, (n) => {
        if (n.kind === 'directive' && (n.nameLower === 'define' || n.nameLower === 'undefine')) defines = true;
      });
      if (defines) assert.ok(mayHoldDefine(text), JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});
