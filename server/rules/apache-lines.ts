// httpd names the last physical line of a continued directive when it refuses it (its line counter has moved past
// every `\`), so an error on a word of an earlier line is stretched to the end of its logical line: the editor
// underlines the directive as a whole, and the error stands on the line `apache2 -t` names. A blank last line
// (a `\` before an empty line) is covered with its line break.
import type { ConfigAst } from '../syntax/ast';
import type { Report } from './types';

/** Stretches error `r` in place when it ends before the last physical line of the logical line it starts on. */
export function toApacheLine(text: string, ast: ConfigAst): (r: Report) => void {
  return (r) => {
    if (r.severity !== 'error') return;
    const lines = ast.lines;
    const i = lines.indexAt(r.start);
    if (i < 0) return;
    const line = lines.at(i);
    if (line.lastLine === line.firstLine) return;
    // A blank last line: the logical line ends where that line starts, so a range ending there (as one ending at
    // the directive's end does) still stops short of it; it takes the blank line with its break.
    const blankLast = text[line.end - 1] === '\n' || text[line.end - 1] === '\r';
    if (blankLast) {
      const next = i + 1 < lines.length ? lines.startOf(i + 1) : text.length;
      if (r.end < next) r.end = next;
      return;
    }
    if (r.end >= line.end || breaksIn(text, line.start, r.end) >= line.lastLine - line.firstLine) return;
    r.end = line.end;
  };
}

/** Line breaks in text[from, to): \r\n, \r and \n each count once. */
function breaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
