// Snapshot tests: every fixture under test/grammar/fixtures is tokenized with the shipped grammar and compared with
// its committed .snap (vscode-tmgrammar-snap format). After an intended grammar change, run
// `npm run test:grammar:update` and review the .snap diff like code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, renderSnap, tokenize } from './tokenize';

const FIXTURES = path.join(ROOT, 'test/grammar/fixtures');
const fixtures = fs.readdirSync(FIXTURES).filter((f) => !f.endsWith('.snap')).sort();

/** The first differing source line with its expected and actual token rows, instead of a wall of text. */
function firstDifference(expected: string, actual: string): string {
  const blocks = (s: string) => s.split(/\n(?=>)/);
  const [e, a] = [blocks(expected), blocks(actual)];
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `source line ${i + 1}:\n--- expected\n${e[i] ?? '(none)'}\n+++ actual\n${a[i] ?? '(none)'}`;
  }
  return 'texts differ only in line endings';
}

for (const name of fixtures) {
  test(`grammar snapshot: ${name}`, async () => {
    const snapPath = path.join(FIXTURES, name + '.snap');
    assert.ok(fs.existsSync(snapPath), `${name}.snap is missing: run npm run test:grammar:update and commit it`);
    const actual = renderSnap(await tokenize(fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
    const expected = fs.readFileSync(snapPath, 'utf8');
    if (actual !== expected) {
      assert.fail(`${name} tokenizes differently from ${name}.snap (npm run test:grammar:update if intended)\n${firstDifference(expected, actual)}`);
    }
  });
}

test('every snapshot belongs to a fixture', () => {
  const stale = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.snap') && !fixtures.includes(f.slice(0, -'.snap'.length)));
  assert.deepEqual(stale, []);
});

// The fixtures must keep exercising every construct the grammar promises; a fixture edit that drops one fails here.
const REQUIRED_SCOPES = [
  'comment.line.number-sign.apacheconf',
  'constant.character.escape.line-continuation.apacheconf',
  'invalid.illegal.trailing-comment.apacheconf',
  'support.function.directive.apacheconf',
  'support.type.directive.wsgi.apacheconf',
  'variable.parameter.option.wsgi.apacheconf',
  'entity.name.function.process-group.wsgi.apacheconf',
  'entity.name.tag.apacheconf',
  'meta.tag.section.end.apacheconf',
  'string.quoted.double.apacheconf',
  'string.quoted.single.apacheconf',
  'constant.character.escape.apacheconf',
  'variable.other.define.apacheconf',
  'variable.language.expansion.apacheconf',
  'support.type.expansion-prefix.apacheconf',
  'variable.other.backreference.apacheconf',
  'constant.numeric.apacheconf',
  'constant.language.boolean.apacheconf',
  'string.regexp.apacheconf',
  'keyword.operator.quantifier.regexp.apacheconf',
  'meta.flags.apacheconf',
  'keyword.other.flag.apacheconf',
  'keyword.operator.test.apacheconf',
  'constant.language.wildcard.apacheconf',
  'constant.language.default.apacheconf',
  'constant.numeric.ip-address.ipv4.apacheconf',
  'constant.numeric.ip-address.ipv6.apacheconf',
  'constant.numeric.port.apacheconf',
  'string.unquoted.hostname.apacheconf',
  'meta.embedded.expression.apacheconf',
  'support.function.expression.apacheconf',
  'keyword.operator.match.apacheconf',
  'support.constant.provider.apacheconf',
  'constant.language.access.apacheconf',
  'keyword.operator.logical.not.apacheconf',
  'keyword.control.ignore.apacheconf',
];

test('the fixtures cover every construct of the grammar', () => {
  const seen = new Set<string>();
  for (const name of fixtures) {
    for (const row of fs.readFileSync(path.join(FIXTURES, name + '.snap'), 'utf8').split('\n')) {
      if (row.startsWith('#')) for (const s of row.replace(/^#\s*\^+\s*/, '').split(/\s+/)) seen.add(s);
    }
  }
  assert.deepEqual(REQUIRED_SCOPES.filter((s) => !seen.has(s)), []);
});

test('vscode-tmgrammar-snap agrees with the committed snapshots', () => {
  const cli = path.join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/snapshot.js');
  const r = spawnSync(process.execPath, [cli, '-s', 'source.apacheconf', path.join(FIXTURES, '*')], { cwd: ROOT, encoding: 'utf8' });
  // The CLI writes a missing snapshot and passes; the per-fixture tests above already fail on a missing one.
  assert.doesNotMatch(r.stdout, /Generating snapshot/);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
