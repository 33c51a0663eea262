// The questions rules ask about one configuration: which virtual hosts, daemon process groups, script aliases
// and process-group references exist, and in which scope each sits.
import type { ConfigAst, DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import { walk } from '../syntax/parser';
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
  for (let p = node.parent; p; p = p.parent) if (p.nameLower === 'virtualhost') return p;
  return null;
}

/** The nearest section that decides the directive context; <IfModule> and friends are transparent. */
export function contextSection(node: Node): SectionNode | null {
  for (let p = node.parent; p; p = p.parent) if (!sectionInfo(p.nameLower)?.transparent) return p;
  return null;
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
  for (const node of walk(ast.children)) {
    if (node.kind === 'section') {
      model.sections.push(node);
      if (node.nameLower === 'virtualhost') model.vhosts.push(virtualHost(node));
    } else if (node.kind === 'directive') {
      model.directives.push(node);
      collectWsgi(node, model);
    }
  }
  return model;
}

function virtualHost(node: SectionNode): VirtualHost {
  let serverName: DirectiveNode | null = null;
  const names: Word[] = [];
  for (const child of walk(node.children)) {
    if (child.kind !== 'directive' || contextSection(child) !== node) continue;
    if (child.nameLower === 'servername' && child.args[0]) {
      serverName = child;
      names.push(child.args[0]);
    } else if (child.nameLower === 'serveralias') {
      names.push(...child.args);
    }
  }
  return { node, addresses: node.args, serverName, names };
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
