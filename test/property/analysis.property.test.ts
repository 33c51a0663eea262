// Property tests: whatever a user types, analysis never throws, stays inside the document, and the syntax tree
// prints back to the input byte for byte; every fix any rule offers is safe (test/property/fix-safety.ts). Fixed
// seed and bounded runs keep CI fast and repeatable; `FUZZ_RUNS=20000 npm run fuzz` tries many more.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../server/service';
import { walk } from '../../server/syntax/parser';
import { checkFixes, FIXABLE, mutatedSeeds, seedsOf } from './fix-safety';
import { ruleTableCases } from '../helpers/table-cases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const params = { numRuns: RUNS, seed: SEED };
// Fix inputs are cheap and many rules' fixes need a particular context: CI tries more of them.
const FIX_RUNS = Number(process.env.FUZZ_RUNS ?? 6000);

const VOCAB = [
  '<VirtualHost *:80>', '</VirtualHost>', '<Directory /srv/app>', '</Directory>', '<Files wsgi.py>', '</Files>',
  '<IfModule mod_wsgi.c>', '</IfModule>', '<Location />', '</Location>', '<If "%{HTTP_HOST} == \'a\'">', '</If>',
  'ServerName', 'ServerAlias', 'WSGIDaemonProcess', 'WSGIProcessGroup', 'WSGIScriptAlias', 'WSGIScriptAliasMatch',
  'WSGIApplicationGroup', 'WSGIImportScript', 'WSGIPythonHome', 'WSGIRestrictEmbedded', 'Require', 'Alias', 'Order',
  'Allow', 'Deny', 'Options', 'AllowOverride', 'Header', 'Define', 'Include', 'LoadModule', 'LogLevel',
  'site', 'example.com', '/', '/app', '/srv/app/wsgi.py', 'process-group=site', 'application-group=%{GLOBAL}',
  'threads=15', 'processes=2', 'python-home=/srv/venv', 'python-path="/a b"', '%{GLOBAL}', '${APP}', 'all',
  'granted', 'denied', 'On', 'Off', '#', '# comment', '\\', '"', "'", '<', '>', '</', '=', ' ', '  ', '\t',
  '\n', '\r\n', '\r', '\\\n', '\0', '\uFEFF', '\u00e9', '\ud83d\ude00', '\ud800',
];

const soup = fc.array(fc.constantFrom(...VOCAB), { maxLength: 80 }).map((parts) => parts.join(''));
const chars = fc.string({ unit: fc.constantFrom(...'<>/\\"\'#= \t\r\nabcWSGI%{}$:*0\0'.split('')), maxLength: 200 });

const REAL = [
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    ServerAlias www.shop.example.com',
  '    WSGIDaemonProcess shop processes=2 threads=15 \\',
  '        python-home=/srv/shop/venv python-path=/srv/shop',
  '    WSGIProcessGroup shop',
  '    WSGIApplicationGroup %{GLOBAL}',
  '    WSGIScriptAlias /api /srv/shop/api/wsgi.py process-group=shop',
  '    WSGIScriptAlias / /srv/shop/shop/wsgi.py',
  '    Alias /static/ "/srv/shop/static/"',
  '    # The script directory must be readable',
  '    <Directory /srv/shop/shop>',
  '        <Files wsgi.py>',
  '            Require all granted',
  '        </Files>',
  '    </Directory>',
  '</VirtualHost>',
];

/** Mutations of a real config: delete, duplicate, swap lines, cut, insert troublesome characters. */
const mutated = fc
  .array(
    fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '>', '\\', '"', "'", '\\\n', '\0', '\r', '#', '</Directory>', '<Files x>') }),
      fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    ),
    { maxLength: 8 },
  )
  .map((ops) => {
    let lines = [...REAL];
    let text = '';
    for (const o of ops) {
      const i = lines.length ? o.at % lines.length : 0;
      if (o.op === 'delete') lines.splice(i, 1);
      else if (o.op === 'duplicate' && lines.length) lines.splice(i, 0, lines[i]);
      else if (o.op === 'swap' && lines.length) [lines[i], lines[o.with % lines.length]] = [lines[o.with % lines.length], lines[i]];
      else if (o.op === 'insert' && lines.length) {
        const l = lines[i];
        const at = l.length ? o.at % l.length : 0;
        lines[i] = l.slice(0, at) + o.text + l.slice(at);
      } else if (o.op === 'cut') {
        text = lines.join('\n');
        lines = text.slice(0, o.at % (text.length + 1)).split('\n');
      }
    }
    return lines.join(ops.length % 2 ? '\r\n' : '\n');
  });

