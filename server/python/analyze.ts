// Analysis of a Python document (a WSGI script, a module with middleware): parse with lezer, find the middleware
// once, run the Python rules. It returns the same Analysis shape as a configuration, so diagnostics, code actions
// and the CLI need no second path; the configuration parts (ast, model) are empty.
import type { Analysis, AnalysisSettings } from '../service';
import type { Report } from '../rules/types';
import { internalError, runRuleSet } from '../rules/run';
import { parse } from '../syntax/parser';
import { LineIndex } from '../syntax/positions';
import { buildModel } from '../model/model';
import { parsePython, type PythonSource } from './syntax';
import { findMiddleware, type Middleware } from './middleware';
import { pythonRules } from './rules';
import type { ScriptServing } from '../workspace/scripts-serving';

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

/** `serving`: the configuration lines that serve this script, when the caller can see configurations. */
export function analyzePythonText(uri: string, text: string, version = 0, settings: AnalysisSettings = {}, serving?: ScriptServing): Analysis & { python: PythonAnalysis } {
  const source = parsePython(text);
  const reports: Report[] = [];
  let middleware: Middleware[] = [];
  try {
    middleware = findMiddleware(source);
  } catch (err) {
    reports.push(internalError('middleware detection', err, ''));
  }
  reports.push(...runRuleSet(pythonRules, { uri, text, source, middleware, serving }, settings.severities));
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
  const ast = parse('');
  return { uri, version, text, ast, model: buildModel(ast), reports, lines: new LineIndex(text), python: { source, middleware } };
}
