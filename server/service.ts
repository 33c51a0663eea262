// The analysis core, free of any transport: the language server and the CLI both call analyze().
import type { ConfigAst } from './syntax/ast';
import { parse } from './syntax/parser';
import { LineIndex } from './syntax/positions';
import { buildModel, type ConfigModel } from './model/model';
import { rules } from './rules';
import type { Finding, Report, RuleContext, Severity, SeveritySetting } from './rules/types';

export interface AnalysisSettings {
  /** Per-rule severity overrides keyed by rule id; `off` silences the rule. */
  severities?: Record<string, SeveritySetting>;
}

/** What diagnostics and code actions need: a document's findings and its line index. */
export interface Findings {
  uri: string;
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
}

/** Parses one document and runs every rule over it. */
export function analyzeText(uri: string, text: string, version = 0, settings: AnalysisSettings = {}): Analysis {
  const ast = parse(text);
  const model = buildModel(ast);
  const reports = runRules({ uri, text, ast, model, seesWholeServer: false }, settings);
  return { uri, version, text, ast, model, reports, lines: new LineIndex(text) };
}

/** Runs every enabled rule. A rule that throws becomes an internal finding, never a crash. */
export function runRules(input: Omit<RuleContext, 'report'>, settings: AnalysisSettings = {}): Report[] {
  const reports: Report[] = [];
  for (const rule of rules) {
    const configured = settings.severities?.[rule.id];
    if (configured === 'off') continue;
    const severityFor = (f: Finding): Severity => configured ?? f.severity ?? rule.defaultSeverity;
    try {
      rule.check({
        ...input,
        report: (f) =>
          reports.push({
            rule: rule.id,
            severity: severityFor(f),
            start: f.start,
            end: f.end,
            message: f.message,
            fixes: f.fixes ?? [],
            docUrl: rule.docUrl,
          }),
      });
    } catch (err) {
      reports.push({
        rule: 'internal-error',
        severity: 'information',
        start: 0,
        end: 0,
        message: `apache-wsgi: rule ${rule.id} failed on this file (${err instanceof Error ? err.message : String(err)}); please report it.`,
        fixes: [],
        docUrl: rule.docUrl,
      });
    }
  }
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
  return reports;
}

/** Caches one analysis per document version, so every feature reads the same result. */
export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();
  private settings: AnalysisSettings = {};

  configure(settings: AnalysisSettings): void {
    this.settings = settings;
    this.cache.clear();
  }

  get(uri: string, text: string, version: number): Analysis {
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.text === text) return hit;
    const analysis = analyzeText(uri, text, version, this.settings);
    this.cache.set(uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
