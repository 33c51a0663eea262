// Apache's logical lines (ap_cfg_getline): physical lines joined where a line ends with `\` right before the
// newline. The syntax tree keeps them for the whole analysis, so they are stored as columns of numbers; a line
// object and its text are made only when asked for.
import type { LogicalLine } from './ast';
import { itself, lastIndexAtOrBefore } from './search';

/**
 * A logical line without continuation (most lines): its end, last line and map follow from its start, first line
 * and content, so it keeps four fields instead of seven.
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

/**
 * One logical line at a time, rewritten in place by LogicalLines.read: for a reader that is done with each line
 * before it takes the next (the parser), so no object is made per line.
 */
export class LineCursor implements LogicalLine {
  start = 0;
  end = 0;
  next = 0;
  firstLine = 0;
  lastLine = 0;
  content = '';
  map: Int32Array | null = null;
}

/**
 * The logical lines of a text. A line made without continuation is kept as two numbers (its start and its
 * first physical line; its next is the following line's start, its content the text up to the line break);
 * the others, rare, are kept whole in a side table. About 8 bytes a line instead of a line object and a string.
 */
export class LogicalLines {
  constructor(
    private readonly text: string,
    /** Start of each line, then the text's length: line i spans [starts[i], starts[i + 1]) with its terminator. */
    private readonly starts: Int32Array,
    private readonly firstLines: Int32Array,
    /** The lines made by the continuation path, by index; null when there are none. */
    private readonly joined: Map<number, LogicalLine> | null,
  ) {}

  get length(): number {
    return this.firstLines.length;
  }

  /** Line i (0 ≤ i < length): the stored line if it was joined, else a new PlainLine. */
  at(i: number): LogicalLine {
    const joined = this.joined?.get(i);
    if (joined) return joined;
    const start = this.starts[i];
    return new PlainLine(start, this.starts[i + 1], this.firstLines[i], this.text.slice(start, this.plainEnd(i)));
  }

  /** Puts line i into `cursor` (no allocation but the content string) and returns it. */
  read(i: number, cursor: LineCursor): LineCursor {
    const joined = this.joined?.get(i);
    if (joined) {
      cursor.start = joined.start;
      cursor.end = joined.end;
      cursor.next = joined.next;
      cursor.firstLine = joined.firstLine;
      cursor.lastLine = joined.lastLine;
      cursor.content = joined.content;
      cursor.map = joined.map;
      return cursor;
    }
    const start = this.starts[i];
    const end = this.plainEnd(i);
    cursor.start = start;
    cursor.end = end;
    cursor.next = this.starts[i + 1];
    cursor.firstLine = cursor.lastLine = this.firstLines[i];
    cursor.content = this.text.slice(start, end);
    cursor.map = null;
    return cursor;
  }

  startOf(i: number): number {
    return this.starts[i];
  }

  /** Where the logical line holding `offset` starts (its indentation included). */
  lineStartAt(offset: number): number {
    return this.starts[this.indexAt(offset)];
  }

  /** Line i's `end` without making the line. */
  endOf(i: number): number {
    const joined = this.joined?.get(i);
    return joined ? joined.end : this.plainEnd(i);
  }

  /** Index of the last line starting at or before `offset`; -1 when there is none. */
  indexAt(offset: number): number {
    // `starts` ends with the text's length, which no line starts at: a hit there is the last line.
    return Math.min(lastIndexAtOrBefore(this.starts, offset, itself), this.length - 1);
  }

  /** The line holding `offset` (its end included), if any. */
  lineAt(offset: number): LogicalLine | undefined {
    const i = this.indexAt(offset);
    return i >= 0 && offset <= this.endOf(i) ? this.at(i) : undefined;
  }

  /**
   * Indexes, in order, of the lines whose content includes `needle`. A plain line's content is the text from
   * its start to its end, so for those one search of the whole text answers; a joined line's content is read.
   */
  indexesContaining(needle: string): number[] {
    const found: number[] = [];
    const text = this.text;
    let hit = text.indexOf(needle);
    for (let i = 0; i < this.length; i++) {
      const joined = this.joined?.get(i);
      if (joined) {
        if (joined.content.includes(needle)) found.push(i);
        continue;
      }
      if (hit < 0) {
        if (this.joined === null) break;
        continue;
      }
      const start = this.starts[i];
      if (hit < start) hit = text.indexOf(needle, start);
      if (hit >= 0 && hit + needle.length <= this.plainEnd(i)) found.push(i);
    }
    return found;
  }

  /** Every line, as an array (tests and rare callers; the parser and the model read lines by index). */
  toArray(): LogicalLine[] {
    const lines: LogicalLine[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) lines[i] = this.at(i);
    return lines;
  }

  *[Symbol.iterator](): Iterator<LogicalLine> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** JSON shows the lines as an array, as when the tree kept one. */
  toJSON(): LogicalLine[] {
    return this.toArray();
  }

  /** 0-based physical line where logical line i starts. */
  firstLineOf(i: number): number {
    return this.firstLines[i];
  }

