// What every wsgi-* validation rule starts from: the option-bearing mod_wsgi directives Apache may read, each
// read the way mod_wsgi reads it, and how a finding is softened inside a block Apache may skip.
import type { Finding, RuleContext } from '../rules/types';
import { readWsgiArguments, readWsgiHead, type WsgiArguments, type WsgiHead } from './wsgi-arguments';
import type { ReachInfo } from './wsgi-reach';
import type { ConfigAst, DirectiveNode } from '../syntax/ast';
import type { ConfigModel } from '../model/model';
import { wsgiOptionDirectives } from './wsgi-options';
import { namedDirectivesAmong } from '../model/host-index';
import { runMemo } from '../rules/run-memo';

/** The option-bearing directives of one model, and where each name's ones stand among them. */
interface OptionBearing {
  nodes: readonly DirectiveNode[];
  /** Indexes into `nodes` by directive name (lower case), rising: a name's directives in document order. */
  byName: ReadonlyMap<string, readonly number[]>;
}

const optionBearingCache = runMemo<ConfigModel, OptionBearing>();

/** The option-bearing directives' names (wsgiOptionDirective knows exactly these). */
const OPTION_BEARING = wsgiOptionDirectives().map((d) => d.name.toLowerCase());

/** The model's option-bearing mod_wsgi directives, found once per model (a dozen rules walk them). */
function optionBearing(model: ConfigModel): OptionBearing {
  let found = optionBearingCache.get(model);
  if (!found) {
    // Their directives in document order, from the model's index by name: no scan of every directive.
    const nodes = namedDirectivesAmong(model, OPTION_BEARING);
    const byName = new Map<string, number[]>();
    for (let i = 0; i < nodes.length; i++) {
      const at = byName.get(nodes[i].nameLower);
      if (at) at.push(i);
      else byName.set(nodes[i].nameLower, [i]);
    }
    found = { nodes, byName };
    optionBearingCache.set(model, found);
  }
  return found;
}

/**
 * The reads of one model in one view (whole server or not). `reads[i]` is nodes[i] read (null: skipped, or not
 * read as an option-bearing directive), undefined until some list needs it: a rule that asks for one name reads
 * only that name's directives, and every list shares the same objects (`all` holds each name's ones).
 */
interface View {
  reads: Array<WsgiArguments | null | undefined>;
  all: readonly WsgiArguments[] | undefined;
  byName: Map<string, readonly WsgiArguments[]>;
  /** Like `reads`, for directives read only up to their positional words (wsgiHeads), made on first use. */
  heads: Array<WsgiHead | null | undefined> | undefined;
  headsByName: Map<string, readonly WsgiHead[]> | undefined;
}

// Index 0: the file's view, 1: the whole server's. Each directive is read at most once per view, here, and kept by
// these lists (no per-node cache: WeakMap entries cost the garbage collector more than plain references).
const views = runMemo<ConfigModel, [View | undefined, View | undefined]>();

const NO_INDEXES: readonly number[] = [];

/**
 * Option-bearing mod_wsgi directives (optionally only `nameLower`), skipping bodies Apache never reads, in document
 * order. Each list is built once per model, name and view (whole server or not): a dozen rules ask for the same one.
 */
export function wsgiDirectives(ctx: RuleContext, nameLower?: string): readonly WsgiArguments[] {
  const found = optionBearing(ctx.model);
  const view = viewOf(ctx, found);
  if (nameLower === undefined) {
    if (!view.all) view.all = readAt(ctx, found, view, null);
    return view.all;
  }
  let list = view.byName.get(nameLower);
  if (!list) view.byName.set(nameLower, (list = readAt(ctx, found, view, found.byName.get(nameLower) ?? NO_INDEXES)));
  return list;
}

/**
 * Among wsgiDirectives' directives named `namesLower`, in document order, those that may carry every option in
 * `options` (all that do, and maybe some that do not: the caller still checks), not kept: for a rule that judges
 * only those. A directive not read yet is read only if mayHaveOptions; one already read is kept if it has them.
 */
export function wsgiDirectivesWhere(ctx: RuleContext, namesLower: readonly string[], options: readonly string[]): WsgiArguments[] {
  const found = optionBearing(ctx.model);
  const view = viewOf(ctx, found);
  const picked: number[] = [];
  for (const name of namesLower) {
    const at = found.byName.get(name);
    if (!at) continue;
    for (let k = 0; k < at.length; k++) {
      const read = view.reads[at[k]];
      if (read === undefined ? mayHaveOptions(ctx.ast, found.nodes[at[k]], options) : read !== null && hasOptions(read, options)) picked.push(at[k]);
    }
  }
  // Indexes into the directives in document order: sorted, the lists of several names interleave as in the file.
  if (namesLower.length > 1) picked.sort((a, b) => a - b);
  return readAt(ctx, found, view, picked) as WsgiArguments[];
}

