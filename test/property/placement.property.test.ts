// standingOf works each section's body out once, top-down; this checks it against the direct reading (walk up
// from the node, as Apache's reader nests) on generated nestings of every kind of section, pass-through and
// skipped ones included. `FUZZ_RUNS` raises the count as for the other properties.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, walk } from '../../server/syntax/parser';
import type { Node, SectionNode } from '../../server/syntax/ast';
import { conditionReach, everyFrame, innermostFrame, inPassThrough, placeOf, standingOf, type Frame, type Reach } from '../../server/catalog/placement';
import { sectionInfo } from '../../server/catalog/sections';
import type { PlaceName } from '../../server/catalog/types';
import { reachOf } from '../../server/catalog/wsgi-reach';
import { expectedReach } from '../helpers/reach-oracle';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const PLACE_OF: Record<string, PlaceName> = {
  virtualhost: 'virtualhost', directory: 'directory', directorymatch: 'directory', location: 'location',
  locationmatch: 'location', files: 'files', filesmatch: 'files', if: 'if', elseif: 'if', else: 'if', proxy: 'proxy',
  proxymatch: 'proxy', limit: 'limit', limitexcept: 'limit', requireall: 'authz', requireany: 'authz', requirenone: 'authz',
};
const PASS_THROUGH = new Set(['mdomainset', 'mdomain']);

/** The direct reading: walk up from the node (the previous implementation, kept as the oracle). */
function expected(node: Node, reachOfCondition: (s: SectionNode) => Reach) {
  let reach: Reach = 'active';
  let because: SectionNode | null = null;
  const frames: Frame[] = [];
  const passThrough: SectionNode[] = [];
  for (let p = node.parent; p; p = p.parent) {
    const info = sectionInfo(p.nameLower);
    if (info?.rawBody) return { reach: 'skipped', because: p, frames: [] };
    if (info?.transparent) {
      const r = reachOfCondition(p);
      if (r === 'skipped') return { reach: r, because: p, frames: [] };
      if (r === 'maybe' && reach === 'active') [reach, because] = [r, p];
      continue;
    }
    if (PASS_THROUGH.has(p.nameLower)) {
      passThrough.push(p);
      continue;
    }
    frames.push({ place: PLACE_OF[p.nameLower] ?? null, section: passThrough.shift() ?? p });
  }
  if (passThrough.length) frames.push({ place: 'server', section: passThrough[0] });
  return { reach, because, frames };
}

const OPEN = [
  '<VirtualHost *:80>', '<Directory /a>', '<Location />', '<Files x>', '<If "true">', '<Else>', '<Proxy *>', '<Limit GET>',
  '<RequireAll>', '<RequireNone>', '<AuthnProviderAlias file f>', '<MDomainSet a.example>', '<MDomain b.example>',
  '<IfModule mod_ssl.c>', '<IfModule !mod_ssl.c>', '<IfModule mod_nope.c>', '<IfDefine X>', '<IfDefine !X>', '<IfDefine Y>',
  '<IfVersion >= 2.4>', '<IfVersion < 2.2>', '<IfFile /x>', '<Macro M $a>', '<LuaQuickHandler>',
];
const LINE = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...OPEN) },
  { weight: 2, arbitrary: fc.constant('</close>') },
  { weight: 2, arbitrary: fc.constantFrom('Require all granted', 'ServerName a', 'Define X', 'LoadModule ssl_module x.so', 'MDMember c') },
);
const doc = fc.array(LINE, { maxLength: 60 }).map((lines) => {
  // `</close>` closes whatever is open, so the nesting is exactly what was generated.
  const open: string[] = [];
  return lines
    .map((l) => {
      if (l !== '</close>') {
        if (l.startsWith('<')) open.push(l.slice(1).split(/[\s>]/)[0]);
        return l;
      }
      const name = open.pop();
      return name ? `</${name}>` : '# nothing open';
    })
    .join('\n');
});

