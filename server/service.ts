// The analysis core, free of any transport: the language server and the CLI both call analyze().
import type { ConfigAst, Node } from './syntax/ast';
import { forEachNode, parse } from './syntax/parser';
import { reparse, type Reparse } from './syntax/reparse';
import { eolOf } from './syntax/text-edits';
import { SectionReports } from './rules/section-reports';
import { LineIndex } from './syntax/positions';
import { buildModel, type ConfigModel, type ModelParts } from './model/model';
import { rules, rulesById } from './rules';
import type { Report, RuleContext, SeveritySetting } from './rules/types';
import { runRuleSet } from './rules/run';
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
  const before = previous && previous.uri === uri ? lineages.get(previous) : undefined;
  const re = before && !before.consumed ? reparse(previous!.ast, text) : undefined;
  if (re) before!.consumed = true;
  const ast = re ? re.ast : parse(text);
  // Each top-level node's part of the model is kept too (for analyses the cache makes: they have a next version).
  const parts: ModelParts | undefined = deferRules ? (re && before!.parts) || new WeakMap() : undefined;
  const model = buildModel(ast, parts);
  // The kept per-section findings stay valid unless the edit changed what those rules read beyond a node.
  const kept = !deferRules ? undefined : re && before!.kept && !changesSurroundings(re, previous!.text, text) ? before!.kept : new SectionReports();
  const lineage: Lineage = { kept, parts, consumed: false };
  const input = { uri, text, ast, model, seesWholeServer: false, scripts: env.scripts };
  // Ignore comments (`# apache-wsgi: ignore=…`) are applied per file, after the rules.
  const runAll = () => withoutIgnored(text, lineage.kept ? runRulesKeeping(input, settings, lineage) : runRules(input, settings));
  if (!deferRules) return { uri, version, text, ast, model, reports: runAll(), lines: new LineIndex(text) };
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

/** What an analysis made by the cache passes on to the next version of its document. */
interface Lineage {
  /** The per-section findings kept so far (undefined: none are kept, e.g. a finding reached beyond its node). */
  kept: SectionReports | undefined;
  /** Each top-level node's part of the model. */
  parts: ModelParts | undefined;
  /** Its tree was taken over by the next version's analysis. */
  consumed: boolean;
}

const lineages = new WeakMap<Analysis, Lineage>();

/**
 * The directives and sections a per-section rule reads beyond the node it judges, through the caches the rules
 * keep per tree (weak maps keyed by the tree): the Define state (wsgi-reach.ts), the modules loaded (modules.ts,
 * placement.ts), <If>/<ElseIf>/<Else> chains (an <Else> inside <IfModule> continues an <If> of another top-level
 * node: context/explain.ts), and the Require providers a config defines (arguments/require.ts). A test lists those
 * caches, so a new one is not missed here.
 */
const SURROUNDINGS = new Set(['define', 'undefine', 'loadmodule', 'if', 'elseif', 'else', 'authzprovideralias', 'luaauthzprovider', 'authnzfcgidefineprovider']);

/**
 * Whether the edit changed what a per-section rule reads beyond the node it judges (above), or the line-break style
 * its fixes are written in.
 */
function changesSurroundings(re: Reparse, oldText: string, text: string): boolean {
  if (eolOf(oldText) !== eolOf(text)) return true;
  let found = false;
  const look = (nodes: readonly Node[]) =>
    forEachNode(nodes, (n) => {
      if (n.kind !== 'comment' && SURROUNDINGS.has(n.nameLower)) found = true;
    });
  look(re.removed);
  look(re.added);
  return found;
}

const ruleOrder = new Map(rules.map((r, i) => [r.id, i]));

/**
 * Every enabled config rule, as runRules, with the per-section rules run only on the top-level nodes that have no
 * kept findings (all of them the first time: then one pass, whose findings are kept). The result is runRules's:
 * its order is by place, then by rule (the list's order), then as each rule reported.
 */
function runRulesKeeping(input: Omit<RuleContext, 'report'>, settings: AnalysisSettings, lineage: Lineage): Report[] {
  const kept = lineage.kept!;
  const top = input.ast.children;
  const missing = top.filter((n) => !kept.has(n));
  if (missing.length * 2 > top.length) {
    const all = runRules(input, settings);
    if (all.some((r) => r.rule === 'internal-error') || !kept.keep(input.ast, top, all.filter((r) => rulesById.get(r.rule)?.perSection))) lineage.kept = undefined;
    return all;
  }
  const withVersion = { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion };
  const sectionRules = rules.filter((r) => r.perSection);
  const documentRules = rules.filter((r) => !r.perSection);
  const fresh = runRuleSet(sectionRules, { ...withVersion, model: buildModel({ ...input.ast, children: missing }) }, settings.severities);
  const others = runRuleSet(documentRules, withVersion, settings.severities);
  if (fresh.some((r) => r.rule === 'internal-error') || others.some((r) => r.rule === 'internal-error') || !kept.keep(input.ast, missing, fresh)) {
    lineage.kept = undefined;
    return runRules(input, settings);
  }
  for (const n of top) for (const r of kept.at(n)!) others.push(r);
  return others.sort((a, b) => a.start - b.start || a.end - b.end || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)!);
}

/** Runs every enabled config rule. */
export function runRules(input: Omit<RuleContext, 'report'>, settings: AnalysisSettings = {}): Report[] {
  return runRuleSet(rules, { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion }, settings.severities);
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
