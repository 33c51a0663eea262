// What one version of a document's analysis hands the next, so that an edit costs less than a full analysis: the
// tree (reparse.ts re-reads the top-level nodes around the edit), each top-level node's part of the model, and
// the findings of the per-section rules on each top-level node. The result equals a full analysis: a property
// test over chains of random edits holds it to one (test/property/incremental.property.test.ts).
import type { Node } from './syntax/ast';
import type { Reparse } from './syntax/reparse';
import { forEachNode } from './syntax/parser';
import { eolOf } from './syntax/text-edits';
import { buildModel, type ModelParts } from './model/model';
import { mapReport, SectionReports } from './rules/section-reports';
import { rules, rulesById } from './rules';
import { runRuleSet } from './rules/run';
import { toApacheLine } from './rules/apache-lines';
import { forgetRunMemos } from './rules/run-memo';
import type { Report, Rule, RuleContext, SeveritySetting } from './rules/types';

export interface Lineage {
  /** The per-section findings kept so far (undefined: none are kept, e.g. a finding reached beyond its node). */
  kept: SectionReports | undefined;
  /**
   * The findings of the lineage's last version whose rules ran (before ignore comments), and the edits made since,
   * oldest first: a rule that declares its inputs (Rule.inputs) and none of whose input directives an edit touched
   * keeps its findings, moved through the edits.
   */
  base: { reports: readonly Report[]; steps: readonly Step[] } | undefined;
  /** Each top-level node's part of the model. */
  parts: ModelParts;
  /** Its tree was taken over by the next version's analysis: its rules can no longer run on it. */
  consumed: boolean;
}

/**
 * The lineage of a new version. `before` is the previous version's, given only when `re` re-used its tree (which
 * consumes it). `sameContext`: nothing else a per-section rule reads changed (for a server tree, the environment
 * variables and whether it is the whole server).
 */
export function nextLineage(before: Lineage | undefined, re: Reparse | undefined, oldText: string, text: string, sameContext = true): Lineage {
  if (!before || !re) return { kept: new SectionReports(), base: undefined, parts: new WeakMap(), consumed: false };
  before.consumed = true;
  // The kept findings stay valid unless the edit changed what the rules read beyond a node.
  if (!sameContext || changesSurroundings(re, oldText, text)) return { kept: new SectionReports(), base: undefined, parts: before.parts, consumed: false };
  const steps = before.base && before.base.steps.length < MAX_STEPS ? [...before.base.steps, { ...re.edit, touched: touchedNames(re, oldText, text) }] : undefined;
  return { kept: before.kept ?? new SectionReports(), base: steps && { reports: before.base!.reports, steps }, parts: before.parts, consumed: false };
}

/** An edit since the base, and the names of the directives whose lines it touched (null: a section's tag line). */
interface Step {
  start: number;
  oldEnd: number;
  newEnd: number;
  touched: ReadonlySet<string> | null;
}

/** Edits a base is carried through (typing between two publications is a few dozen). */
const MAX_STEPS = 64;

/**
 * The lower-case names of the directives the edit may have changed, in the previous tree and in the new one; null
 * when it may have changed a section's opening or closing tag (what encloses what) or a section has no closing tag.
 * A directive is changed when its logical line (from the start of its first physical line to the break after its
 * last) overlaps the edit, or overlaps the logical line of another changed node in the other tree: removing or
 * adding a `\` at a line's end regroups the lines after it (a line whose words were the previous directive's
 * arguments becomes a directive of its own, or the reverse) without that line overlapping the edit. Offsets of the
 * previous tree are compared in the new text's terms (a place inside the edited text stands for the whole edit).
 */
