// What every wsgi-* validation rule starts from: the option-bearing mod_wsgi directives Apache may read, each
// read the way mod_wsgi reads it, and how a finding is softened inside a block Apache may skip.
import type { Finding, RuleContext } from '../rules/types';
import { wsgiArguments, type WsgiArguments } from './wsgi-arguments';
import type { ReachInfo } from './wsgi-reach';
import type { DirectiveNode } from '../syntax/ast';
import { directivesNamed, type ConfigModel } from '../model/model';
import { wsgiOptionDirective } from './wsgi-options';

const optionBearingCache = new WeakMap<ConfigModel, DirectiveNode[]>();

/** The model's option-bearing mod_wsgi directives, found once per model (a dozen rules walk them). */
function optionBearing(model: ConfigModel): DirectiveNode[] {
  let nodes = optionBearingCache.get(model);
  if (!nodes) {
    nodes = model.directives.filter((d) => wsgiOptionDirective(d.nameLower) !== undefined);
    optionBearingCache.set(model, nodes);
  }
  return nodes;
}

const readCache = new WeakMap<ConfigModel, Map<string, WsgiArguments[]>>();

/**
 * Option-bearing mod_wsgi directives (optionally only `nameLower`), skipping bodies Apache never reads. The list is
 * built once per model, name and view (whole server or not): a dozen rules ask for the same one.
 */
export function wsgiDirectives(ctx: RuleContext, nameLower?: string): readonly WsgiArguments[] {
  let byKey = readCache.get(ctx.model);
  if (!byKey) readCache.set(ctx.model, (byKey = new Map()));
  const key = `${ctx.seesWholeServer ? 'w' : 'f'}:${nameLower ?? '*'}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const list: WsgiArguments[] = [];
  const nodes = nameLower !== undefined ? directivesNamed(ctx.model, nameLower) : optionBearing(ctx.model);
  for (const node of nodes) {
    const args = wsgiArguments(ctx.ast, node, ctx.seesWholeServer);
    if (args && args.reach.reach !== 'skipped') list.push(args);
  }
  byKey.set(key, list);
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
