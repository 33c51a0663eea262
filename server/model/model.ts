// The questions rules ask about one configuration: which virtual hosts, daemon process groups, script aliases
// and process-group references exist, and in which scope each sits.
import type { ConfigAst, DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import { forEachNode } from '../syntax/parser';
import { sectionInfo } from '../catalog/sections';
import type { Effective } from './scope';

export interface VirtualHost {
  node: SectionNode;
  addresses: Word[];
  serverName: DirectiveNode | null;
  /** Every name the host answers to: ServerName (without scheme or port) and ServerAlias words. */
  names: Word[];
}

export interface DaemonGroup {
  name: string;
  node: DirectiveNode;
  nameWord: Word;
  vhost: SectionNode | null;
  /** Options by name (the last one wins, as in mod_wsgi). Read-only: option-less entries share one empty map. */
  options: ReadonlyMap<string, Word>;
}

export interface ProcessGroupRef {
  name: string;
  /** The word naming the group: WSGIProcessGroup's argument or the value part of `process-group=`. */
  word: Word;
  span: { start: number; end: number };
  node: DirectiveNode;
  vhost: SectionNode | null;
  via: 'WSGIProcessGroup' | 'process-group' | 'WSGIImportScript';
}

export interface ScriptAlias {
  node: DirectiveNode;
  match: boolean;
  url: Word | undefined;
  target: Word | undefined;
  /** Options by name (the last one wins). Read-only: option-less aliases share one empty map. */
  options: ReadonlyMap<string, Word>;
  vhost: SectionNode | null;
  /**
   * Answers worked out on first use and kept with the alias (scriptLocation, effectiveSetting, the process and
   * application group of scripts-sharing): a field costs less than a WeakMap entry keyed by the alias.
   */
  location?: Readonly<{ dir?: string; file?: string }>;
  settings?: Record<string, Readonly<Effective>>;
  groups?: Readonly<{ group: string | undefined; app: string | undefined }>;
}

export interface ConfigModel {
  directives: DirectiveNode[];
  sections: SectionNode[];
  vhosts: VirtualHost[];
  daemons: DaemonGroup[];
  processGroupRefs: ProcessGroupRef[];
  scriptAliases: ScriptAlias[];
}

/** Group names that select a group without naming a WSGIDaemonProcess (`%{GLOBAL}`, `%{ENV:X}` …). */
export function isSpecialGroupName(name: string): boolean {
  return name === '' || name.startsWith('%{');
}

export function enclosingVirtualHost(node: Node): SectionNode | null {
  // Most nodes sit a few sections deep: walking up is cheaper than a memo lookup, and keeps nothing alive.
  let p = node.parent;
  for (let steps = 0; p; p = p.parent, steps++) {
    if (p.nameLower === 'virtualhost') return p;
    if (steps === SHALLOW) return inherited(vhostMemo, p, vhostOwn);
  }
  return null;
}

/** The nearest section that decides the directive context; <IfModule> and friends are transparent. */
export function contextSection(node: Node): SectionNode | null {
  let p = node.parent;
  for (let steps = 0; p; p = p.parent, steps++) {
    if (!sectionInfo(p.nameLower)?.transparent) return p;
    if (steps === SHALLOW) return inherited(contextMemo, p, contextOwn);
  }
  return null;
}

/**
 * How many sections up enclosingVirtualHost / contextSection walk before they switch to the memo: deeper
 * nesting (generated or hostile files) then stays linear in the file's size. Both paths give the same answer:
 * the nearest section, the node's parent first, that is a <VirtualHost> (that is not transparent).
 */
export const SHALLOW = 8;

// Module-level, so a call (many per directive across the rules) creates no closure.
const vhostOwn = (s: SectionNode, outer: SectionNode | null) => (s.nameLower === 'virtualhost' ? s : outer);
const contextOwn = (s: SectionNode, outer: SectionNode | null) => (sectionInfo(s.nameLower)?.transparent ? outer : s);

const vhostMemo = new WeakMap<SectionNode, SectionNode | null>();
const contextMemo = new WeakMap<SectionNode, SectionNode | null>();

/**
 * A value each section's body inherits from the body around it, worked out once per section from the outside in
 * (without recursion): asking for every node of a deeply nested file stays linear.
 */
function inherited(memo: WeakMap<SectionNode, SectionNode | null>, section: SectionNode, own: (s: SectionNode, outer: SectionNode | null) => SectionNode | null): SectionNode | null {
  // Known already (null is a stored answer, undefined is none): no list is made.
  const known = memo.get(section);
  if (known !== undefined) return known;
  const pending: SectionNode[] = [];
  for (let p: SectionNode | null = section; p && !memo.has(p); p = p.parent) pending.push(p);
  for (let i = pending.length - 1; i >= 0; i--) {
    const s = pending[i];
    memo.set(s, own(s, s.parent ? memo.get(s.parent)! : null));
  }
  return memo.get(section)!;
}

/** The options of a directive with none (most aliases): one shared map, since a Map per directive is costly. */
const NO_OPTIONS: ReadonlyMap<string, Word> = new Map();

/** `key=value` option words after the positional arguments (a shared empty map when there are none: read only). */
export function optionsOf(args: readonly Word[], from: number): ReadonlyMap<string, Word> {
  let first = from;
  while (first < args.length && args[first].key === null) first++;
  if (first >= args.length) return NO_OPTIONS;
  const options = new Map<string, Word>();
  for (let k = first; k < args.length; k++) {
    const w = args[k];
    if (w.key !== null) options.set(w.key, w);
  }
  return options;
}

/**
 * The model of each top-level node, kept from one version of a document to the next (the incremental analysis):
 * a node an edit did not touch brings its part of the model along. Nothing in a part depends on other top-level
 * nodes: hosts are named from inside their section, aliases and references sit in the node.
 */
export type ModelParts = WeakMap<Node, ConfigModel>;

/** The model of a tree; with `parts`, put together from each top-level node's part, kept or made. */
export function buildModel(ast: ConfigAst, parts?: ModelParts): ConfigModel {
  if (!parts) return modelOf(ast.children);
  const model = emptyModel();
  for (const top of ast.children) {
    let part = parts.get(top);
    if (part) reuse(part);
    else parts.set(top, (part = modelOf([top])));
    append(model.directives, part.directives);
    append(model.sections, part.sections);
    append(model.vhosts, part.vhosts);
    append(model.daemons, part.daemons);
    append(model.processGroupRefs, part.processGroupRefs);
    append(model.scriptAliases, part.scriptAliases);
  }
  return model;
}

function emptyModel(): ConfigModel {
  return { directives: [], sections: [], vhosts: [], daemons: [], processGroupRefs: [], scriptAliases: [] };
}

function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/**
 * A kept part in a new model: the answers its aliases keep were worked out in the previous model (they are asked
 * again), and its references' spans were copied from words an edit may have moved.
 */
function reuse(part: ConfigModel): void {
  for (const alias of part.scriptAliases) alias.location = alias.settings = alias.groups = undefined;
  for (const ref of part.processGroupRefs) ref.span = refSpan(ref.word, ref.via);
}

function modelOf(nodes: readonly Node[]): ConfigModel {
  // Hosts get their names in the same walk (a walk per host would cost depth × size on nested hosts).
  const building: Building = { model: emptyModel(), hosts: new Map() };
  // A module-level visitor with its state as the argument: a closure made per call showed V8 a new call target in
  // forEachNode each time, which it kept re-optimising.
  forEachNode(nodes, addNode, building);
  return building.model;
}

interface Building {
  model: ConfigModel;
  hosts: Map<SectionNode, VirtualHost>;
}

function addNode(node: Node, { model, hosts }: Building): void {
  if (node.kind === 'section') {
    model.sections.push(node);
    if (node.nameLower === 'virtualhost') {
      const host: VirtualHost = { node, addresses: node.args, serverName: null, names: [] };
      hosts.set(node, host);
      model.vhosts.push(host);
    }
  } else if (node.kind === 'directive') {
    model.directives.push(node);
    if (node.nameLower === 'servername' || node.nameLower === 'serveralias') nameHost(node, hosts);
    if (node.nameLower.startsWith('wsgi')) collectWsgi(node, model);
  }
}

/** ServerName and ServerAlias count for the host whose body they stand in (through <IfModule> and friends). */
function nameHost(node: DirectiveNode, hosts: ReadonlyMap<SectionNode, VirtualHost>): void {
  const context = contextSection(node);
  const host = context && hosts.get(context);
  if (!host) return;
  if (node.nameLower === 'servername' && node.args[0]) {
    host.serverName = node;
    host.names.push(node.args[0]);
  } else if (node.nameLower === 'serveralias') {
    for (const w of node.args) host.names.push(w);
  }
}

function collectWsgi(node: DirectiveNode, model: ConfigModel): void {
  switch (node.nameLower) {
    case 'wsgidaemonprocess': {
      const nameWord = node.args[0];
      if (nameWord && nameWord.key === null) {
        model.daemons.push({ name: nameWord.value, node, nameWord, vhost: enclosingVirtualHost(node), options: optionsOf(node.args, 1) });
      }
      break;
    }
    case 'wsgiprocessgroup':
      if (node.args[0]) addRef(model, node, node.args[0], 'WSGIProcessGroup');
      break;
    case 'wsgiscriptalias':
    case 'wsgiscriptaliasmatch': {
      const options = optionsOf(node.args, 2);
      // Memo fields present from the start: every alias keeps one object shape.
      model.scriptAliases.push({ node, match: node.nameLower.endsWith('match'), url: node.args[0], target: node.args[1], options, vhost: enclosingVirtualHost(node), location: undefined, settings: undefined, groups: undefined });
      const pg = options.get('process-group');
      if (pg) addRef(model, node, pg, 'process-group');
      break;
    }
    case 'wsgiimportscript':
    case 'wsgidispatchscript':
    case 'wsgiaccessscript':
    case 'wsgiauthuserscript':
    case 'wsgiauthgroupscript': {
      // optionsOf(node.args, 1).get('process-group') without the Map: the last such option wins.
      let pg: Word | undefined;
      for (let k = 1; k < node.args.length; k++) if (node.args[k].key === 'process-group') pg = node.args[k];
      if (pg) addRef(model, node, pg, node.nameLower === 'wsgiimportscript' ? 'WSGIImportScript' : 'process-group');
      break;
    }
  }
}

function addRef(model: ConfigModel, node: DirectiveNode, word: Word, via: ProcessGroupRef['via']): void {
  const name = word.key !== null ? word.optionValue : word.value;
  model.processGroupRefs.push({ name, word, span: refSpan(word, via), node, vhost: enclosingVirtualHost(node), via });
}

/** The group name's span: WSGIProcessGroup's whole word, or the value of a `process-group=` option. */
function refSpan(word: Word, via: ProcessGroupRef['via']): ProcessGroupRef['span'] {
  return via === 'WSGIProcessGroup' ? { start: word.start, end: word.end } : { start: word.valueStart, end: word.end };
}

const hostIndex = new WeakMap<ConfigModel, Map<SectionNode, VirtualHost>>();

/** The model's record for a <VirtualHost> section; indexed once per model (outlines ask for every host). */
export function virtualHostOf(model: ConfigModel, section: SectionNode): VirtualHost | undefined {
  let index = hostIndex.get(model);
  if (!index) hostIndex.set(model, (index = new Map(model.vhosts.map((v) => [v.node, v]))));
  return index.get(section);
}

const byName = new WeakMap<ConfigModel, Map<string, readonly DirectiveNode[]>>();

/**
 * Directives of one (lower-cased) name, in document order; each name's list is gathered on its first ask and kept
 * with the model (rules ask per alias, and visibleFrom groups a list once by its identity). Callers ask for a few
 * fixed names, so a scan per name asked costs less than indexing every directive of the file by name.
 */
export function directivesNamed(model: ConfigModel, nameLower: string): readonly DirectiveNode[] {
  let index = byName.get(model);
  if (!index) byName.set(model, (index = new Map()));
  let list = index.get(nameLower);
  if (!list) index.set(nameLower, (list = gather(model.directives, nameLower)));
  return list;
}

function gather(directives: readonly DirectiveNode[], nameLower: string): DirectiveNode[] {
  const found: DirectiveNode[] = [];
  for (let i = 0; i < directives.length; i++) if (directives[i].nameLower === nameLower) found.push(directives[i]);
  return found;
}
