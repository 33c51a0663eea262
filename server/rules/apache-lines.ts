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
    if (line.lastLine === line.firstLine || r.end >= line.end) return;
    if (breaksIn(text, line.start, r.end) >= line.lastLine - line.firstLine) return;
    const blankLast = text[line.end - 1] === '\n' || text[line.end - 1] === '\r';
    r.end = blankLast ? (i + 1 < lines.length ? lines.startOf(i + 1) : text.length) : line.end;
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
