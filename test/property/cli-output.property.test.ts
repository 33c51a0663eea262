// The CLI writes its output in pieces. JSON (jsonPieces, a batch of findings stringified per piece, from any
// iterable): the pieces must join to exactly JSON.stringify(findings, null, 2) + '\n', and their UTF-8 bytes to the
// whole's, whatever the batch size (never cut between the halves of a surrogate pair, each of which alone would be
// written as U+FFFD). Text (textPieces): the finding lines one after the other, as one write per line gave them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatText, jsonPieces, textPieces, type JsonFinding } from '../../server/cli/format';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', '\n', '\r\n', '"', '\\', '\u2028', '\ud800', '\udc00x', 'a\n  b', '😀', 'é😀😀', '𝄞'),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const position = fc.record({ line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat() });
const edit = fc.tuple(position, text).map(([p, newText]) => ({ ...p, newText }));
const finding: fc.Arbitrary<JsonFinding> = fc
  .tuple(text, position, fc.constantFrom('error', 'warning', 'information', 'hint'), text, text, fc.array(fc.record({ title: text, edits: fc.array(edit, { maxLength: 3 }) }), { maxLength: 3 }))
  .map(([file, p, severity, code, message, fixes]) => ({ file, ...p, severity: severity as JsonFinding['severity'], code, message, fixes }));

function pieces(findings: JsonFinding[], perPiece?: number): string[] {
  // A generator, as the CLI passes: the findings are made as they are written.
  return [...jsonPieces((function* () { yield* findings; })(), perPiece)];
}

test('jsonPieces join to the text and bytes of JSON.stringify(findings, null, 2) and a newline, in any batch size', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (findings, perPiece) => {
      const whole = JSON.stringify(findings, null, 2) + '\n';
      const out = pieces(findings, perPiece);
      assert.equal(out.join(''), whole);
      assert.ok(Buffer.concat(out.map((c) => Buffer.from(c, 'utf8'))).equals(Buffer.from(whole, 'utf8')));
    }),
    params,
  );
});

test('jsonPieces with its default piece size: several pieces for a long output, one for an empty list', () => {
  const base: JsonFinding = { file: 'a.conf', line: 1, column: 1, endLine: 1, endColumn: 9, severity: 'warning', code: 'x', message: 'm "q"\n😀', fixes: [{ title: 't', edits: [{ line: 1, column: 1, endLine: 1, endColumn: 2, newText: 'y\n' }] }] };
  const findings = Array.from({ length: 3000 }, (_, i) => ({ ...base, line: i + 1, message: `${base.message}${'😀'.repeat(i % 50)}` }));
  const out = pieces(findings);
  assert.ok(out.length > 3, `${out.length} pieces`);
  assert.ok(Buffer.concat(out.map((c) => Buffer.from(c, 'utf8'))).equals(Buffer.from(JSON.stringify(findings, null, 2) + '\n', 'utf8')));
  assert.equal(pieces([]).join(''), '[]\n');
});

test('textPieces hold every finding line in order, in any piece size, and nothing for no findings', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 8 }), fc.integer({ min: 1, max: 200 }), (findings, chunk) => {
      const out = [...textPieces(findings, chunk)];
      assert.equal(out.join(''), findings.map((f) => formatText(f) + '\n').join(''));
      assert.ok(out.every((c) => c !== ''));
    }),
    params,
  );
});
