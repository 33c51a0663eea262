// Offset <-> (line, character) conversion with LSP's line breaks (CRLF, LF and lone CR).
import { itself, lastIndexAtOrBefore } from './search';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of each line's first character, at 4 bytes a line (a pushed number array takes about 3 times that). */
  private readonly starts: Int32Array;

  /** No CR in the text: line starts follow LFs only, and an edit's new starts can be found without looking around it. */
  private readonly lfOnly: boolean;

  constructor(
    private readonly text: string,
    known?: Int32Array,
  ) {
    this.lfOnly = known !== undefined || text.indexOf('\r') < 0;
    this.starts = known ?? (this.lfOnly ? lfLineStarts(text) : lineStarts(text));
  }

  /**
   * The index of `text`, an edit of this index's text that replaced [start, oldEnd) with text[start, newEnd):
   * the line starts before the edit are kept, those after it moved, and only the inserted text is searched.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const inserted = text.slice(start, newEnd);
    if (!this.lfOnly || inserted.indexOf('\r') >= 0) return new LineIndex(text);
    const keep = lastIndexAtOrBefore(this.starts, start, itself) + 1;
    const after = lastIndexAtOrBefore(this.starts, oldEnd, itself) + 1;
    const starts = new Int32Array(keep + countNewlines(inserted) + (this.starts.length - after));
    starts.set(this.starts.subarray(0, keep));
    let k = keep;
    for (let lf = inserted.indexOf('\n'); lf >= 0; lf = inserted.indexOf('\n', lf + 1)) starts[k++] = start + lf + 1;
    const delta = newEnd - oldEnd;
    for (let i = after; i < this.starts.length; i++) starts[k++] = this.starts[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // The first line starts at 0 ≤ o: a line is always found.
    const line = lastIndexAtOrBefore(this.starts, o, itself);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(start + Math.max(0, pos.character), lineEnd);
  }
}

/** How many LFs `text` holds. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) count++;
  return count;
}

/** Line starts of a text without CR: after each LF, found with indexOf (a count, then a fill at the exact size). */
function lfLineStarts(text: string): Int32Array {
  const starts = new Int32Array(countNewlines(text) + 1);
  let k = 1;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) starts[k++] = lf + 1;
  return starts;
}

/** Line starts after CRLF, LF and lone CR. */
function lineStarts(text: string): Int32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}
