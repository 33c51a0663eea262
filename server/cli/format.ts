// Output formats of apache-wsgi-lint. The JSON shape is a public interface: keep it stable.
import type { LineIndex } from '../syntax/positions';
import type { Report } from '../rules/types';

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Report['severity'];
  code: string;
  message: string;
  fixes: Array<{ title: string; edits: JsonEdit[] }>;
}

function oneBased(lines: LineIndex, start: number, end: number) {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function toJsonFinding(file: string, lines: LineIndex, r: Report): JsonFinding {
  return {
    file,
    ...oneBased(lines, r.start, r.end),
    severity: r.severity,
    code: r.rule,
    message: r.message,
    fixes: r.fixes.map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => ({ ...oneBased(lines, e.start, e.end), newText: e.newText })),
    })),
  };
}

export function formatText(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]`;
}

/** Characters per write: the output is handed over in pieces, not as one more copy of itself. */
const CHUNK = 64 * 1024;

/** Writes each finding's text line, gathered into pieces: one write per line cost ~5x as much for 5,000 findings. */
export function writeText(findings: readonly JsonFinding[], write: (chunk: string) => void, chunk = CHUNK): void {
  let pending = '';
  for (const f of findings) {
    pending += formatText(f) + '\n';
    if (pending.length >= chunk) {
      write(pending);
      pending = '';
    }
  }
  if (pending !== '') write(pending);
}

/**
 * Writes `JSON.stringify(findings, null, 2) + '\n'` in pieces. Written whole, 5,000 findings (~4.5 MB) were held
 * three times at once: the text, the text with its newline, and their bytes. A piece never ends between the two
 * halves of a surrogate pair (each half alone would be written as U+FFFD), so the bytes are those of the whole.
 */
export function writeJson(findings: readonly JsonFinding[], write: (chunk: string) => void, chunk = CHUNK): void {
  const text = JSON.stringify(findings, null, 2);
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + chunk, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    write(text.slice(at, end));
    at = end;
  }
  write('\n');
}
