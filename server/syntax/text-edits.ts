// Small text helpers rules use to build exact edits.

/** Leading blanks of the line that contains `offset`. */
export function lineIndentation(text: string, offset: number): string {
  let b = offset;
  while (b > 0 && text[b - 1] !== '\n') b--;
  let e = b;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(b, e);
}

/**
 * Offset of the end of the physical line containing `offset` (before its terminator). Lines end where Apache ends
 * them: at LF (CRLF included); a lone CR is a blank inside the line to Apache, so an edit placed there would land
 * in the middle of a directive.
 */
export function lineEndOf(text: string, offset: number): number {
  let e = offset;
  while (e < text.length && text[e] !== '\n' && !(text[e] === '\r' && text[e + 1] === '\n')) e++;
  return e;
}

/** The file's line terminator: CRLF when the file uses it, LF otherwise. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
