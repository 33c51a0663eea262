// A file's text as the analysis sees it (Node's UTF-8 decoding, each undecodable byte sequence one U+FFFD) plus
// the original bytes behind every U+FFFD that stands for undecodable input, so that --fix can write back every
// byte it did not edit: a Latin-1 comment stays Latin-1 instead of turning into EF BF BD.
import type { TextEditSpan } from '../rules/types';
import { applyEdits } from '../features/applyEdits';

/** An undecodable byte sequence: at `at` the text holds one U+FFFD. */
export interface Hole {
  at: number;
  bytes: Buffer;
}

export interface ByteText {
  text: string;
  holes: Hole[];
}

const REPLACEMENT = '\uFFFD';

/** Decodes as `buf.toString('utf8')` does (WHATWG: one U+FFFD per maximal invalid subpart), keeping the holes. */
export function decodeBytes(buf: Buffer): ByteText {
  const parts: string[] = [];
  const holes: Hole[] = [];
  let length = 0;
  let runStart = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const j = validSequenceEnd(buf, i);
    if (j > 0) {
      i = j;
      continue;
    }
    const run = buf.toString('utf8', runStart, i);
    parts.push(run, REPLACEMENT);
    length += run.length;
    const end = invalidSubpartEnd(buf, i);
    holes.push({ at: length, bytes: Buffer.from(buf.subarray(i, end)) });
    length += 1;
    i = runStart = end;
  }
  parts.push(buf.toString('utf8', runStart));
  return { text: parts.join(''), holes };
}

/** Lead byte -> [continuation bytes needed, allowed range of the first continuation byte]. */
function leadOf(b: number): [number, number, number] | undefined {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  return undefined;
}

/** How many bytes from `i` form a valid prefix of a sequence (at least the lead byte). */
function prefixEnd(buf: Buffer, i: number): { end: number; complete: boolean } {
  const lead = leadOf(buf[i]);
  if (!lead) return { end: i + 1, complete: false };
  let [need, lo, hi] = lead;
  let j = i + 1;
  while (need > 0) {
    const c = buf[j];
    if (c === undefined || c < lo || c > hi) return { end: j, complete: false };
    lo = 0x80;
    hi = 0xbf;
    j++;
    need--;
  }
  return { end: j, complete: true };
}

function validSequenceEnd(buf: Buffer, i: number): number {
  const p = prefixEnd(buf, i);
  return p.complete ? p.end : 0;
}

function invalidSubpartEnd(buf: Buffer, i: number): number {
  return prefixEnd(buf, i).end;
}

/** The edits applied to the text; holes after an edit move with it, holes inside an edit's range go with it. */
export function editBytes(t: ByteText, edits: readonly TextEditSpan[]): ByteText {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const holes: Hole[] = [];
  for (const h of t.holes) {
    let shift = 0;
    let inside = false;
    for (const e of sorted) {
      if (h.at >= e.end) shift += e.newText.length - (e.end - e.start);
      if (h.at >= e.start && h.at < e.end) inside = true;
    }
    if (!inside) holes.push({ at: h.at + shift, bytes: h.bytes });
  }
  return { text: applyEdits(t.text, edits), holes };
}

/** True when an edit would drop or copy an undecodable byte: such a fix could not be written exactly. */
export function touchesHole(t: ByteText, edits: readonly TextEditSpan[]): boolean {
  if (t.holes.length === 0) return false;
  return edits.some((e) => e.newText.includes(REPLACEMENT) || t.holes.some((h) => h.at >= e.start && h.at < e.end));
}

/**
 * The bytes to write: the text in UTF-8 with each hole's original bytes put back. Undefined when they would not
 * read back as the text that was analysed (two holes brought together can decode differently): then nothing is written.
 */
export function encodeBytes(t: ByteText): Buffer | undefined {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (const h of t.holes) {
    if (h.at < pos || t.text[h.at] !== REPLACEMENT) return undefined;
    chunks.push(Buffer.from(t.text.slice(pos, h.at), 'utf8'), h.bytes);
    pos = h.at + 1;
  }
  chunks.push(Buffer.from(t.text.slice(pos), 'utf8'));
  const out = Buffer.concat(chunks);
  return out.toString('utf8') === t.text ? out : undefined;
}
