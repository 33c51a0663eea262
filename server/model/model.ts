// The questions rules ask about one configuration: which virtual hosts, daemon process groups, script aliases
// and process-group references exist, and in which scope each sits.
import type { ConfigAst, DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import { forEachNode } from '../syntax/parser';
import { sectionInfo } from '../catalog/sections';

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
  /** Options by name (the last one wins, as in mod_wsgi). */
  options: Map<string, Word>;
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
  options: Map<string, Word>;
  vhost: SectionNode | null;
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
  return node.parent ? inherited(vhostMemo, node.parent, vhostOwn) : null;
}

/** The nearest section that decides the directive context; <IfModule> and friends are transparent. */
export function contextSection(node: Node): SectionNode | null {
  return node.parent ? inherited(contextMemo, node.parent, contextOwn) : null;
}

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

/** `key=value` option words after the positional arguments. */
export function optionsOf(args: readonly Word[], from: number): Map<string, Word> {
  const options = new Map<string, Word>();
  for (let k = from; k < args.length; k++) {
    const w = args[k];
    if (w.key !== null) options.set(w.key, w);
  }
  return options;
}

export function buildModel(ast: ConfigAst): ConfigModel {
  const model: ConfigModel = { directives: [], sections: [], vhosts: [], daemons: [], processGroupRefs: [], scriptAliases: [] };
  // Hosts get their names in the same walk (a walk per host would cost depth × size on nested hosts).
  const hosts = new Map<SectionNode, VirtualHost>();
  forEachNode(ast.children, (node) => {
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
  });
  return model;
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
  const vhost = enclosingVirtualHost(node);
  const ref = (word: Word, via: ProcessGroupRef['via'], span = { start: word.start, end: word.end }) => {
    const name = word.key !== null ? word.optionValue : word.value;
    model.processGroupRefs.push({ name, word, span, node, vhost, via });
  };
  switch (node.nameLower) {
    case 'wsgidaemonprocess': {
      const nameWord = node.args[0];
      if (nameWord && nameWord.key === null) {
        model.daemons.push({ name: nameWord.value, node, nameWord, vhost, options: optionsOf(node.args, 1) });
      }
      break;
    }
    case 'wsgiprocessgroup':
      if (node.args[0]) ref(node.args[0], 'WSGIProcessGroup');
      break;
    case 'wsgiscriptalias':
    case 'wsgiscriptaliasmatch': {
      const options = optionsOf(node.args, 2);
      model.scriptAliases.push({ node, match: node.nameLower.endsWith('match'), url: node.args[0], target: node.args[1], options, vhost });
      const pg = options.get('process-group');
      if (pg) ref(pg, 'process-group', { start: pg.valueStart, end: pg.end });
      break;
    }
    case 'wsgiimportscript':
    case 'wsgidispatchscript':
    case 'wsgiaccessscript':
    case 'wsgiauthuserscript':
    case 'wsgiauthgroupscript': {
      const pg = optionsOf(node.args, 1).get('process-group');
      if (pg) ref(pg, node.nameLower === 'wsgiimportscript' ? 'WSGIImportScript' : 'process-group', { start: pg.valueStart, end: pg.end });
      break;
    }
  }
}

const hostIndex = new WeakMap<ConfigModel, Map<SectionNode, VirtualHost>>();

/** The model's record for a <VirtualHost> section; indexed once per model (outlines ask for every host). */
export function virtualHostOf(model: ConfigModel, section: SectionNode): VirtualHost | undefined {
  let index = hostIndex.get(model);
  if (!index) hostIndex.set(model, (index = new Map(model.vhosts.map((v) => [v.node, v]))));
  return index.get(section);
}

const byName = new WeakMap<ConfigModel, Map<string, DirectiveNode[]>>();

/** Directives of one (lower-cased) name, in document order; indexed once per model, since rules ask per alias. */
export function directivesNamed(model: ConfigModel, nameLower: string): readonly DirectiveNode[] {
  let index = byName.get(model);
  if (!index) {
    index = new Map();
    for (const d of model.directives) {
      const list = index.get(d.nameLower);
      if (list) list.push(d);
      else index.set(d.nameLower, [d]);
    }
    byName.set(model, index);
  }
  return index.get(nameLower) ?? [];
}
