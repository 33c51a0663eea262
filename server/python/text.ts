// Positions and indentation for fixes that restructure Python blocks. Python's blocks are its indentation, so a
// fix that wraps statements in `try:` must shift exactly their lines, and never the inside of a multi-line string.
import type { TextEditSpan } from '../rules/types';
import { eolOf, lineEndOf, lineIndentation } from '../syntax/text-edits';
import { kid, statementsOf, type PythonSource, type SyntaxNode } from './syntax';

export { eolOf, lineEndOf, lineIndentation };

export function lineStartOf(text: string, offset: number): number {
  let b = offset;
  while (b > 0 && text[b - 1] !== '\n' && text[b - 1] !== '\r') b--;
  return b;
}

/** Offset just after the node's last non-blank character (lezer bodies include their final line break). */
export function contentEnd(text: string, node: SyntaxNode): number {
  let e = node.to;
  while (e > node.from && /\s/.test(text[e - 1])) e--;
  return e;
}

/**
 * True when the statement starts its line and only a comment may follow it on its last line: then it can be
 * moved or re-indented line by line. False for `if x: stmt` and for `a = 1; stmt`.
 */
export function ownsLines(src: PythonSource, node: SyntaxNode): boolean {
  if (node.parent?.name === 'StatementGroup') return false;
  const text = src.text;
  if (text.slice(lineStartOf(text, node.from), node.from).trim() !== '') return false;
  const end = contentEnd(text, node);
  const rest = text.slice(end, lineEndOf(text, end)).trim();
  return rest === '' || rest.startsWith('#');
}

/** The file's indentation step, read from the function's body; four spaces when it cannot tell. */
export function indentUnit(src: PythonSource, fn: SyntaxNode): string {
  const body = kid(fn, 'Body');
  const first = body && statementsOf(body)[0];
  if (first) {
    const outer = lineIndentation(src.text, fn.from);
    const inner = lineIndentation(src.text, first.from);
    if (inner.startsWith(outer) && inner.length > outer.length && lineStartOf(src.text, first.from) !== lineStartOf(src.text, fn.from)) {
      return inner.slice(outer.length);
    }
  }
  return '    ';
}

/** Spans of string literals that cross a line break: their inner lines are text, not code. */
function multiLineStrings(src: PythonSource, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  src.tree.iterate({
    from,
    to,
    enter(n) {
      if ((n.name === 'String' || n.name === 'FormatString') && /[\r\n]/.test(src.text.slice(n.from, n.to))) {
        out.push([n.from, n.to]);
        return false;
      }
      return undefined;
    },
  });
  return out;
}

/**
 * Insertions of `unit` at the start of every line from the line of `from` to the line of `to`, skipping blank lines
 * and lines that begin inside a multi-line string. `skipFirst` leaves the first line to a caller that edits it.
 */
export function indentEdits(src: PythonSource, from: number, to: number, unit: string, skipFirst = false): TextEditSpan[] {
  const text = src.text;
  const strings = multiLineStrings(src, from, to);
  const edits: TextEditSpan[] = [];
  let start = lineStartOf(text, from);
  let first = true;
  while (start <= to && start < text.length) {
    const end = lineEndOf(text, start);
    const blank = text.slice(start, end).trim() === '';
    const inString = strings.some(([a, b]) => a < start && start < b);
    if (!(first && skipFirst) && !blank && !inString) edits.push({ start, end: start, newText: unit });
    first = false;
    let next = end;
    if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
    else if (next < text.length) next += 1;
    else break;
    start = next;
  }
  return edits;
}

/** A name not in `taken`: `base`, then `base_2`, `base_3` … */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** Joins lines with the file's line break, each prefixed by `indent`. */
export function block(lines: readonly string[], indent: string, eol: string): string {
  return lines.map((l) => indent + l).join(eol);
}

/** Code on one line, cut to a length that reads well in a message or a fix title. */
export function shortCode(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}
