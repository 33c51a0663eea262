// Over stdio every message is framed by a Content-Length header. One wrong length (too short, too long, not a
// number, missing) would leave the stock reader misaligned for good: every later message read as garbage. This
// stream sits in front of it and passes on only well-formed frames, skipping to the next header after junk, so
// the server drops the broken message and keeps serving.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER = /^Content-Length:[ \t]*(\d+)[ \t]*$/i;
const SPELLINGS = ['Content-Length:', 'content-length:', 'CONTENT-LENGTH:'].map((h) => Buffer.from(h, 'latin1'));
const END_OF_HEADERS = Buffer.from('\r\n\r\n');
/** A header block longer than this is junk (real ones are under 100 bytes). */
const MAX_HEADERS = 4096;

export type Frame =
  | { kind: 'message'; body: Buffer; next: number }
  | { kind: 'junk'; next: number; why: string }
  | { kind: 'wait' };

/** The next header start in buf[from, to) in a usual spelling, or -1 (native search: bodies can be MBs). */
function headerAt(buf: Buffer, from: number, to = buf.length): number {
  const area = buf.subarray(0, to);
  const hits = SPELLINGS.map((h) => area.indexOf(h, from)).filter((i) => i >= 0);
  return hits.length ? Math.min(...hits) : -1;
}

/** Drop everything before the next header after `from`; keep a tail that may be the start of one. */
function skipTo(buf: Buffer, from: number, why: string): Frame {
  const at = headerAt(buf, from);
  return { kind: 'junk', next: at >= 0 ? at : Math.max(from, buf.length - SPELLINGS[0].length), why };
}

/** Reads one frame from the start of `buf`. */
export function nextFrame(buf: Buffer): Frame {
  if (buf.length === 0) return { kind: 'wait' };
  const end = buf.indexOf(END_OF_HEADERS);
  if (end < 0) return buf.length > MAX_HEADERS ? skipTo(buf, 1, 'no header end') : { kind: 'wait' };
  let length = -1;
  for (const line of buf.subarray(0, end).toString('latin1').split('\r\n')) {
    const m = HEADER.exec(line);
    if (m) length = Number(m[1]);
    else if (!/^[A-Za-z-]+:/.test(line)) return skipTo(buf, 1, `not a header: ${JSON.stringify(line.slice(0, 80))}`);
  }
  if (length < 0) return skipTo(buf, 1, 'no Content-Length');
  const start = end + END_OF_HEADERS.length;
  // A header line inside the body means the length was too long and the next message began within it: a raw
  // `Content-Length: n` + CRLF can be in no JSON text (strings cannot hold a raw CR, and it is no JSON token).
  const inside = headerAt(buf, start, Math.min(buf.length, start + length));
  if (inside >= 0 && /^Content-Length:[ \t]*\d+[ \t]*\r\n/i.test(buf.subarray(inside, inside + 40).toString('latin1'))) {
    return { kind: 'junk', next: inside, why: 'Content-Length longer than the message' };
  }
  if (buf.length < start + length) return { kind: 'wait' };
  const body = buf.subarray(start, start + length);
  if (!isJson(body)) return skipTo(buf, start, 'body is not JSON (wrong Content-Length?)');
  return { kind: 'message', body, next: start + length };
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Re-frames the input: well-formed messages pass with a correct header; junk is reported and dropped. */
export class FrameRepair extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onJunk: (why: string) => void = () => {}) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const frame = nextFrame(this.buffer);
      if (frame.kind === 'wait') break;
      this.buffer = this.buffer.subarray(frame.next);
      if (frame.kind === 'junk') this.onJunk(frame.why);
      else this.push(Buffer.concat([Buffer.from(`Content-Length: ${frame.body.length}\r\n\r\n`, 'latin1'), frame.body]));
    }
    done();
  }
}
