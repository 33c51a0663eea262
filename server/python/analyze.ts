// Analysis of a Python document (a WSGI script, a module with middleware): parse with lezer, find the middleware
// once, run the Python rules. It returns the same Analysis shape as a configuration, so diagnostics, code actions
// and the CLI need no second path; the configuration parts (ast, model) are empty.
import type { Analysis, AnalysisSettings } from '../service';
import type { Finding, Report, Severity } from '../rules/types';
import { parse } from '../syntax/parser';
import { LineIndex } from '../syntax/positions';
import { buildModel } from '../model/model';
import { parsePython, type PythonSource } from './syntax';
import { findMiddleware, type Middleware } from './middleware';
import { pythonRules } from './rules';
import type { PythonRuleContext } from './rules/types';

export interface PythonAnalysis {
  source: PythonSource;
  middleware: Middleware[];
}

/** `.py` and `.wsgi` documents, and any document the editor says is Python. */
export function isPythonDocument(uri: string, languageId?: string): boolean {
  if (languageId === 'python') return true;
  const path = uri.replace(/[?#].*$/, '').toLowerCase();
  return path.endsWith('.py') || path.endsWith('.wsgi');
}

export function analyzePythonText(uri: string, text: string, version = 0, settings: AnalysisSettings = {}): Analysis & { python: PythonAnalysis } {
  const source = parsePython(text);
  const reports: Report[] = [];
  let middleware: Middleware[] = [];
  try {
    middleware = findMiddleware(source);
  } catch (err) {
    reports.push(internalError('middleware detection', err, ''));
  }
  runPythonRules({ uri, text, source, middleware }, settings, reports);
  const ast = parse('');
  return { uri, version, text, ast, model: buildModel(ast), reports, lines: new LineIndex(text), python: { source, middleware } };
}

/** Runs every enabled Python rule; a rule that throws becomes an internal finding, never a crash. */
function runPythonRules(input: Omit<PythonRuleContext, 'report'>, settings: AnalysisSettings, reports: Report[]): void {
  for (const rule of pythonRules) {
    const configured = settings.severities?.[rule.id];
    if (configured === 'off') continue;
    const severityFor = (f: Finding): Severity => configured ?? f.severity ?? rule.defaultSeverity;
    try {
      rule.check({
        ...input,
        report: (f) =>
          reports.push({ rule: rule.id, severity: severityFor(f), start: f.start, end: f.end, message: f.message, fixes: f.fixes ?? [], docUrl: rule.docUrl }),
      });
    } catch (err) {
      reports.push(internalError(`rule ${rule.id}`, err, rule.docUrl));
    }
  }
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
}

function internalError(what: string, err: unknown, docUrl: string): Report {
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