function touchedNames(re: Reparse, oldText: string, text: string): ReadonlySet<string> | null {
  const { start, oldEnd, newEnd } = re.edit;
  const delta = newEnd - oldEnd;
  const extents: Extent[] = [];
  let unclosed = false;
  const gather = (nodes: readonly Node[], t: string, old: boolean) => {
    const lines = new LineStarts(t, re.region.start, re.region.firstLine);
    const add = (node: Node, firstLine: number, lastLine: number, tag: boolean) => {
      const from = lines.at(firstLine);
      const to = lines.at(lastLine + 1);
      extents.push(
        old
          ? { node, tag, from: from <= start ? from : from < oldEnd ? start : from + delta, to: to < start ? to : to <= oldEnd ? newEnd : to + delta }
          : { node, tag, from, to },
      );
    };
    forEachNode(nodes, (n) => {
      if (n.kind !== 'section') return add(n, n.firstLine, n.lastLine, false);
      add(n, n.firstLine, n.lastLine, true);
      if (n.close) add(n, n.close.firstLine, n.close.lastLine, true);
      else unclosed = true;
    });
  };
  gather(re.removed, oldText, true);
  gather(re.added, text, false);
  if (unclosed) return null;
  // The lines the edit overlaps, or touches at either end (typing at a line's start or end changes that line).
  let lo = start;
  let hi = newEnd;
  const changed = new Array<boolean>(extents.length).fill(false);
  for (let k = 0; k < extents.length; k++) {
    const e = extents[k];
    if (e.from > newEnd || e.to < start) continue;
    changed[k] = true;
    if (e.from < lo) lo = e.from;
    if (e.to > hi) hi = e.to;
  }
  // Then every line that overlaps a changed one (it can only be a line of the other tree: a regrouping), until
  // nothing more does; lines that only meet end to start do not overlap (a regrouping can run on through lines that
  // each continue into the next).
  for (let pass = 0, grew = true; grew; pass++) {
    if (pass === MAX_WIDENING) return null;
    grew = false;
    for (let k = 0; k < extents.length; k++) {
      const e = extents[k];
      if (changed[k] || e.from >= hi || e.to <= lo) continue;
      changed[k] = grew = true;
      if (e.from < lo) lo = e.from;
      if (e.to > hi) hi = e.to;
    }
  }
  const names = new Set<string>();
  for (let k = 0; k < extents.length; k++) {
    if (!changed[k]) continue;
    const { node, tag } = extents[k];
    if (tag) return null;
    if (node.kind === 'directive') names.add(node.nameLower);
  }
  return names;
}

/** A node's logical line (or one of a section's tag lines) in the new text's offsets. */
interface Extent {
  node: Node;
  /** A section's opening or closing tag. */
  tag: boolean;
  from: number;
  to: number;
}

/** Passes over the re-read nodes before the changed span is taken to be everything (all joining rules run). */
const MAX_WIDENING = 16;

/** The offsets where a text's physical lines start, from a known line on, found as far as they are asked for. */
class LineStarts {
  private readonly starts: number[];

  /** `start`: the offset where physical line `firstLine` starts. */
  constructor(
    private readonly text: string,
    start: number,
    private readonly firstLine: number,
  ) {
    this.starts = [start];
  }

  /** Where physical line `line` starts (the text's end past its last line; 0 before `firstLine`, which is wider). */
  at(line: number): number {
    const k = line - this.firstLine;
    if (k < 0) return 0;
    // Only LF starts a line for Apache, as the parser counts lines (a lone CR is a blank).
    while (this.starts.length <= k) {
      const last = this.starts[this.starts.length - 1];
      const lf = last < this.text.length ? this.text.indexOf('\n', last) : -1;
      this.starts.push(lf < 0 ? this.text.length : lf + 1);
    }
    return this.starts[k];
  }
}

/**
 * The directives and sections a per-section rule reads beyond the node it judges, through the caches the rules
 * keep per tree (weak maps keyed by the tree): the Define state (wsgi-reach.ts), the modules loaded (modules.ts,
 * placement.ts), <If>/<ElseIf>/<Else> chains (an <Else> inside <IfModule> continues an <If> of another top-level
 * node: context/explain.ts), and the Require and authentication providers a config defines
 * (arguments/defined-providers.ts). A test lists those caches, so a new one is not missed here.
 */
// IndexOptions: a bare feature fails after a None read earlier in its section, and at top level that None is a
// top-level node of its own (arguments/index-options.ts reads it without a cache).
const SURROUNDINGS = new Set(['define', 'undefine', 'loadmodule', 'if', 'elseif', 'else', 'authzprovideralias', 'authnprovideralias', 'luaauthzprovider', 'authnzfcgidefineprovider', 'indexoptions']);

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

