// Whether Apache reads a directive at all, and which `Define`d variables it sees there. Apache evaluates
// <IfModule>, <IfDefine> … while reading and never looks at a skipped body, so a problem there is no configtest
// error; where we cannot tell (a module we do not know, a -D flag or a Define in another file) we say "maybe".
// With the whole server in view, a name no Define sets is taken as undefined (no -D on the command line).
import type { ConfigAst, Node, SectionNode } from '../syntax/ast';
import { forEachNode } from '../syntax/parser';
import { lastAtOrBefore } from '../syntax/search';
import { debianModule } from './modules';
import { environmentOf, substitute, type Variables } from '../model/variables';

export type Reach = 'active' | 'maybe' | 'skipped';

export interface ReachInfo {
  reach: Reach;
  /** The innermost section that makes the body skipped or uncertain. */
  because: SectionNode | null;
}

interface DefineEvent {
  offset: number;
  name: string;
  /** The value; null when defined without one or when the Define itself may not be read; undefined = UnDefine. */
  value: string | null | undefined;
}

// Both readings are cached: a whole-server analysis asks with and without `wholeServer`.
const eventsCache = new WeakMap<ConfigAst, Map<boolean, DefineEvent[]>>();
const byNameCache = new WeakMap<DefineEvent[], Map<string, DefineEvent[]>>();

// definesAt's maps by how many events precede the offset: every directive between two Defines shares one map
// (in a file without Define, all share one empty map) instead of building its own.
const prefixCache = new WeakMap<DefineEvent[], Array<Map<string, string | null>>>();

/**
 * Variables defined before `offset`: value, or null when defined but its value is not known for sure. The map is
 * shared with other offsets between the same Defines: read it, never change it.
 */
export function definesAt(ast: ConfigAst, offset: number, wholeServer = false): Map<string, string | null> {
  const events = defineEvents(ast, wholeServer);
  // How many events come before `offset`: a binary search, events being in document order (rising offsets).
  let count = 0;
  let hi = events.length;
  while (count < hi) {
    const mid = (count + hi) >> 1;
    if (events[mid].offset < offset) count = mid + 1;
    else hi = mid;
  }
  let maps = prefixCache.get(events);
  if (!maps) prefixCache.set(events, (maps = []));
  const hit = maps[count];
  if (hit) return hit;
  const vars = new Map<string, string | null>();
  for (let i = 0; i < count; i++) {
    const e = events[i];
    if (e.value === undefined) vars.delete(e.name);
    else vars.set(e.name, e.value);
  }
  maps[count] = vars;
  return vars;
}

/** Whether `name` is defined before `offset` (as definesAt(…).has(name)), without building the whole map. */
export function isDefinedAt(ast: ConfigAst, offset: number, name: string, wholeServer = false): boolean {
  const events = defineEvents(ast, wholeServer);
  let byName = byNameCache.get(events);
  if (!byName) {
    byName = new Map();
    for (const e of events) {
      const list = byName.get(e.name);
      if (list) list.push(e);
      else byName.set(e.name, [e]);
    }
    byNameCache.set(events, byName);
  }
  const list = byName.get(name) ?? [];
  // The last event for the name before the offset decides (events are in document order; offsets are integers).
  const last = lastAtOrBefore(list, offset - 1, (e) => e.offset);
  return last !== undefined && last.value !== undefined;
}

/** The variables `${…}` reads at `offset`: the Defines in effect over the environment the text is read with. */
export function variablesAt(ast: ConfigAst, offset: number, wholeServer = false): Variables {
  return { defined: definesAt(ast, offset, wholeServer), environment: environmentOf(ast) };
}

/**
 * Text holding "define" in any case, its letters maybe split by line continuations (a backslash and a line break,
 * which a logical line's content drops): every Define and UnDefine directive's name shows up so.
 */
