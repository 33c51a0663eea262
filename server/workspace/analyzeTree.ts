// Analyses a whole server tree with the same rules as a single file, then hands each file its own findings in
// its own offsets. Section balance is checked per file, as Apache does (a file must close what it opens).
import * as path from 'node:path';
import { BALANCE_PROBLEMS, parse } from '../syntax/parser';
import { reparse } from '../syntax/reparse';
import { nextLineage, runRulesKeeping, type Lineage } from '../incremental';
import { LineIndex } from '../syntax/positions';
import type { ConfigAst, ParseProblem } from '../syntax/ast';
import { buildModel, type ConfigModel } from '../model/model';
import { runRules, type AnalysisEnv, type AnalysisSettings } from '../service';
import type { Fix, Report } from '../rules/types';
import { toFileOffset, toTreeOffset, type ServerTree } from './tree';
import { withoutIgnored } from '../features/ignoreComments';
import { setEnvironment } from '../model/variables';

export interface FileFindings {
  file: string;
  text: string;
  lines: LineIndex;
  reports: Report[];
  /** The file's own parse problems, in its offsets (section balance is per file, as Apache checks it). */
  problems: ParseProblem[];
}

export interface TreeAnalysis {
  tree: ServerTree;
  files: Map<string, FileFindings>;
  /** The spliced text's syntax and model, kept for cross-file navigation (offsets are tree offsets). */
  ast: ConfigAst;
  model: ConfigModel;
  /** Resolves symlinks (set by the language server), so a file opened by another path than the tree's is found. */
  realPath?: (file: string) => string | undefined;
}

const byRealPath = new WeakMap<TreeAnalysis, Map<string, string>>();

/**
 * The path `tree` knows `file` by: the same path, or the tree file that is the same file on disk (Debian enables
 * sites-available/x.conf through the symlink sites-enabled/x.conf; the user opens the former, Apache reads the latter).
 */
export function treeFileOf(tree: TreeAnalysis, file: string): string | undefined {
  if (tree.files.has(file) || !tree.realPath) return tree.files.has(file) ? file : undefined;
  let index = byRealPath.get(tree);
  if (!index) {
    index = new Map();
    for (const f of tree.files.keys()) {
      const real = tree.realPath(f);
      if (real !== undefined && !index.has(real)) index.set(real, f);
    }
    byRealPath.set(tree, index);
  }
  const real = tree.realPath(file);
  return real === undefined ? undefined : index.get(real);
}

const SERVER_ROOT_FILES = new Set(['apache2.conf', 'httpd.conf']);

/**
 * What a tree analysis made for the language server hands the next analysis of the same root (the CLI keeps none):
 * the spliced text's syntax is re-read only around what changed, and each top-level node's model part and
 * per-section findings are kept (incremental.ts), as for a single document.
 */
interface TreeLineage {
  lineage: Lineage;
  /** The spliced text's own parse problems (the analysis's ast holds each file's instead). */
  spliced: ParseProblem[];
  seesWholeServer: boolean;
  environment: ReadonlyMap<string, string>;
  /**
   * The own syntax of each file whose text changed in this analysis (the file being edited, mostly): its next
   * version's problems come from re-reading it around the edit. Files that did not change keep their problems.
   */
  edited: Map<string, ConfigAst>;
}

const treeLineages = new WeakMap<TreeAnalysis, TreeLineage>();

/**
 * Analyses a tree. With `incremental` (the language server), the analysis continues the lineage of
 * `incremental.previous`, an analysis of the same root before an edit, which it consumes.
 */
