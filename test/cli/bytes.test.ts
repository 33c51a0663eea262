// The byte-exact text --fix edits: decoding agrees with Node's, and bytes outside the edits come back unchanged.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, editBytes, encodeBytes, touchesHole } from '../../server/cli/bytes';

const params = { numRuns: 400, seed: 20261124 };
// Mostly the bytes that make UTF-8 interesting: ASCII, continuation bytes, every kind of lead byte.
const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
const bytes = fc.array(byte, { maxLength: 40 }).map((a) => Buffer.from(a));

test('decodeBytes gives the text Buffer.toString gives, and encodes back to the same bytes', () => {
  fc.assert(
    fc.property(bytes, (buf) => {
      const t = decodeBytes(buf);
      assert.equal(t.text, buf.toString('utf8'));
      assert.deepEqual(encodeBytes(t), buf);
    }),
    params,
  );
  for (const s of ['', 'plain', 'caf\u00e9 \u{1f600} \uFFFD', '\uFEFFbom']) assert.deepEqual(decodeBytes(Buffer.from(s)), { text: s, holes: [] });
});

test('an edit away from undecodable bytes keeps every other byte', () => {
  const buf = Buffer.from([0x23, 0xe9, 0x0a, 0x41, 0x42, 0x0a, 0xf0, 0x9f, 0x0a]); // "#\xe9\nAB\n" + a cut 4-byte sequence
  const t = decodeBytes(buf);
  assert.equal(t.holes.length, 2);
  const ab = t.text.indexOf('AB');
  const edits = [{ start: ab, end: ab + 1, newText: 'xyz\u00e9' }];
  assert.equal(touchesHole(t, edits), false);
  const out = encodeBytes(editBytes(t, edits));
  assert.deepEqual(out, Buffer.concat([buf.subarray(0, 3), Buffer.from('xyz\u00e9'), buf.subarray(4)]));
  // An edit over an undecodable byte, or one copying a U+FFFD, could not be written exactly.
  assert.equal(touchesHole(t, [{ start: 1, end: 2, newText: '' }]), true);
  assert.equal(touchesHole(t, [{ start: 0, end: 0, newText: t.text.slice(0, 2) }]), true);
});

test('holes brought together that would decode differently make encodeBytes refuse', () => {
  // F0 'x' 90 80: three holes; without the 'x' the bytes F0 90 80 would read as one.
  const t = decodeBytes(Buffer.from([0xf0, 0x78, 0x90, 0x80]));
  assert.equal(t.holes.length, 3);
  assert.equal(encodeBytes(editBytes(t, [{ start: 1, end: 2, newText: '' }])), undefined);
});
