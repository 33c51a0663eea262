// Splits text into Apache's logical lines and lines into words, mirroring httpd's ap_cfg_getline and
// ap_getword_conf: a line continues when `\` stands right before the newline; quotes only open at the start of
// a word; `#` starts a comment only as the first non-blank character of a logical line (so a comment ending in
// `\` swallows the next line too).
import type { LogicalLine, Word } from './ast';

/** apr_isspace: the characters Apache treats as blanks inside a line. */
export function isBlank(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
}

export function splitLogicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const n = text.length;
  let pos = 0;
  let physical = 0;
  while (pos < n) {
    const start = pos;
    const firstLine = physical;
    // Most lines do not continue: take them without the bookkeeping below.
    const lf0 = text.indexOf('\n', pos);
    const lineEnd0 = lf0 < 0 ? n : lf0;
    const contentEnd0 = lineEnd0 > pos && text.charCodeAt(lineEnd0 - 1) === 13 ? lineEnd0 - 1 : lineEnd0;
    if (lf0 < 0 || contentEnd0 - 1 <= pos || text.charCodeAt(contentEnd0 - 1) !== 92) {
      const next0 = lf0 < 0 ? n : lf0 + 1;
      lines.push(new PlainLine(start, next0, firstLine, text.slice(pos, contentEnd0)));
      pos = next0;
      physical++;
      continue;
    }
    const pieces: Array<[number, number]> = [];
    let end: number;
    let next: number;
    for (;;) {
      const lf = text.indexOf('\n', pos);
      const lineEnd = lf < 0 ? n : lf;
      const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      // httpd continues on a backslash right before the newline unless it is the very first character of the
      // logical line read so far; `\\` at the end continues too (only one backslash is removed).
      const bs = contentEnd - 1;
      const hasBefore = bs > pos || pieces.some(([a, b]) => b > a);
      const continued = lf >= 0 && bs >= pos && text.charCodeAt(bs) === 92 && hasBefore;
      if (continued) {
        pieces.push([pos, contentEnd - 1]);
        pos = lf + 1;
        physical++;
        if (pos >= n) {
          end = contentEnd;
          next = n;
          break;
        }
        continue;
      }
      pieces.push([pos, contentEnd]);
      end = contentEnd;
      next = lf < 0 ? n : lf + 1;
      break;
    }
    let content: string;
    let map: Int32Array | null = null;
    if (pieces.length === 1) {
      content = text.slice(pieces[0][0], pieces[0][1]);
    } else {
      content = pieces.map(([a, b]) => text.slice(a, b)).join('');
      map = new Int32Array(content.length + 1);
      let i = 0;
      for (const [a, b] of pieces) for (let o = a; o < b; o++) map[i++] = o;
      map[i] = end;
    }
    lines.push({ start, end, next, firstLine, lastLine: physical, content, map });
    pos = next;
    physical++;
  }
  return lines;
}

/**
 * A logical line without continuation (most lines): its end, last line and map follow from its start, first line
 * and content, so it keeps four fields instead of seven (the tree keeps every line for the whole analysis).
 */
export class PlainLine implements LogicalLine {
  constructor(
    public start: number,
    public next: number,
    public firstLine: number,
    public content: string,
  ) {}
  get end(): number {
    return this.start + this.content.length;
  }
  get lastLine(): number {
    return this.firstLine;
  }
  get map(): null {
    return null;
  }
  /** JSON shows every LogicalLine field, as for a continued line (a spread `{...line}` would not: copy by name). */
  toJSON(): LogicalLine {
    return { start: this.start, end: this.end, next: this.next, firstLine: this.firstLine, lastLine: this.firstLine, content: this.content, map: null };
  }
}

/** Document offset of a content index of a logical line. */
export function offsetOf(line: LogicalLine, index: number): number {
  if (!line.map) return line.start + index;
  if (index >= line.map.length) return line.end;
  return line.map[index];
}

/** Document offset just after the content character at index-1 (an exclusive end). */
export function endOffsetOf(line: LogicalLine, index: number): number {
  if (index <= 0) return offsetOf(line, 0);
  return offsetOf(line, index - 1) + 1;
}