const MAY_DEFINE = /d(?:\\\r?\n)*e(?:\\\r?\n)*f(?:\\\r?\n)*i(?:\\\r?\n)*n(?:\\\r?\n)*e/i;

/** False only when no directive of the text can be a Define or UnDefine. */
export function mayHoldDefine(text: string): boolean {
  return MAY_DEFINE.test(text);
}

function defineEvents(ast: ConfigAst, wholeServer: boolean): DefineEvent[] {
  let cached = eventsCache.get(ast);
  if (!cached) eventsCache.set(ast, (cached = new Map()));
  const hit = cached.get(wholeServer);
  if (hit) return hit;
  const events: DefineEvent[] = [];
  cached.set(wholeServer, events);
  // A text without Define or UnDefine (most) has no events: one search of it instead of a walk of the tree (which
  // an edit would otherwise cost a file of any size).
  if (!mayHoldDefine(ast.text)) return events;
  // The variables in effect so far, kept as we go (the walk is in document order): no re-scan per Define.
  const vars = new Map<string, string | null>();
  forEachNode(ast.children, (node) => {
    if (node.kind !== 'directive' || (node.nameLower !== 'define' && node.nameLower !== 'undefine') || !node.args[0]) return;
    const certain = reachOf(node, vars, wholeServer).reach === 'active';
    const known = { defined: vars, environment: environmentOf(ast) };
    const name = node.args[0].value;
    if (node.nameLower === 'undefine') events.push({ offset: node.start, name, value: certain ? undefined : null });
    else {
      const raw = node.args[1]?.value;
      const sub = raw === undefined || !certain ? undefined : substitute(raw, known);
      events.push({ offset: node.start, name, value: sub && sub.unresolved.length === 0 ? sub.text : null });
    }
    const e = events[events.length - 1];
    if (e.value === undefined) vars.delete(e.name);
    else vars.set(e.name, e.value);
  });
  return events;
}

const UNCERTAIN_SECTIONS = new Set(['ifversion', 'iffile', 'ifdirective', 'ifsection', 'macro']);

/** The common answer, shared (asked for nearly every directive): never to be changed. */
const ACTIVE: ReachInfo = Object.freeze({ reach: 'active', because: null });

/** Whether Apache reads `node` (judged for mod_wsgi directives: a `!mod_wsgi.c` body never matters). */
export function reachOf(node: Node, vars: Map<string, string | null>, wholeServer = false): ReachInfo {
  if (!node.parent) return ACTIVE;
  // The innermost skipped section decides; else the innermost uncertain one. Only <IfDefine> depends on `vars`:
  // the others are summed up once per section, so a node costs its <IfDefine> ancestors, not its depth.
  const f = fixedOf(node.parent);
  let skipped = f.skipped;
  let skippedDepth = f.skippedDepth;
  let maybe = f.maybe;
  let maybeDepth = f.maybeDepth;
  for (let l = f.ifDefines; l && l.depth > skippedDepth; l = l.next) {
    const reach = sectionReach(l.section, vars, wholeServer);
    if (reach === 'skipped') (skipped = l.section), (skippedDepth = l.depth);
    else if (reach === 'maybe' && l.depth > maybeDepth) (maybe = l.section), (maybeDepth = l.depth);
  }
  if (skipped) return { reach: 'skipped', because: skipped };
  return maybe ? { reach: 'maybe', because: maybe } : ACTIVE;
}

interface IfDefineLink {
  section: SectionNode;
  depth: number;
  next: IfDefineLink | null;
}

/**
 * A section body's reach from the sections that do not depend on Defines, and its <IfDefine>s, innermost first.
 * `depth` counts only the enclosing sections that change the reach (an <IfDefine>, a skipped or uncertain one):
 * reachOf compares depths of such sections only, and their order is the same as with every section counted.
 * So a section that changes nothing (<VirtualHost>, <Directory> …) shares the answer around it, no copy.
 */
