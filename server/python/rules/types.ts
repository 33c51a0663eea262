// A rule over one Python file (a WSGI script or a module defining middleware). Findings and fixes have the same
// shape as the configuration rules', so diagnostics, code actions and the CLI handle both alike.
import type { Finding, Severity } from '../../rules/types';
import type { Middleware } from '../middleware';
import type { PythonSource } from '../syntax';
import type { ScriptServing } from '../../workspace/scripts-serving';

export interface PythonRuleContext {
  uri: string;
  text: string;
  source: PythonSource;
  /** Every WSGI middleware function in the file, read once for all rules. */
  middleware: readonly Middleware[];
  /** The WSGIScriptAlias lines that serve this file, when configurations are in view (workspace, CLI tree). */
  serving?: ScriptServing;
  report(finding: Finding): void;
}

export interface PythonRule {
  /** Stable public id: Diagnostic.code, settings key and ignore-comment name. */
  id: string;
  defaultSeverity: Severity;
  description: string;
  docUrl: string;
  /** The rule offers fixes: the fix-safety property must see each of them applied safely. */
  fixable?: boolean;
  check(ctx: PythonRuleContext): void;
}

export const PEP_3333 = 'https://peps.python.org/pep-3333/';

export { shortCode } from '../text';
