// Splits logical lines (logical-lines.ts) into words, mirroring httpd's ap_getword_conf: quotes only open at the
// start of a word; `#` starts a comment only as the first non-blank character of a logical line (so a comment
// ending in `\` swallows the next line too).
import type { LogicalLine, Word } from './ast';

/** apr_isspace: the characters Apache treats as blanks inside a line. */
export function isBlank(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13);
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
  // Apache strips the blanks ending a line before it reads the words: a quote left open keeps none of them.
  if (limit === s.length) {
    let k = value.length;
    while (k > 0 && isBlank(value.charCodeAt(k - 1))) k--;
    value = value.slice(0, k);
  }
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
 * What every word without quotes answers alike: its value is its raw text, it has no quote, and it is terminated.
 * The syntax tree keeps thousands of words for the whole analysis, so these are answered, not stored.
 */
abstract class UnquotedWord {
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
}

/**
 * A word with neither quotes nor `key=` (most arguments): it stores its range and text, and answers the other
 * Word fields from them. Half the memory of a full Word, and the syntax tree is what the garbage collector copies
 * while an analysis runs.
 */
class PlainWord extends UnquotedWord implements Word {
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

/** Moves a word of a re-used tree `delta` characters on (a plain word's value start is its start). */
export function shiftWord(word: Word, delta: number): void {
  word.start += delta;
  word.end += delta;
  if (!(word instanceof PlainWord)) word.valueStart += delta;
}

/** The word content[i, j) found by plainWordEnd, with the fields readWord would give it. */
function plainWord(line: LogicalLine, i: number, j: number): Word {
  const s = line.content;
  const raw = s.slice(i, j);
  // The key ends at the first `=` after the word's first character (readWord's rule).
  const eq = raw.indexOf('=', 1);
  const start = offsetOf(line, i);
  if (eq < 0) return new PlainWord(start, endOffsetOf(line, j), raw);
  return new KeyValueWord(start, endOffsetOf(line, j), raw, raw.slice(0, eq), raw.slice(eq + 1), offsetOf(line, i + eq + 1));
}

/**
 * A `key=value` word without quotes (mod_wsgi's options): six stored fields, the other three answered (72 bytes
 * instead of a 96-byte literal; a config has thousands and the tree keeps them for the whole analysis).
 */
class KeyValueWord extends UnquotedWord implements Word {
  constructor(
    start: number,
    end: number,
    raw: string,
    public key: string,
    public optionValue: string,
    public valueStart: number,
  ) {
    super(start, end, raw);
  }
  /** JSON shows every Word field in a literal word's order (a spread `{...word}` would not: copy fields by name). */
  toJSON(): Word {
    return { start: this.start, end: this.end, raw: this.raw, value: this.raw, quote: null, unterminated: false, key: this.key, optionValue: this.optionValue, valueStart: this.valueStart };
  }
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