export function skipBlanks(s: string, i: number, end = s.length): number {
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** Reads one word of `content` starting at `i` (blanks already skipped); returns the word and the index after it. */
export function readWord(line: LogicalLine, i: number, limit = line.content.length): { word: Word; next: number } {
  const s = line.content;
  const first = s[i];
  let j: number;
  let value: string;
  let quote: '"' | "'" | null = null;
  let unterminated = false;
  let key: string | null = null;
  let optionValue = '';
  let valueIndex = i;
  let raw: string | undefined;
  if (first === '"' || first === "'") {
    quote = first;
    ({ end: j, value, unterminated } = readQuoted(s, i, limit));
    optionValue = value;
  } else {
    j = i;
    while (j < limit && !isBlank(s.charCodeAt(j))) {
      // mod_wsgi reads `name="quoted value"` as one option: its parser splits at `=` and reads the value as a word.
      if (s.charCodeAt(j) === 61 /* = */ && key === null && j > i) {
        key = s.slice(i, j);
        valueIndex = j + 1;
        const q = s[j + 1];
        if (q === '"' || q === "'") {
          const r = readQuoted(s, j + 1, limit);
          j = r.end;
          optionValue = r.value;
          unterminated = r.unterminated;
          quote = q;
          break;
        }
      }
      j++;
    }
    raw = s.slice(i, j);
    value = raw;
    if (key !== null && quote === null) optionValue = s.slice(valueIndex, j);
    if (key !== null && quote !== null) value = key + '=' + optionValue;
  }
  const word: Word = {
    start: offsetOf(line, i),
    end: endOffsetOf(line, j),
    raw: raw ?? s.slice(i, j),
    value,
    quote,
    unterminated,
    key,
    optionValue,
    valueStart: offsetOf(line, valueIndex),
  };
  return { word, next: j };
}

function readQuoted(s: string, i: number, limit: number): { end: number; value: string; unterminated: boolean } {
  const q = s[i];
  let j = i + 1;
  let value = '';
  while (j < limit && s[j] !== q) {
    // Apache drops a backslash only when it escapes the quote character.
    if (s[j] === '\\' && s[j + 1] === q && j + 1 < limit) {
      value += q;
      j += 2;
      continue;
    }
    value += s[j];
    j++;
  }
  if (j < limit) return { end: j + 1, value, unterminated: false };
  return { end: j, value, unterminated: true };
}

/**
 * Where the plain word at `i` ends: one that opens no quote, either at its start or after its first `=` (those
 * are most words). -1 when readWord must read it.
 */
export function plainWordEnd(s: string, i: number, limit: number): number {
  const first = s.charCodeAt(i);
  if (first === 34 || first === 39) return -1;
  let j = i;
  let seenEquals = false;
  while (j < limit) {
    const c = s.charCodeAt(j);
    if (isBlank(c)) break;
    if (c === 61 /* = */ && !seenEquals && j > i) {
      seenEquals = true;
      // readWord looks at the character after `=` even past the limit: so does this test.
      const q = s.charCodeAt(j + 1);
      if (q === 34 || q === 39) return -1;
    }
    j++;
  }
  return j;
}

/**
 * A word with neither quotes nor `key=` (most arguments): it stores its range and text, and answers the other
 * Word fields from them. Half the memory of a full Word, and the syntax tree is what the garbage collector copies
 * while an analysis runs.
 */
class PlainWord implements Word {
  constructor(
    public start: number,
    public end: number,
    public raw: string,
  ) {}
  get value(): string {
    return this.raw;
  }
  get quote(): null {
    return null;
  }
  get unterminated(): boolean {
    return false;
  }
  get key(): null {
    return null;
  }
  get optionValue(): string {
    return '';
  }
  get valueStart(): number {
    return this.start;
  }
  /** JSON shows every Word field, as for any other word (a spread `{...word}` would not: copy fields by name). */
  toJSON(): Word {
    return { start: this.start, end: this.end, raw: this.raw, value: this.raw, quote: null, unterminated: false, key: null, optionValue: '', valueStart: this.start };
  }
}

/** The word content[i, j) found by plainWordEnd, with the fields readWord would give it. */
function plainWord(line: LogicalLine, i: number, j: number): Word {
  const s = line.content;
  const raw = s.slice(i, j);
  // The key ends at the first `=` after the word's first character (readWord's rule).
  const eq = raw.indexOf('=', 1);
  const start = offsetOf(line, i);
  if (eq < 0) return new PlainWord(start, endOffsetOf(line, j), raw);
  return {
    start,
    end: endOffsetOf(line, j),
    raw,
    value: raw,
    quote: null,
    unterminated: false,
    key: raw.slice(0, eq),
    optionValue: raw.slice(eq + 1),
    valueStart: offsetOf(line, i + eq + 1),
  };
}

/**
 * Collects one line's words; the result is copied out at its exact size (see readWords). Entries are overwritten,
 * never truncated: `length = 0` gives V8's array up its storage, so every line grew a fresh 17-slot store.
 */
const scratch: Array<Word | null> = [];

/**
 * All words of content[from, limit). An array grown by push from empty reserves room for 16 elements; the tree
 * keeps one per directive, so the words are gathered in a shared scratch array and copied out at their size.
 */
export function readWords(line: LogicalLine, from: number, limit = line.content.length): Word[] {
  const count = collectWords(line, from, limit);
  const out = scratch.slice(0, count) as Word[];
  // Let go of the words (and the text their strings may share) once they are copied out.
  for (let k = 0; k < count; k++) scratch[k] = null;
  return out;
}

/** Writes the words into scratch[0, count) and returns count. */
function collectWords(line: LogicalLine, from: number, limit: number): number {
  const s = line.content;
  let count = 0;
  let i = skipBlanks(s, from, limit);
  while (i < limit) {
    // Plain words skip readWord's general path and its result object: most arguments are plain.
    const j = plainWordEnd(s, i, limit);
    if (j >= 0) {
      scratch[count++] = plainWord(line, i, j);
      i = skipBlanks(s, j, limit);
      continue;
    }
    const { word, next } = readWord(line, i, limit);
    scratch[count++] = word;
    i = skipBlanks(s, next, limit);
  }
  return count;
}
