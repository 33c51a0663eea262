// Reports -> LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Findings } from '../service';
import type { Report, Severity } from '../rules/types';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(analysis: Findings, report: Report): Diagnostic {
  return {
    range: { start: analysis.lines.positionAt(report.start), end: analysis.lines.positionAt(report.end) },
    severity: lspSeverity[report.severity],
    code: report.rule,
    codeDescription: { href: report.docUrl },
    source: 'apache-wsgi',
    message: report.message,
  };
}

export function diagnosticsOf(analysis: Findings, maxProblems = Infinity): Diagnostic[] {
  return analysis.reports.slice(0, maxProblems).map((r) => toDiagnostic(analysis, r));
}