function checkInvariants(text: string): void {
  const a = analyzeText('file:///fuzz.conf', text);
  // Lossless: the logical lines tile the document, so printing them back gives the input exactly.
  assert.equal(a.ast.lines.toArray().map((l) => text.slice(l.start, l.next)).join(''), text);
  const inside = (s: number, e: number) => 0 <= s && s <= e && e <= text.length;
  for (const n of walk(a.ast.children)) assert.ok(inside(n.start, n.end), `node ${n.kind} ${n.start}-${n.end}`);
  for (const r of a.reports) {
    assert.ok(inside(r.start, r.end), `report ${r.rule} ${r.start}-${r.end}`);
    assert.notEqual(r.rule, 'internal-error', r.message);
    for (const f of r.fixes) for (const e of f.edits) assert.ok(inside(e.start, e.end), `fix of ${r.rule}`);
  }
}

test('random character soup never breaks analysis', () => {
  fc.assert(fc.property(chars, (t) => checkInvariants(t)), params);
});

test('token soup from Apache and mod_wsgi vocabulary never breaks analysis', () => {
  fc.assert(fc.property(soup, (t) => checkInvariants(t)), params);
});

test('mutated real configs never break analysis', () => {
  fc.assert(fc.property(mutated, (t) => checkInvariants(t)), params);
});

// Fix safety (test/property/fix-safety.ts): every table case of every rule once as it is, in each layout, then
// mutations of them and token soup; every rule that declares fixes must have had one applied and checked.
const exercised = new Set<string>();
const seeds = seedsOf(ruleTableCases(), [REAL.join('\n') + '\n']);

test('fix safety: every rule table case, as one file, as a server root and as an included site (Python: as is)', () => {
  for (const seed of seeds) {
    for (const layout of seed.pythonUri ? ([`python:${seed.pythonUri}`] as const) : (['file', 'root', 'site'] as const)) checkFixes(seed.text, layout, seed.env, exercised);
  }
});

// Mutations of the config cases only: the Python cases' mutations need CPython to tell which ones are Python at
// all (lezer accepts an indented top-level class), so they have their own property (python-fix-safety).
const configSeeds = seeds.filter((s) => !s.pythonUri);

test('fix safety: mutated config table cases and token soup', () => {
  const inputs = fc.oneof(
    { weight: 4, arbitrary: mutatedSeeds(configSeeds) },
    { weight: 1, arbitrary: soup.map((text) => ({ text, layout: 'file' as const, seed: -1 })) },
  );
  fc.assert(fc.property(inputs, ({ text, layout, seed }) => checkFixes(text, layout, configSeeds[seed]?.env ?? {}, exercised)), { ...params, numRuns: FIX_RUNS });
});

test('fix safety: every rule that declares fixes had one applied and checked', () => {
  assert.deepEqual(FIXABLE.filter((id) => !exercised.has(id)), []);
});

const DEEP = 100000;

test('extreme inputs: deep nesting, huge lines, many lines, odd encodings', () => {
  const cases = [
    '<Directory /x>\n'.repeat(DEEP) + '</Directory>\n'.repeat(DEEP),
    '<Directory /x>\n'.repeat(DEEP),
    // Hosts, conditions, locations and mod_wsgi lines nested in turn (100,000 sections), never closed.
    '<IfModule mod_wsgi.c>\n<VirtualHost *:80>\nServerName a\n<Location />\nWSGIProcessGroup g\nRequire all granted\n<MDomain a>\n'.repeat(DEEP / 4),
    'ServerName ' + 'a'.repeat(1 << 20) + '\n',
    '"'.repeat(1 << 20),
    '\\\n'.repeat(100000) + 'x',
    'WSGIDaemonProcess g threads=1\n'.repeat(20000),
    '\uFEFF<VirtualHost *:80>\r\n\0\0\r</VirtualHost>',
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x3c]).toString('utf8'),
  ];
  for (const text of cases) checkInvariants(text);
});

test('100,000 nested sections cost about what the same lines cost side by side (no depth × size term)', () => {
  const body = '<Directory /x>\nRequire all granted\n';
  const deep = body.repeat(DEEP) + '</Directory>\n'.repeat(DEEP);
  const flat = (body + '</Directory>\n').repeat(DEEP);
  const cost = (text: string) => {
    const t0 = performance.now();
    analyzeText('file:///deep.conf', text);
    return performance.now() - t0;
  };
  const [flatMs, deepMs] = [cost(flat), cost(deep)];
  // The same lines nested cost a small factor more at most; depth × size would be thousands of times more.
  assert.ok(deepMs < 10 * flatMs + 2000, `nested ${Math.round(deepMs)} ms, side by side ${Math.round(flatMs)} ms`);
});
