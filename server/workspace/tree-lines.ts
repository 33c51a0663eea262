// The lines buildTree reads word by word. Only Include[Optional], [Un]Define and ServerRoot shape the tree, and in
// a file where no line continues each line is one logical line whose first word is a piece of it: so a line that
// holds none of those names is skipped without splitting the file into lines and reading every first word.
import { PlainLine, splitLogicalLines } from '../syntax/logical-lines';
import type { LogicalLine } from '../syntax/ast';

/** Each tree directive's name contains one of these (ASCII letters; case aside). */
const NAME_PART = /include|define|serverroot/gi;
/** A backslash ending a line (before LF or CRLF): splitLogicalLines joins the next line to it. */
const CONTINUED = /\\\r?\n/;

/**
 * The logical lines of `text` that may hold a directive shaping the tree, in order, exactly as splitLogicalLines
 * gives them (fields included). Where a line continues (`\` before a newline), every line: a name may be split
 * across lines. Elsewhere, the lines containing a name part. A word whose value is a name is then a piece of its
 * line: readWord takes off quotes, drops a backslash only before a quote (which stays in the value, and no name has
 * one), and `key="…"` values hold `=`; and lower-casing maps no other character to an ASCII letter of these names
 * (the Kelvin sign goes to `k`, `İ` to two characters).
 */
export function treeDirectiveLines(text: string): LogicalLine[] {
  if (CONTINUED.test(text)) return splitLogicalLines(text);
  const lines: LogicalLine[] = [];
  const names = new RegExp(NAME_PART);
  let physical = 0;
  /** Newlines before this offset are counted in `physical`. */
  let counted = 0;
  for (let m = names.exec(text); m !== null; m = names.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) physical++;
    counted = start;
    const lf = text.indexOf('\n', m.index);
    const lineEnd = lf < 0 ? text.length : lf;
    // splitLogicalLines' own rule: the content ends before a CR that ends the line.
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const next = lf < 0 ? text.length : lf + 1;
    lines.push(new PlainLine(start, next, physical, text.slice(start, end)));
    names.lastIndex = next;
  }
  return lines;
}
