// The analysis core, free of any transport: the language server and the CLI both call analyze().
import type { ConfigAst } from './syntax/ast';
import { parse } from './syntax/parser';
import { LineIndex } from './syntax/positions';
import { buildModel, type ConfigModel } from './model/model';
import { rules } from './rules';
import type { Report, RuleContext, SeveritySetting } from './rules/types';
import { runRuleSet } from './rules/run';
import { analyzePythonText, isPythonDocument, type PythonAnalysis } from './python/analyze';
import { withoutIgnored } from './features/ignoreComments';

export interface AnalysisSettings {
  /** Per-rule severity overrides keyed by rule id; `off` silences the rule. */
  severities?: Record<string, SeveritySetting>;
  /** Apache version the config targets: "2.4" (default) or "2.2" (2.2-only advice such as deprecated-access-control is off). */
  apacheVersion?: string;
}

/** What diagnostics and code actions need: a document's findings and its line index. */
export interface Findings {
  uri: string;
  /** The document's text (code actions build ignore-comment edits from it). */
  text: string;
  lines: LineIndex;
  reports: Report[];
}

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  ast: ConfigAst;
  model: ConfigModel;
  reports: Report[];
  lines: LineIndex;
  /** Set for Python documents (.py, .wsgi): their ast and model are empty. */
  python?: PythonAnalysis;
}

/** Parses one document and runs every rule over it. Python documents (.py, .wsgi) get the Python rules. */
export function analyzeText(uri: string, text: string, version = 0, settings: AnalysisSettings = {}, languageId?: string): Analysis {
  if (isPythonDocument(uri, languageId)) {
    const py = analyzePythonText(uri, text, version, settings);
    return { ...py, reports: withoutIgnored(text, py.reports) };
  }
  const ast = parse(text);
  const model = buildModel(ast);
  // Ignore comments (`# apache-wsgi: ignore=…`) are applied per file, after the rules.
  const reports = withoutIgnored(text, runRules({ uri, text, ast, model, seesWholeServer: false }, settings));
  return { uri, version, text, ast, model, reports, lines: new LineIndex(text) };
}

/** Runs every enabled config rule. */
export function runRules(input: Omit<RuleContext, 'report'>, settings: AnalysisSettings = {}): Report[] {
  return runRuleSet(rules, { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion }, settings.severities);
}

/** Caches one analysis per document version, so every feature reads the same result. */
export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();
  private settings: AnalysisSettings = {};

  configure(settings: AnalysisSettings): void {
    this.settings = settings;
    this.cache.clear();
  }

  get(uri: string, text: string, version: number, languageId?: string): Analysis {
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.text === text) return hit;
    const analysis = analyzeText(uri, text, version, this.settings, languageId);
    this.cache.set(uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
