// Applies text edits (document offsets) exactly; used by --fix and by tests that check a fix's result.
import type { Fix, Report, TextEditSpan } from '../rules/types';

export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The fix --fix applies for a report: the preferred one, else the only one. */
export function preferredFix(report: Report): Fix | undefined {
  return report.fixes.find((f) => f.preferred) ?? (report.fixes.length === 1 ? report.fixes[0] : undefined);
}

/**
 * Picks the preferred fix of every report whose edits do not touch another chosen fix's edits, so that all
 * chosen edits apply together; the rest wait for the next pass.
 */
export function chooseFixes(reports: readonly Report[]): TextEditSpan[] {
  const taken: TextEditSpan[] = [];
  const clashes = (e: TextEditSpan) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end));
  for (const r of reports) {
    const fix = preferredFix(r);
    if (!fix || fix.edits.some(clashes)) continue;
    taken.push(...fix.edits);
  }
  return taken;
}
