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
