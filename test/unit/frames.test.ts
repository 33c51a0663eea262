// FrameRepair: well-formed stdio frames pass unchanged; after a wrong Content-Length or junk the next header is
// found again, so one broken message never takes the ones after it along.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FrameRepair, nextFrame } from '../../server/transport/frames';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const A = '{"jsonrpc":"2.0","id":1,"method":"a"}';
const B = '{"jsonrpc":"2.0","id":2,"method":"b","params":{"text":"é\\r\\nContent-Length: 3"}}';

function repaired(chunks: string[]): { out: string[]; junk: string[] } {
  const junk: string[] = [];
  const repair = new FrameRepair((why) => junk.push(why));
  const out: string[] = [];
  repair.on('data', (d: Buffer) => out.push(d.toString('utf8')));
  for (const c of chunks) repair.write(Buffer.from(c, 'utf8'));
  return { out, junk };
}

test('well-formed frames pass as they are, however the bytes are split', () => {
  const all = frame(A) + frame(B) + `content-length: ${A.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${A}`;
  for (const size of [1, 3, 17, all.length]) {
    const chunks = [];
    const bytes = Buffer.from(all, 'utf8');
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size).toString('latin1'));
    const junk: string[] = [];
    const repair = new FrameRepair((why) => junk.push(why));
    const out: Buffer[] = [];
    repair.on('data', (d: Buffer) => out.push(d));
    for (const c of chunks) repair.write(Buffer.from(c, 'latin1'));
    assert.equal(Buffer.concat(out).toString('utf8'), frame(A) + frame(B) + frame(A), `chunks of ${size}`);
    assert.deepEqual(junk, []);
  }
});

test('after a wrong length, a bad header or junk, the next message is read', () => {
  const cases: Record<string, string> = {
    short: `Content-Length: 5\r\n\r\n${A}`,
    long: `Content-Length: 400\r\n\r\n${A}`,
    nan: `Content-Length: x\r\n\r\n${A}`,
    none: `Foo: bar\r\n\r\n${A}`,
    junk: `\u0000\u00ff garbage \r\n\r\n`,
    badJson: frame('{"jsonrpc":'),
  };
  for (const [what, bad] of Object.entries(cases)) {
    const { out, junk } = repaired([bad, frame(B)]);
    assert.deepEqual(out, [frame(B)], what);
    assert.ok(junk.length >= 1, what);
  }
});

test('a partial frame waits for the rest', () => {
  assert.deepEqual(nextFrame(Buffer.from('Content-Len')), { kind: 'wait' });
  assert.deepEqual(nextFrame(Buffer.from(`Content-Length: ${A.length}\r\n\r\n${A.slice(0, 5)}`)), { kind: 'wait' });
});
