// Per-analysis indexes the rules share, each computed once per model on first use: rules ask their questions per
// script alias or per group reference, and answering each by scanning every directive of every host made the
// analysis quadratic in the number of virtual hosts.
import type { DirectiveNode, Node, SectionNode } from '../syntax/ast';
import type { ConfigModel, DaemonGroup, VirtualHost } from './model';
import { directivesNamed, enclosingVirtualHost } from './model';
import { wsgiOptionDirectives } from '../catalog/wsgi-options';
import { runMemo } from '../rules/run-memo';

/** The answer for a host with no entries (shared, so a lookup per alias allocates nothing). */
const NONE: readonly never[] = Object.freeze([]);

const byHost = new WeakMap<readonly Node[], Map<SectionNode | null, Node[]>>();

/**
 * The nodes of `list` (in document order) that can be in effect for requests of `vhost`: those inside it and
 * those outside every <VirtualHost>, in the same order. For the main server (null) that is the whole list.
 * Grouped once per list, so pass lists that live as long as the model (directivesNamed, cached filters).
 */
export function visibleFrom<T extends Node>(list: readonly T[], vhost: SectionNode | null): readonly T[] {
  if (vhost === null || list.length === 0) return list;
  const groups = hostGroups(list);
  const own = groups.get(vhost) ?? NONE;
  const main = groups.get(null) ?? NONE;
  if (main.length === 0) return own;
  if (own.length === 0) return main;
  // Both in document order: merge them.
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < main.length) merged.push(j >= main.length || (i < own.length && own[i].start < main[j].start) ? own[i++] : main[j++]);
  return merged;
}

/**
 * Whether some node of visibleFrom(list, vhost) passes `test` (called with `arg`; pass a module-level function, so
 * no closure is made per call). The nodes are tried in no particular order, and no merged list is built.
 */
export function someVisible<T extends Node, A>(list: readonly T[], vhost: SectionNode | null, test: (node: T, arg: A) => boolean, arg: A): boolean {
  if (vhost === null || list.length === 0) return someOf(list, test, arg);
  const groups = hostGroups(list);
  return someOf(groups.get(vhost) ?? NONE, test, arg) || someOf(groups.get(null) ?? NONE, test, arg);
}

/** Whether some node of `list` passes `test`. Indexed: the allocation profile showed an iterator result per node. */
function someOf<T, A>(list: readonly T[], test: (node: T, arg: A) => boolean, arg: A): boolean {
  for (let i = 0; i < list.length; i++) if (test(list[i], arg)) return true;
  return false;
}

/** The nodes of a model-lived list grouped by their <VirtualHost> (null: outside every host), once per list. */
function hostGroups<T extends Node>(list: readonly T[]): Map<SectionNode | null, T[]> {
  let groups = byHost.get(list) as Map<SectionNode | null, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const node of list) {
      const host = enclosingVirtualHost(node);
      const group = groups.get(host);
      if (group) group.push(node);
      else groups.set(host, [node]);
    }
    // Kept as long as the model: trimmed to their size (an array grown by push reserves 16 more slots).
    groups.forEach((group, host, map) => {
      if (group.length > 1) map.set(host, group.slice());
    });
    byHost.set(list, groups as Map<SectionNode | null, Node[]>);
  }
  return groups;
}

interface Lookups {
  vhosts: Map<SectionNode, VirtualHost>;
  daemons: Map<string, DaemonGroup>;
}

const lookups = runMemo<ConfigModel, Lookups>();

function lookupsOf(model: ConfigModel): Lookups {
  let l = lookups.get(model);
  if (!l) {
    const daemons = new Map<string, DaemonGroup>();
    // The first definition wins, as a search in document order would find it.
    for (const d of model.daemons) if (!daemons.has(d.name)) daemons.set(d.name, d);
    l = { vhosts: new Map(model.vhosts.map((v) => [v.node, v])), daemons };
    lookups.set(model, l);
  }
  return l;
}

/** The VirtualHost entry of a <VirtualHost> section. */
export function vhostEntry(model: ConfigModel, section: SectionNode): VirtualHost | undefined {
  return lookupsOf(model).vhosts.get(section);
}

/** The first WSGIDaemonProcess defining `name`. */
export function firstDaemonNamed(model: ConfigModel, name: string): DaemonGroup | undefined {
  return lookupsOf(model).daemons.get(name);
}

/**
 * The directive names the rules that join facts across the document look for. Each of them used to scan all of the
 * model's directives for its own (a scan per rule or per name: on a large file one costs as much as a rule's whole
 * work, the nodes being spread over the heap); these are gathered together, in one pass on the first ask.
 */
const INDEXED_NAMES: readonly string[] = [
  ...wsgiOptionDirectives().map((d) => d.name.toLowerCase()),
  'alias', 'scriptalias', 'loadmodule', 'require', 'allow',
  'wsgiprocessgroup', 'wsgiapplicationgroup', 'wsgicallableobject', 'wsgirestrictembedded', 'wsgisocketprefix',
];

const nameIndexes = runMemo<ConfigModel, Map<string, DirectiveNode[]>>();

/**
 * directivesNamed(model, nameLower): the same directives, in the same (document) order. The names of INDEXED_NAMES
 * are all gathered in one pass; any other is asked of directivesNamed. Shared: read it, never change it.
 */
export function namedDirectives(model: ConfigModel, nameLower: string): readonly DirectiveNode[] {
  let index = nameIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const name of INDEXED_NAMES) index.set(name, []);
    const directives = model.directives;
    for (let i = 0; i < directives.length; i++) index.get(directives[i].nameLower)?.push(directives[i]);
    nameIndexes.set(model, index);
  }
  return index.get(nameLower) ?? directivesNamed(model, nameLower);
}

/** The directives named any of `namesLower` (distinct names), in document order: their namedDirectives lists merged. */
export function namedDirectivesAmong(model: ConfigModel, namesLower: readonly string[]): DirectiveNode[] {
  const lists: Array<readonly DirectiveNode[]> = [];
  for (const name of namesLower) {
    const list = namedDirectives(model, name);
    if (list.length) lists.push(list);
  }
  if (lists.length === 1) return lists[0].slice();
  let total = 0;
  for (const list of lists) total += list.length;
  // Each list is in document order (rising starts; two directives never share one): take the earliest head each time.
  // Made at its size: no array grown by push.
  const merged = new Array<DirectiveNode>(total);
  const at = new Array<number>(lists.length).fill(0);
  for (let m = 0; m < total; m++) {
    let pick = -1;
    for (let k = 0; k < lists.length; k++) if (at[k] < lists[k].length && (pick < 0 || lists[k][at[k]].start < lists[pick][at[pick]].start)) pick = k;
    merged[m] = lists[pick][at[pick]++];
  }
  return merged;
}
