// Ignore comments: `# apache-wsgi: ignore=<id>[,<id>]` silences those rules on the next directive or section
// tag (its whole logical line; blank and other comment lines in between are skipped), and
// `# apache-wsgi: ignore-file=<id>[,<id>]` silences them in the whole file. Applied to each file's findings after
// analysis (single file and server tree alike), so the editor and the CLI agree. Free text may follow the ids.
import { skipBlanks } from '../syntax/lexer';
import { splitLogicalLines } from '../syntax/logical-lines';
import type { LogicalLine } from '../syntax/ast';
import type { Fix, Report } from '../rules/types';
import { insertAbove } from '../model/edits';

const MARKER = 'apache-wsgi';
const COMMENT = /^#\s*apache-wsgi\s*:\s*(ignore-file|ignore)\s*=\s*([A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)/i;

export interface IgnoreComment {
  scope: 'line' | 'file';
  ids: string[];
  /** The comment's logical line. */
  line: LogicalLine;
  /** Document offset just after the last id (where another id is appended). */
  idsEnd: number;
  /** For `ignore=`: the logical line it applies to, if any follows. */
  target?: LogicalLine;
}

const isCommentOrBlank = (l: LogicalLine) => {
  const i = skipBlanks(l.content, 0);
  return i >= l.content.length || l.content[i] === '#';
};

/** Every ignore comment of a file, each `ignore=` tied to the directive it silences. */
export function ignoreComments(text: string, lines: readonly LogicalLine[] = splitLogicalLines(text)): IgnoreComment[] {
  const found: IgnoreComment[] = [];
  let pending: IgnoreComment[] = [];
  for (const line of lines) {
    const i = skipBlanks(line.content, 0);
    const m = line.content[i] === '#' ? COMMENT.exec(line.content.slice(i)) : null;
    if (m) {
      const ids = m[2].split(',').map((s) => s.trim());
      const c: IgnoreComment = { scope: m[1].toLowerCase() === 'ignore-file' ? 'file' : 'line', ids, line, idsEnd: offsetIn(line, i + m[0].length) };
      found.push(c);
      if (c.scope === 'line') pending.push(c);
    } else if (!isCommentOrBlank(line)) {
      for (const c of pending) c.target = line;
      pending = [];
    }
  }
  return found;
}

function offsetIn(line: LogicalLine, index: number): number {
  return line.map ? (index >= line.map.length ? line.end : line.map[index]) : line.start + index;
}

/** The reports not silenced by an ignore comment of `text` (the file they were found in). */
export function withoutIgnored(text: string, reports: Report[]): Report[] {
  if (!text.includes(MARKER) || reports.length === 0) return reports;
  const comments = ignoreComments(text);
  if (comments.length === 0) return reports;
  const fileWide = new Set(comments.filter((c) => c.scope === 'file').flatMap((c) => c.ids));
  const onLine = comments.filter((c) => c.scope === 'line' && c.target);
  return reports.filter(
    (r) => !fileWide.has(r.rule) && !onLine.some((c) => c.ids.includes(r.rule) && r.start >= c.target!.start && r.start <= c.target!.end),
  );
}

/**
 * The edit that silences `report` on its line: the id appended to the ignore comment already above that line, or
 * a new comment line above it at its indentation. Undefined where no comment can apply (a finding in a comment).
 */
export function ignoreLineFix(text: string, report: Pick<Report, 'rule' | 'start'>): Fix | undefined {
  if (report.rule === 'internal-error') return undefined;
  const lines = splitLogicalLines(text);
  const line = lines.find((l) => report.start >= l.start && report.start < Math.max(l.next, l.end + 1));
  if (!line || isCommentOrBlank(line)) return undefined;
  const title = `Ignore ${report.rule} for this line`;
  const existing = ignoreComments(text, lines).find((c) => c.scope === 'line' && c.target === line);
  if (existing) {
    if (existing.ids.includes(report.rule)) return undefined;
    return { title, edits: [{ start: existing.idsEnd, end: existing.idsEnd, newText: `,${report.rule}` }] };
  }
  return { title, edits: [insertAbove(text, line.start, [`# ${MARKER}: ignore=${report.rule}`])] };
}

/** The edit that silences the rule in the whole file: a comment line at the top of the file. */
export function ignoreFileFix(text: string, rule: string): Fix | undefined {
  if (rule === 'internal-error') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { title: `Ignore ${rule} in this file`, edits: [{ start: 0, end: 0, newText: `# ${MARKER}: ignore-file=${rule}${eol}` }] };
}
