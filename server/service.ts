// The analysis core, free of any transport: the language server and the CLI both call analyze().
import type { ConfigAst } from './syntax/ast';
import { parse } from './syntax/parser';
import { reparse } from './syntax/reparse';
import { nextLineage, runRulesKeeping, type Lineage } from './incremental';
import { LineIndex } from './syntax/positions';
import { buildModel, type ConfigModel } from './model/model';
import { rules } from './rules';
import type { Report, RuleContext, SeveritySetting } from './rules/types';
import { runRuleSet } from './rules/run';
import { toApacheLine } from './rules/apache-lines';
import { forgetRunMemos } from './rules/run-memo';
import { analyzePythonText, isPythonDocument, type PythonAnalysis } from './python/analyze';
import { withoutIgnored } from './features/ignoreComments';
import type { ScriptLookup } from './workspace/scripts';
import type { ScriptServing } from './workspace/scripts-serving';

export interface AnalysisSettings {
  /** Per-rule severity overrides keyed by rule id; `off` silences the rule. */
  severities?: Record<string, SeveritySetting>;
  /** Apache version the config targets: "2.4" (default) or "2.2" (2.2-only advice such as deprecated-access-control is off). */
  apacheVersion?: string;
}

/** What an analysis may read beyond the document itself (absent: the document alone). */
export interface AnalysisEnv {
  /** Where the WSGI scripts behind WSGIScriptAlias are found. */
  scripts?: ScriptLookup;
  /** For a Python document (by uri): the configuration lines that serve it. */
  servingOf?: (uri: string) => ScriptServing | undefined;
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
export function analyzeText(uri: string, text: string, version = 0, settings: AnalysisSettings = {}, languageId?: string, env: AnalysisEnv = {}): Analysis {
  return analyzeDocument(uri, text, version, settings, languageId, env, false);
}

/**
 * With `deferRules`, a configuration's rules run when its reports are first read (AnalysisCache, below). Python
 * documents are analysed whole either way. With `previous` (the same document's analysis before an edit, from the
 * cache), the tree is re-parsed around the edit and the per-section rules' findings on the untouched top-level
 * nodes are kept; `previous` is consumed (its tree now belongs to the new analysis).
 */
function analyzeDocument(uri: string, text: string, version: number, settings: AnalysisSettings, languageId: string | undefined, env: AnalysisEnv, deferRules: boolean, previous?: Analysis): Analysis {
  if (isPythonDocument(uri, languageId)) {
    const py = analyzePythonText(uri, text, version, settings, env.servingOf?.(uri));
    return { ...py, reports: withoutIgnored(text, py.reports) };
  }
  if (!deferRules) {
    const ast = parse(text);
    const model = buildModel(ast);
    // Ignore comments (`# apache-wsgi: ignore=…`) are applied per file, after the rules.
    const reports = withoutIgnored(text, runRules({ uri, text, ast, model, seesWholeServer: false, scripts: env.scripts }, settings));
    return { uri, version, text, ast, model, reports, lines: new LineIndex(text) };
  }
  // An analysis the cache makes has a next version: it continues the previous one's lineage (incremental.ts).
  const before = previous && previous.uri === uri ? lineages.get(previous) : undefined;
  const re = before && !before.consumed ? reparse(previous!.ast, text) : undefined;
  const lineage = nextLineage(re && before, re, previous?.text ?? '', text);
  const ast = re ? re.ast : parse(text);
  const model = buildModel(ast, lineage.parts);
  const input = { uri, text, ast, model, seesWholeServer: false, scripts: env.scripts };
  const runAll = () => withoutIgnored(text, runRulesKeeping(input, settings, lineage, runRules));
  const lines = re ? previous!.lines.edited(text, re.edit.start, re.edit.oldEnd, re.edit.newEnd) : new LineIndex(text);
  let reports: Report[] | undefined;
  const analysis: Analysis = {
    uri,
    version,
    text,
    ast,
    model,
    get reports(): Report[] {
      if (reports === undefined) {
        // A consumed analysis's tree has moved on with the next version: its rules can no longer run on it.
        if (lineage.consumed) throw new Error('apache-wsgi: the findings of a superseded analysis were asked for');
        reports = runAll();
      }
      return reports;
    },
    set reports(value: Report[]) {
      reports = value;
    },
    lines,
  };
  lineages.set(analysis, lineage);
  return analysis;
}

const lineages = new WeakMap<Analysis, Lineage>();

/** Runs every enabled config rule. */
export function runRules(input: Omit<RuleContext, 'report'>, settings: AnalysisSettings = {}): Report[] {
  const reports = runRuleSet(rules, { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion }, settings.severities, toApacheLine(input.text, input.ast));
  forgetRunMemos(input.model, input.ast);
  return reports;
}

/**
 * Caches one analysis per document version, so every feature reads the same result. Its rules run when the reports
 * are first read: in the language server a document of a server tree takes its diagnostics from the tree's analysis,
 * and its own analysis serves the outline, folding, tokens, hover … which read only the syntax and model, so an edit
 * no longer runs every rule twice. (Rules only read the model: features see the same whether or not they ran.)
 */
export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();
  /** What each cached analysis saw of its surroundings (scripts generation, serving configs). */
  private readonly seen = new Map<string, string>();
  private settings: AnalysisSettings = {};
  private env: AnalysisEnv = {};

  configure(settings: AnalysisSettings): void {
    this.settings = settings;
    this.cache.clear();
  }

  /** Scripts and serving configs: an analysis is redone when what it saw of them changed. */
  setEnvironment(env: AnalysisEnv): void {
    this.env = env;
    this.cache.clear();
  }

  get(uri: string, text: string, version: number, languageId?: string): Analysis {
    const hit = this.cache.get(uri);
    const python = isPythonDocument(uri, languageId);
    const serving = python ? this.env.servingOf?.(uri) : undefined;
    const surroundings = python ? `py ${serving?.key ?? '-'}` : `conf ${this.env.scripts?.generation ?? '-'}`;
    if (hit && hit.version === version && hit.text === text && this.seen.get(uri) === surroundings) return hit;
    // The previous version's tree is re-used around the edit (Python documents are read whole).
    const analysis = analyzeDocument(uri, text, version, this.settings, languageId, { scripts: this.env.scripts, servingOf: () => serving }, true, python ? undefined : hit);
    this.cache.set(uri, analysis);
    this.seen.set(uri, surroundings);
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.seen.delete(uri);
  }
}
