// What one version of a document's analysis hands the next, so that an edit costs less than a full analysis: the
// tree (reparse.ts re-reads the top-level nodes around the edit), each top-level node's part of the model, and
// the findings of the per-section rules on each top-level node. The result equals a full analysis: a property
// test over chains of random edits holds it to one (test/property/incremental.property.test.ts).
import type { Node } from './syntax/ast';
import type { Reparse } from './syntax/reparse';
import { forEachNode } from './syntax/parser';
import { eolOf } from './syntax/text-edits';
import { buildModel, type ModelParts } from './model/model';
import { SectionReports } from './rules/section-reports';
import { rules, rulesById } from './rules';
import { runRuleSet } from './rules/run';
import type { Report, RuleContext, SeveritySetting } from './rules/types';

export interface Lineage {
  /** The per-section findings kept so far (undefined: none are kept, e.g. a finding reached beyond its node). */
  kept: SectionReports | undefined;
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
  if (!before || !re) return { kept: new SectionReports(), parts: new WeakMap(), consumed: false };
  before.consumed = true;
  // The kept findings stay valid unless the edit changed what those rules read beyond a node.
  const keep = before.kept && sameContext && !changesSurroundings(re, oldText, text);
  return { kept: keep ? before.kept : new SectionReports(), parts: before.parts, consumed: false };
}

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
    return all;
  }
  const withVersion = { ...input, apacheVersion: input.apacheVersion ?? settings.apacheVersion };
  // Read per call: a test declares a rule per-section for a moment, to see the property test notice.
  const sectionRules = rules.filter((r) => r.perSection);
  const documentRules = rules.filter((r) => !r.perSection);
  const fresh = runRuleSet(sectionRules, { ...withVersion, model: buildModel({ ...input.ast, children: missing }) }, settings.severities);
  const others = runRuleSet(documentRules, withVersion, settings.severities);
  if (fresh.some((r) => r.rule === 'internal-error') || others.some((r) => r.rule === 'internal-error') || !kept.keep(input.ast, missing, fresh)) {
    lineage.kept = undefined;
    return runAll(input, settings);
  }
  for (const n of top) for (const r of kept.at(n)!) others.push(r);
  return others.sort((a, b) => a.start - b.start || a.end - b.end || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)!);
}