type Input = Omit<RuleContext, 'report'>;
interface Settings {
  severities?: Record<string, SeveritySetting>;
  apacheVersion?: string;
}

/**
 * Every enabled config rule, as `runAll` (the service's runRules) runs them, with the per-section rules run only on
 * the top-level nodes that have no kept findings (all of them the first time: then one pass, whose findings are
 * kept). The result is runAll's: by place, then by rule (the list's order), then as each rule reported.
 */
export function runRulesKeeping(input: Input, settings: Settings, lineage: Lineage, runAll: (input: Input, settings: Settings) => Report[]): Report[] {
  const kept = (lineage.kept ??= new SectionReports());
  const top = input.ast.children;
  const missing = top.filter((n) => !kept.has(n));
  if (missing.length * 2 > top.length) {
    const all = runAll(input, settings);
    if (all.some((r) => r.rule === 'internal-error') || !kept.keep(input.ast, top, all.filter((r) => rulesById.get(r.rule)?.perSection))) lineage.kept = undefined;
    lineage.base = lineage.kept && { reports: all, steps: [] };
    return all;
  }
  const withVersion = { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion };
  // Read per call: a test declares a rule per-section for a moment, to see the property test notice.
  const sectionRules = rules.filter((r) => r.perSection);
  const documentRules = rules.filter((r) => !r.perSection);
  const place = toApacheLine(input.text, input.ast);
  const fresh = runRuleSet(sectionRules, { ...withVersion, model: buildModel({ ...input.ast, children: missing }) }, settings.severities, place);
  const carried = carriedFindings(lineage.base, documentRules);
  const others = runRuleSet(documentRules.filter((r) => !carried.has(r.id)), withVersion, settings.severities, place);
  forgetRunMemos(input.model, input.ast);
  if (fresh.some((r) => r.rule === 'internal-error') || others.some((r) => r.rule === 'internal-error') || !kept.keep(input.ast, missing, fresh)) {
    lineage.kept = undefined;
    lineage.base = undefined;
    return runAll(input, settings);
  }
  for (const found of carried.values()) for (const r of found) others.push(r);
  for (const n of top) for (const r of kept.at(n)!) others.push(r);
  const all = others.sort((a, b) => a.start - b.start || a.end - b.end || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)!);
  lineage.base = { reports: all, steps: [] };
  return all;
}

/**
 * The findings of each rule that declares its inputs and none of whose input directives an edit since the base
 * touched, moved through those edits; a rule with a finding or fix at an edited place is left out (it runs).
 */
function carriedFindings(base: Lineage['base'], candidates: readonly Rule[]): Map<string, Report[]> {
  const carried = new Map<string, Report[]>();
  if (!base || base.steps.some((s) => s.touched === null)) return carried;
  for (const rule of candidates) {
    if (rule.inputs && !base.steps.some((s) => rule.inputs!.some((name) => s.touched!.has(name)))) carried.set(rule.id, []);
  }
  if (carried.size === 0) return carried;
  for (const r of base.reports) {
    const list = carried.get(r.rule);
    if (!list) continue;
    const moved = throughEdits(r, base.steps);
    if (moved) list.push(moved);
    else carried.delete(r.rule);
  }
  return carried;
}

/**
 * The report with its offsets moved through the edits (itself when none moves: a finding before every edit), or
 * undefined when one lies in an edited range.
 */
function throughEdits(r: Report, steps: readonly Step[]): Report | undefined {
  let ok = true;
  let moves = false;
  const at = (offset: number) => {
    let o = offset;
    for (const s of steps) {
      if (o > s.oldEnd) o += s.newEnd - s.oldEnd;
      else if (o >= s.start) ok = false;
    }
    if (o !== offset) moves = true;
    return o;
  };
  at(r.start);
  at(r.end);
  for (const f of r.fixes) for (const e of f.edits) at(e.start), at(e.end);
  if (!ok) return undefined;
  if (!moves) return r;
  return mapReport(r, at);
}
