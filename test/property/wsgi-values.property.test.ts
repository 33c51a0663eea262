// atoi and the 64-bit strtol read short numbers without BigInt (smallStrtol): on any text they must give what
// the BigInt reading (strtol, kept as the reference) gives, including the 32-bit wrap, saturation and "-0".
// isPlainInteger must answer as the regular expression it replaces.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { atoi, isPlainInteger, strtol, strtol64 } from '../../server/catalog/wsgi-values';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

// Runs of digits long enough to cross 15 digits, 2^31, 2^32, 2^53 and 2^63; blanks C's isspace takes and some
// it does not (\u00a0), signs, and other characters.
const pieces = ['0', '1', '7', '9', '00000', '99999', '2147483647', '2147483648', '4294967296', '9007199254740993', '9223372036854775808', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '+', '-', 'x', 'k', '.', '='];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));

const referenceAtoi = (s: string) => Number(BigInt.asIntN(32, strtol(s)));

test('atoi and strtol64 read every text as the BigInt strtol does', () => {
  fc.assert(
    fc.property(fc.oneof(text, fc.string(), fc.bigInt().map(String), fc.integer().map(String)), (s) => {
      assert.ok(Object.is(atoi(s), referenceAtoi(s)), `atoi(${JSON.stringify(s)})`);
      assert.ok(Object.is(strtol64(s), Number(strtol(s))), `strtol64(${JSON.stringify(s)})`);
      assert.equal(isPlainInteger(s), /^[+-]?\d+$/.test(s), `isPlainInteger(${JSON.stringify(s)})`);
    }),
    params,
  );
});

test('around the 15-digit limit of the fast path', () => {
  for (const s of ['999999999999999', '1000000000000000', '-999999999999999', '000000000000000001', '-0', '+0', ' -0x', '', '+', '-', '+-1', '1\n', '١']) {
    assert.ok(Object.is(atoi(s), referenceAtoi(s)), s);
    assert.equal(isPlainInteger(s), /^[+-]?\d+$/.test(s), s);
    assert.ok(Object.is(strtol64(s), Number(strtol(s))), s);
  }
});
