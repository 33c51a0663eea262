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

/** The fix --fix applies for a report: the preferred one, else the only one unless it is a guess to ask about first. */
export function preferredFix(report: Report): Fix | undefined {
  return report.fixes.find((f) => f.preferred) ?? (report.fixes.length === 1 && !report.fixes[0].askFirst ? report.fixes[0] : undefined);
}

/**
 * Picks the preferred fix of every report whose edits do not touch another chosen fix's edits, so that all
 * chosen edits apply together; the rest wait for the next pass. A fix from another rule is not applied inside a
 * span the parser could not read (`unsafe`): there the tree, and so the fix, may not be what the author meant.
 */
export function chooseFixes(reports: readonly Report[], unsafe: ReadonlyArray<{ start: number; end: number }> = []): TextEditSpan[] {
  return chooseFixesByReport(reports, unsafe).flatMap((c) => c.fix.edits);
}

/** chooseFixes, keeping which report each chosen fix belongs to; `skip` leaves a fix out before it takes room. */
export function chooseFixesByReport(
  reports: readonly Report[],
  unsafe: ReadonlyArray<{ start: number; end: number }> = [],
  skip: (report: Report, fix: Fix) => boolean = () => false,
): Array<{ report: Report; fix: Fix }> {
  const chosen: Array<{ report: Report; fix: Fix }> = [];
  const taken: TextEditSpan[] = [];
  const overlaps = (e: TextEditSpan, t: { start: number; end: number }) => (e.start < t.end && t.start < e.end) || e.start === t.start;
  for (const r of reports) {
    const fix = preferredFix(r);
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (!PARSE_RULES.has(r.rule) && fix.edits.some((e) => unsafe.some((u) => overlaps(e, u)))) continue;
    if (skip(r, fix)) continue;
    taken.push(...fix.edits);
    chosen.push({ report: r, fix });
  }
  return chosen;
}

/** Rules whose fixes repair the parse itself. */
export const PARSE_RULES: ReadonlySet<string> = new Set(['syntax-error', 'unterminated-quote']);