test('standingOf agrees with the direct walk up from each node', () => {
  fc.assert(
    fc.property(doc, (text) => {
      const ast = parse(text);
      const conditions = (s: SectionNode) => conditionReach(s, ast);
      for (const node of walk(ast.children)) {
        const want = expected(node, conditions);
        const got = standingOf(node, ast);
        assert.equal(got.reach, want.reach, text);
        assert.equal(got.because, want.because, text);
        assert.deepEqual(got.frames.map((f) => [f.place, f.section.start]), want.frames.map((f) => [f.place, f.section.start]), text);
        assert.equal(got.inner?.section, want.frames[0]?.section);
        assert.equal(placeOf(got), want.frames[0] ? want.frames[0].place ?? undefined : 'server');
        for (const place of [null, 'virtualhost', 'directory', 'location', 'if', 'authz', 'server'] as const) {
          assert.equal(innermostFrame(got, (p) => p === place)?.section, want.frames.find((f) => f.place === place)?.section, text);
          assert.equal(everyFrame(got, (p) => p !== place), want.frames.every((f) => f.place !== place), text);
        }
        assert.equal(inPassThrough(got), want.frames.some((f) => PASS_THROUGH.has(f.section.nameLower)), text);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

// standingOf remembers the last body asked for and works a body out by recursion up to a depth, then by a list:
// asking in any order, about two documents in turn, and through nestings deeper than that depth gives the same.
test('standingOf agrees with the direct walk in any order of asking, across documents and deep nestings', () => {
  const deep = fc.tuple(fc.array(fc.constantFrom(...OPEN.filter((l) => !l.startsWith('<Macro') && !l.startsWith('<Lua'))), { maxLength: 90, size: 'max' }), doc).map(([outer, inner]) => {
    const names = outer.map((l) => l.slice(1).split(/[\s>]/)[0]);
    return [...outer, inner, ...names.reverse().map((n) => `</${n}>`)].join('\n');
  });
  fc.assert(
    fc.property(deep, doc, fc.integer(), (a, b, seed) => {
      const asts = [parse(a), parse(b)];
      const asks: Array<[number, Node]> = [];
      asts.forEach((ast, k) => {
        for (const node of walk(ast.children)) asks.push([k, node]);
      });
      // A fixed shuffle per case (fast-check shrinks the seed with the documents).
      let r = seed >>> 0;
      for (let i = asks.length - 1; i > 0; i--) {
        r = (Math.imul(r, 1103515245) + 12345) >>> 0;
        const j = r % (i + 1);
        [asks[i], asks[j]] = [asks[j], asks[i]];
      }
      for (const [k, node] of asks) {
        const ast = asts[k];
        const want = expected(node, (s) => conditionReach(s, ast));
        const got = standingOf(node, ast);
        assert.equal(got.reach, want.reach);
        assert.equal(got.because, want.because);
        assert.deepEqual(got.frames.map((f) => [f.place, f.section]), want.frames.map((f) => [f.place, f.section]));
        assert.equal(inPassThrough(got), want.frames.some((f) => PASS_THROUGH.has(f.section.nameLower)));
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('reachOf (mod_wsgi lines) agrees with the direct walk up, for any Defines', () => {
  const wsgiDoc = fc.tuple(
    fc.array(fc.constantFrom('<IfDefine X>', '<IfDefine !X>', '<IfDefine Y>', '<IfModule mod_wsgi.c>', '<IfModule !wsgi_module>', '<IfModule mod_nope.c>', '<IfModule mod_ssl.c>', '<IfVersion >= 2.4>', '<Macro M>', '<VirtualHost *:80>', '<Directory /a>', 'WSGIProcessGroup g', '</close>'), { maxLength: 50 }),
    fc.subarray(['X', 'Y']),
    fc.boolean(),
  );
  fc.assert(
    fc.property(wsgiDoc, ([lines, defined, whole]) => {
      const open: string[] = [];
      const text = lines.map((l) => (l !== '</close>' ? (l.startsWith('<') && open.push(l.slice(1).split(/[\s>]/)[0]), l) : open.length ? `</${open.pop()}>` : '#')).join('\n');
      const ast = parse(text);
      const vars = new Map(defined.map((d) => [d, null]));
      for (const node of walk(ast.children)) {
        const want = expectedReach(node, vars, whole);
        const got = reachOf(node, vars, whole);
        assert.equal(got.reach, want.reach, text);
        assert.equal(got.because, want.because, text);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
