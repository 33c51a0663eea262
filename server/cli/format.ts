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

/**
 * Each finding's text line, gathered into pieces (one write per line cost ~5x as much for 5,000 findings), made as
 * they are asked for: the CLI asks for the next once stdout has taken the last.
 */
export function* textPieces(findings: Iterable<JsonFinding>, chunk = CHUNK): Generator<string> {
  let pending = '';
  for (const f of findings) {
    pending += formatText(f) + '\n';
    if (pending.length >= chunk) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** Findings per JSON piece: ~60 KB of text for typical findings, one JSON.stringify call each. */
const FINDINGS_PER_PIECE = 64;

/**
 * `JSON.stringify(findings, null, 2) + '\n'` in pieces, a batch of findings at a time, made as they are asked for:
 * neither the whole text nor all findings as objects are held at once (5,000 findings are ~4.5 MB of text, and were
 * held three times: the text, the text with its newline, and their bytes). For a non-empty array that text is `[\n`
 * + its elements' texts, each indented by two spaces, joined by `,\n`, + `\n]`; so a batch's own text without its
 * first two and last two characters (`[\n`, `\n]`) is its part of the whole. A piece ends between findings, never
 * inside a surrogate pair (each half alone would be written as U+FFFD), so the bytes are those of the whole.
 */
export function* jsonPieces(findings: Iterable<JsonFinding>, perPiece = FINDINGS_PER_PIECE): Generator<string> {
  let batch: JsonFinding[] = [];
  let written = false;
  const piece = () => {
    const text = JSON.stringify(batch, null, 2);
    const out = (written ? ',\n' : '[\n') + text.slice(2, -2);
    written = true;
    batch = [];
    return out;
  };
  for (const f of findings) {
    batch.push(f);
    if (batch.length >= perPiece) yield piece();
  }
  if (batch.length > 0) yield piece();
  yield written ? '\n]\n' : '[]\n';
}
