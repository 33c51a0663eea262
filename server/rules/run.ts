// Runs a set of rules (the config rules or the Python rules) with the user's severities. A rule that throws
// becomes an internal finding on the file, never a crash of the server or the CLI.
import type { Finding, Report, Severity, SeveritySetting } from './types';

export interface RunnableRule<C> {
  id: string;
  defaultSeverity: Severity;
  docUrl: string;
  check(ctx: C & { report(finding: Finding): void }): void;
}

/** `place`, when given, may move each report (its range) before the reports are put in order. */
export function runRuleSet<C>(rules: ReadonlyArray<RunnableRule<C>>, input: C, severities: Record<string, SeveritySetting> = {}, place?: (r: Report) => void): Report[] {
  const reports: Report[] = [];
  for (const rule of rules) {
    const configured = severities[rule.id];
    if (configured === 'off') continue;
    const severityFor = (f: Finding): Severity => configured ?? f.severity ?? rule.defaultSeverity;
    try {
      rule.check({
        ...input,
        report: (f: Finding) =>
          reports.push({ rule: rule.id, severity: severityFor(f), start: f.start, end: f.end, message: f.message, fixes: f.fixes ?? [], docUrl: rule.docUrl }),
      });
    } catch (err) {
      reports.push(internalError(`rule ${rule.id}`, err, rule.docUrl));
    }
  }
  if (place) for (const r of reports) place(r);
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
  return reports;
}

export function internalError(what: string, err: unknown, docUrl: string): Report {
  return {
    rule: 'internal-error',
    severity: 'information',
    start: 0,
    end: 0,
    message: `apache-wsgi: ${what} failed on this file (${err instanceof Error ? err.message : String(err)}); please report it.`,
    fixes: [],
    docUrl,
  };
}