/**
 * wsgiDirectives(ctx, nameLower) read only up to the positional words: the same directives in the same order, each
 * with the same `positional`, `reach` and `lineEnd`. A directive already read whole is taken as it is.
 */
export function wsgiHeads(ctx: RuleContext, nameLower: string): readonly WsgiHead[] {
  const found = optionBearing(ctx.model);
  const view = viewOf(ctx, found);
  const byName = (view.headsByName ??= new Map());
  let list = byName.get(nameLower);
  if (list) return list;
  const heads = (view.heads ??= new Array<WsgiHead | null | undefined>(found.nodes.length));
  const at = found.byName.get(nameLower) ?? NO_INDEXES;
  const gathered: WsgiHead[] = [];
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    let head: WsgiHead | null | undefined = view.reads[i];
    if (head === undefined) head = heads[i];
    if (head === undefined) {
      const read = readWsgiHead(ctx.ast, found.nodes[i], ctx.seesWholeServer);
      head = heads[i] = read && read.reach.reach !== 'skipped' ? read : null;
    }
    if (head) gathered.push(head);
  }
  byName.set(nameLower, (list = gathered.slice()));
  return list;
}

/** The whole read of a directive wsgiHeads gave (read now if only its head was): for the rare rule that reports on it. */
export function wsgiArgumentsOf(ctx: RuleContext, head: WsgiHead): WsgiArguments {
  if ('options' in head) return head as WsgiArguments;
  const found = optionBearing(ctx.model);
  const view = viewOf(ctx, found);
  // The directive's place among the option-bearing ones (in document order: rising starts).
  let lo = 0;
  let hi = found.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found.nodes[mid].start < head.node.start) lo = mid + 1;
    else hi = mid;
  }
  // The head was read (and kept: not skipped) from this same directive, so its whole read is kept too.
  return readSlot(ctx, found, view, lo)!;
}

/**
 * False only when readWsgiArguments(ast, node, …).options surely lacks one of `names`: without a ${VAR} mod_wsgi reads
 * the logical line's own text, so each option name it finds is written there.
 */
export function mayHaveOptions(ast: ConfigAst, node: DirectiveNode, names: readonly string[]): boolean {
  const s = ast.lines.lineAt(node.start)?.content;
  if (s === undefined || s.includes('${')) return true;
  for (const name of names) if (!s.includes(name)) return false;
  return true;
}

/** Whether the directive has an option of each of these names (loops: asked of every directive, no closures). */
function hasOptions(args: WsgiArguments, names: readonly string[]): boolean {
  for (let n = 0; n < names.length; n++) {
    let has = false;
    for (let k = 0; k < args.options.length && !has; k++) has = args.options[k].name === names[n];
    if (!has) return false;
  }
  return true;
}

function viewOf(ctx: RuleContext, found: OptionBearing): View {
  let pair = views.get(ctx.model);
  if (!pair) views.set(ctx.model, (pair = [undefined, undefined]));
  const which = ctx.seesWholeServer ? 1 : 0;
  return (pair[which] ??= { reads: new Array<WsgiArguments | null | undefined>(found.nodes.length), all: undefined, byName: new Map(), heads: undefined, headsByName: undefined });
}

/** The reads of the directives at `indexes` (null: all of them), skipped ones left out; each read once per view. */
function readAt(ctx: RuleContext, found: OptionBearing, view: View, indexes: readonly number[] | null): readonly WsgiArguments[] {
  const count = indexes ? indexes.length : found.nodes.length;
  let kept = 0;
  for (let k = 0; k < count; k++) if (readSlot(ctx, found, view, indexes ? indexes[k] : k)) kept++;
  // Made at its size (the lists live as long as the analysis): no array grown by push, then copied.
  const list = new Array<WsgiArguments>(kept);
  for (let k = 0, at = 0; at < kept; k++) {
    const args = view.reads[indexes ? indexes[k] : k];
    if (args) list[at++] = args;
  }
  return list;
}

/** nodes[i] read (null: skipped, or not an option-bearing directive), once per view. */
function readSlot(ctx: RuleContext, found: OptionBearing, view: View, i: number): WsgiArguments | null {
  let args = view.reads[i];
  if (args === undefined) {
    const read = readWsgiArguments(ctx.ast, found.nodes[i], ctx.seesWholeServer);
    args = view.reads[i] = read && read.reach.reach !== 'skipped' ? read : null;
  }
  return args;
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
