// What every wsgi-* validation rule starts from: the option-bearing mod_wsgi directives Apache may read, each
// read the way mod_wsgi reads it, and how a finding is softened inside a block Apache may skip.
import type { Finding, RuleContext } from '../rules/types';
import { readWsgiArguments, type WsgiArguments } from './wsgi-arguments';
import type { ReachInfo } from './wsgi-reach';
import type { DirectiveNode } from '../syntax/ast';
import type { ConfigModel } from '../model/model';
import { wsgiOptionDirective } from './wsgi-options';

const optionBearingCache = new WeakMap<ConfigModel, DirectiveNode[]>();

/** The model's option-bearing mod_wsgi directives, found once per model (a dozen rules walk them). */
function optionBearing(model: ConfigModel): DirectiveNode[] {
  let nodes = optionBearingCache.get(model);
  if (!nodes) {
    nodes = [];
    // Every option-bearing directive's name starts with "wsgi" (wsgi-options.test.ts checks): most names are
    // ruled out without a table lookup.
    for (let i = 0; i < model.directives.length; i++) {
      const d = model.directives[i];
      if (d.nameLower.startsWith('wsgi') && wsgiOptionDirective(d.nameLower) !== undefined) nodes.push(d);
    }
    nodes = nodes.slice();
    optionBearingCache.set(model, nodes);
  }
  return nodes;
}

/** The reads of one model in one view (whole server or not): all of them, and by directive name. */
interface View {
  all: readonly WsgiArguments[];
  byName: Map<string, readonly WsgiArguments[]>;
}

// Index 0: the file's view, 1: the whole server's. Each directive is read once per view, here, and kept by these
// lists (no per-node cache: WeakMap entries cost the garbage collector more than plain references).
const views = new WeakMap<ConfigModel, [View | undefined, View | undefined]>();

/**
 * Option-bearing mod_wsgi directives (optionally only `nameLower`), skipping bodies Apache never reads. The list is
 * built once per model, name and view (whole server or not): a dozen rules ask for the same one.
 */
export function wsgiDirectives(ctx: RuleContext, nameLower?: string): readonly WsgiArguments[] {
  let pair = views.get(ctx.model);
  if (!pair) views.set(ctx.model, (pair = [undefined, undefined]));
  const which = ctx.seesWholeServer ? 1 : 0;
  let view = pair[which];
  if (!view) {
    const all: WsgiArguments[] = [];
    const nodes = optionBearing(ctx.model);
    for (let i = 0; i < nodes.length; i++) {
      const args = readWsgiArguments(ctx.ast, nodes[i], ctx.seesWholeServer);
      if (args && args.reach.reach !== 'skipped') all.push(args);
    }
    view = pair[which] = { all: all.slice(), byName: new Map() };
  }
  if (nameLower === undefined) return view.all;
  let list = view.byName.get(nameLower);
  // The directives of one name among all of them, in the same (document) order as directivesNamed gives them.
  if (!list) view.byName.set(nameLower, (list = view.all.filter((a) => a.node.nameLower === nameLower)));
  return list;
}

/** Anything whose reach is known: a read directive, or a plain node with its reach. */
export interface Reachable {
  reach: ReachInfo;
}

/**
 * Reports a finding that configtest would fail on. Inside a block Apache may skip (<IfDefine X> with X not
 * defined in this file, <IfVersion> …) it becomes a warning that says why.
 */
export function reportRejected(ctx: RuleContext, args: Reachable | readonly Reachable[], finding: Finding): void {
  const all: readonly Reachable[] = 'reach' in args ? [args as Reachable] : (args as readonly Reachable[]);
  const uncertain = all.find((a) => a.reach.reach === 'maybe');
  if (!uncertain || finding.severity) {
    ctx.report(finding);
    return;
  }
  const section = uncertain.reach.because;
  const where = section ? `<${section.name}${section.args.length ? ' ' + section.args.map((w) => w.raw).join(' ') : ''}>` : 'a conditional block';
  ctx.report({ ...finding, severity: 'warning', message: `${finding.message} (Inside ${where}, which Apache may skip, so this is a warning.)` });
}