interface FixedReach {
  depth: number;
  skipped: SectionNode | null;
  skippedDepth: number;
  maybe: SectionNode | null;
  maybeDepth: number;
  ifDefines: IfDefineLink | null;
}

const TOP_REACH: FixedReach = { depth: 0, skipped: null, skippedDepth: -1, maybe: null, maybeDepth: -1, ifDefines: null };
const fixedMemo = new WeakMap<SectionNode, FixedReach>();
const NO_VARS = new Map<string, string | null>();

/**
 * A section's FixedReach. A section that changes nothing shares the answer around it (fixedWithin keeps `outer`
 * as its own), so a few such sections (<VirtualHost>, <Directory> …) are passed on the way up without the memo:
 * a file whose sections all change nothing never fills it.
 */
function fixedOf(section: SectionNode): FixedReach {
  let s: SectionNode | null = section;
  for (let steps = 0; s && steps < SHALLOW && changesNothing(s); steps++) s = s.parent;
  return s ? memoFixedOf(s) : TOP_REACH;
}

/** How many sections fixedOf passes before it asks the memo: deep nesting stays linear in the file's size. */
const SHALLOW = 8;

/**
 * Whether fixedWithin surely gives a section the answer around it, by its name alone (sectionReach is 'active' for
 * any name but these). False for <IfModule>, whose answer depends on its argument: the memo keeps that one.
 */
function changesNothing(s: SectionNode): boolean {
  const n = s.nameLower;
  return n !== 'ifdefine' && n !== 'ifmodule' && !UNCERTAIN_SECTIONS.has(n);
}

/** Worked out once per section, from the outside in and without recursion (nesting can be deep). */
function memoFixedOf(section: SectionNode): FixedReach {
  const known = fixedMemo.get(section);
  if (known) return known;
  // The common case, the section around it already known: no work list.
  const parent = section.parent;
  if (!parent) return fixedWithin(section, TOP_REACH);
  const outer = fixedMemo.get(parent);
  if (outer) return fixedWithin(section, outer);
  const pending: SectionNode[] = [];
  for (let p: SectionNode | null = section; p && !fixedMemo.has(p); p = p.parent) pending.push(p);
  for (let i = pending.length - 1; i >= 0; i--) {
    const s = pending[i];
    fixedWithin(s, s.parent ? fixedMemo.get(s.parent)! : TOP_REACH);
  }
  return fixedMemo.get(section)!;
}

/** Section `s`'s reach given the reach around it (`outer`), memoised. */
function fixedWithin(s: SectionNode, outer: FixedReach): FixedReach {
  const depth = outer.depth + 1;
  let own = outer;
  if (s.nameLower === 'ifdefine') own = { ...outer, depth, ifDefines: { section: s, depth, next: outer.ifDefines } };
  else {
    const reach = sectionReach(s, NO_VARS, false);
    if (reach === 'skipped') own = { ...outer, depth, skipped: s, skippedDepth: depth };
    else if (reach === 'maybe') own = { ...outer, depth, maybe: s, maybeDepth: depth };
  }
  fixedMemo.set(s, own);
  return own;
}

function sectionReach(section: SectionNode, vars: Map<string, string | null>, wholeServer: boolean): Reach {
  const arg = section.args[0]?.value ?? '';
  const negated = arg.startsWith('!');
  const name = negated ? arg.slice(1) : arg;
  if (section.nameLower === 'ifmodule') {
    const lower = name.toLowerCase();
    if (lower === 'mod_wsgi.c' || lower === 'wsgi_module') return negated ? 'skipped' : 'active';
    // A module Debian ships is taken as loaded; any other may or may not be.
    return !negated && debianModule(name) ? 'active' : 'maybe';
  }
  if (section.nameLower === 'ifdefine') {
    const defined = vars.has(name);
    if (defined || wholeServer) return defined !== negated ? 'active' : 'skipped';
    return 'maybe';
  }
  return UNCERTAIN_SECTIONS.has(section.nameLower) ? 'maybe' : 'active';
}