export function analyzeTree(tree: ServerTree, settings: AnalysisSettings = {}, env: AnalysisEnv = {}, incremental?: { previous?: TreeAnalysis }): TreeAnalysis {
  const seesWholeServer = tree.complete && SERVER_ROOT_FILES.has(path.basename(tree.root));
  const previous = incremental?.previous;
  const base = previous && treeLineages.get(previous);
  const re = base && !base.lineage.consumed ? reparse({ ...previous!.ast, problems: base.spliced }, tree.text) : undefined;
  const sameContext = base !== undefined && base.seesWholeServer === seesWholeServer && sameEntries(base.environment, tree.environment);
  const lineage = incremental ? nextLineage(re && base!.lineage, re, previous?.tree.text ?? '', tree.text, sameContext) : undefined;
  const ast = re ? re.ast : parse(tree.text);
  // A tree that is one file without includes has that file's text: its parse problems are at hand already.
  const whole = ast.problems;
  ast.problems = [];
  // Debian's envvars: `${APACHE_LOG_DIR}` is known to every rule that reads variables at an offset.
  setEnvironment(ast, tree.environment);
  const fileProblems = new Map<string, ParseProblem[]>();
  const fileLines = new Map<string, LineIndex>();
  const edited = new Map<string, ConfigAst>();
  let unbalanced = false;
  for (const [file, text] of tree.files) {
    // A file whose text did not change has the problems and line index it had (each file's, in its own offsets).
    const was = previous?.files.get(file);
    if (was && was.text === text) fileLines.set(file, was.lines);
    let own: ParseProblem[];
    if (text === tree.text) own = whole;
    else if (was && was.text === text) own = was.problems;
    else {
      const before = base?.edited.get(file);
      const alone = (before && reparse(before, text)?.ast) || parse(text);
      if (lineage) edited.set(file, alone);
      own = alone.problems;
    }
    fileProblems.set(file, own);
    for (const p of own) {
      if (BALANCE_PROBLEMS.has(p.kind)) unbalanced = true;
      const mapped = problemToTree(tree, file, p);
      if (mapped) ast.problems.push(mapped);
    }
  }
  const includeProblems = tree.problems.flatMap((p) => {
    const start = toTreeOffset(tree, p.file, p.start);
    const end = toTreeOffset(tree, p.file, p.end);
    return start === undefined || end === undefined ? [] : [{ ...p, start, end }];
  });
  const model = buildModel(ast, lineage?.parts);
  const input = { uri: tree.root, text: tree.text, ast, model, seesWholeServer, includeProblems, scripts: env.scripts };
  // A file that does not close what it opens puts problems of other top-level nodes where a per-section rule reads
  // them (unknown-directive's closing tags): then every rule runs, and nothing is kept.
  if (lineage && unbalanced) lineage.kept = undefined;
  const reports = lineage?.kept ? runRulesKeeping(input, settings, lineage, runRules) : runRules(input, settings);
  const files = new Map<string, FileFindings>();
  for (const [file, text] of tree.files) files.set(file, { file, text, lines: fileLines.get(file) ?? new LineIndex(text), reports: [], problems: fileProblems.get(file) ?? [] });
  // A finding met twice (the same file included twice) is kept once: same file, rule, range and message. Each
  // file's kept findings are grouped by start offset, so a new one is compared with the few at its start (a key
  // string per finding cost ~5 ms of a cold run with 5,000 findings).
  const kept = new Map<string, Map<number, Report[]>>();
  // One file read whole (no includes): its offsets are the tree's, so each report is the file's as it is (the CLI
  // on one big file: 10,000 reports, their fixes and edits, were each copied).
  const only = tree.segments.length === 1 && tree.segments[0].start === 0 && tree.segments[0].fileStart === 0 && tree.segments[0].end === tree.text.length ? tree.segments[0].file : undefined;
  for (const r of reports) {
    const local = only !== undefined ? { file: only, report: r } : reportToFile(tree, r);
    if (!local) continue;
    const { start, end } = local.report;
    let byStart = kept.get(local.file);
    if (!byStart) kept.set(local.file, (byStart = new Map()));
    const same = byStart.get(start);
    if (same?.some((k) => k.rule === r.rule && k.end === end && k.message === r.message)) continue;
    if (same) same.push(local.report);
    else byStart.set(start, [local.report]);
    files.get(local.file)?.reports.push(local.report);
  }
  // Ignore comments apply per file: an `ignore-file=` in one file leaves the others alone.
  for (const f of files.values()) f.reports = withoutIgnored(f.text, f.reports);
  const analysis: TreeAnalysis = { tree, files, ast, model };
  if (lineage) treeLineages.set(analysis, { lineage, spliced: whole, seesWholeServer, environment: tree.environment, edited });
  return analysis;
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function problemToTree(tree: ServerTree, file: string, p: ParseProblem): ParseProblem | undefined {
  const at = (o: number) => toTreeOffset(tree, file, o);
  const start = at(p.start);
  const end = at(p.end);
  if (start === undefined || end === undefined) return undefined;
  const edits = (p.fix?.edits ?? []).flatMap((e) => {
    const s = at(e.start);
    const t = at(e.end);
    return s === undefined || t === undefined ? [] : [{ start: s, end: t, newText: e.newText }];
  });
  const fix = p.fix && edits.length === p.fix.edits.length ? { title: p.fix.title, edits } : undefined;
  return { ...p, start, end, fix };
}

/** A report in tree offsets -> the same report in its file's offsets; fixes that would edit another file are dropped. */
function reportToFile(tree: ServerTree, r: Report): { file: string; report: Report } | undefined {
  const start = toFileOffset(tree, r.start);
  if (!start) return undefined;
  const endAt = toFileOffset(tree, r.end);
  const end = endAt && endAt.file === start.file && endAt.offset >= start.offset ? endAt.offset : start.offset;
  const fixes: Fix[] = [];
  for (const fix of r.fixes) {
    const edits = fix.edits.map((e) => {
      const s = toFileOffset(tree, e.start);
      const t = toFileOffset(tree, e.end);
      return s && t && s.file === start.file && t.file === start.file ? { start: s.offset, end: t.offset, newText: e.newText } : undefined;
    });
    if (edits.every((e) => e !== undefined)) fixes.push({ ...fix, edits: edits as Fix['edits'] });
  }
  return { file: start.file, report: { ...r, start: start.offset, end, fixes } };
}