  /**
   * The lines of `text`, an edit of this store's text in which lines [from, to) were replaced by `region` (lines
   * read from the replacing text alone, which starts at `offset` and physical line `lineOffset`); the lines from
   * `to` on moved by `delta` characters and `lineDelta` physical lines. This store is left as it was.
   */
  splice(text: string, from: number, to: number, region: LogicalLines, offset: number, lineOffset: number, delta: number, lineDelta: number): LogicalLines {
    const inner = region.length;
    const count = from + inner + (this.length - to);
    const starts = new Int32Array(count + 1);
    const firstLines = new Int32Array(count);
    starts.set(this.starts.subarray(0, from));
    firstLines.set(this.firstLines.subarray(0, from));
    for (let k = 0; k < inner; k++) {
      starts[from + k] = region.starts[k] + offset;
      firstLines[from + k] = region.firstLines[k] + lineOffset;
    }
    // The tail, with the text's length that closes `starts`.
    for (let k = to; k <= this.length; k++) starts[k - to + from + inner] = this.starts[k] + delta;
    for (let k = to; k < this.length; k++) firstLines[k - to + from + inner] = this.firstLines[k] + lineDelta;
    let joined: Map<number, LogicalLine> | null = null;
    const keep = (i: number, line: LogicalLine) => (joined ??= new Map()).set(i, line);
    if (this.joined) for (const [i, line] of this.joined) if (i < from) keep(i, line);
    if (region.joined) for (const [i, line] of region.joined) keep(from + i, movedLine(line, offset, lineOffset));
    if (this.joined) for (const [i, line] of this.joined) if (i >= to) keep(i - to + from + inner, movedLine(line, delta, lineDelta));
    return new LogicalLines(text, starts, firstLines, joined);
  }

  /** End of plain line i: before its line break (LF, CRLF, or a CR alone at the end of the text). */
  private plainEnd(i: number): number {
    const start = this.starts[i];
    let end = this.starts[i + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Splits the text as httpd's ap_cfg_getline reads it, into the compact store. */
export function readLogicalLines(text: string): LogicalLines {
  const n = text.length;
  // Room for a guess of the line count (one per 16 characters), doubled when short and cut to the count at the
  // end: cheaper than a counting pass over the text.
  let starts: Int32Array = new Int32Array((n >> 4) + 16);
  let firstLines: Int32Array = new Int32Array(starts.length);
  let joined: Map<number, LogicalLine> | null = null;
  let count = 0;
  let pos = 0;
  let physical = 0;
  while (pos < n) {
    const start = pos;
    const firstLine = physical;
    if (count + 1 >= starts.length) {
      starts = grown(starts);
      firstLines = grown(firstLines);
    }
    starts[count] = start;
    firstLines[count] = firstLine;
    // Most lines do not continue: take them without the bookkeeping below.
    const lf0 = text.indexOf('\n', pos);
    const lineEnd0 = lf0 < 0 ? n : lf0;
    const contentEnd0 = lineEnd0 > pos && text.charCodeAt(lineEnd0 - 1) === 13 ? lineEnd0 - 1 : lineEnd0;
    if (lf0 < 0 || contentEnd0 - 1 < pos || text.charCodeAt(contentEnd0 - 1) !== 92) {
      pos = lf0 < 0 ? n : lf0 + 1;
      physical++;
      count++;
      continue;
    }
    const pieces: Array<[number, number]> = [];
    let end: number;
    let next: number;
    for (;;) {
      const lf = text.indexOf('\n', pos);
      const lineEnd = lf < 0 ? n : lf;
      const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      // httpd continues on a backslash right before the newline, a line holding only `\` too (verified with
      // apache2 -t: `\` then `foo` fails on 'foo'); `\\` at the end continues too (only one backslash is removed).
      const bs = contentEnd - 1;
      const continued = lf >= 0 && bs >= pos && text.charCodeAt(bs) === 92;
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
    (joined ??= new Map()).set(count, { start, end, next, firstLine, lastLine: physical, content, map });
    count++;
    pos = next;
    physical++;
  }
  starts[count] = n;
  return new LogicalLines(text, starts.slice(0, count + 1), firstLines.slice(0, count), joined);
}

/** A copy of a joined line `delta` characters and `lineDelta` physical lines further on. */
function movedLine(line: LogicalLine, delta: number, lineDelta: number): LogicalLine {
  let map: Int32Array | null = null;
  if (line.map) {
    map = new Int32Array(line.map.length);
    for (let k = 0; k < map.length; k++) map[k] = line.map[k] + delta;
  }
  return { start: line.start + delta, end: line.end + delta, next: line.next + delta, firstLine: line.firstLine + lineDelta, lastLine: line.lastLine + lineDelta, content: line.content, map };
}

function grown(column: Int32Array): Int32Array {
  const bigger = new Int32Array(column.length * 2);
  bigger.set(column);
  return bigger;
}

/** The logical lines of a text as an array of line objects. */
export function splitLogicalLines(text: string): LogicalLine[] {
  return readLogicalLines(text).toArray();
}
