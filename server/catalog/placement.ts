// Where a directive stands as Apache's config reader sees it: which kind of place (top level, <VirtualHost>,
// <Directory> …) decides what is allowed, and whether Apache reads the line at all. <IfModule>, <IfDefine> and
// friends are evaluated while reading and are transparent for contexts; a body Apache skips is never checked.
import type { ConfigAst, Node, SectionNode } from '../syntax/ast';
import type { PlaceName } from './types';
import { sectionInfo } from './sections';
import { directiveInfo } from './directives';
import { debianModule, loadedModules } from './modules';
import { definesAt } from './wsgi-reach';

/** `active`: Apache reads it; `skipped`: it never does; `maybe`: depends on things we cannot see (-D flags, files). */
export type Reach = 'active' | 'maybe' | 'skipped';

export interface Frame {
  /** null: a section whose body follows rules we do not model (e.g. <AuthnProviderAlias>). */
  place: PlaceName | null;
  section: SectionNode;
}

export interface Standing {
  reach: Reach;
  /** The section that makes the line skipped or uncertain. */
  because: SectionNode | null;
  /** Sections that decide the context, innermost first (transparent ones left out). */
  frames: Frame[];
}

const PLACE_OF: Record<string, PlaceName> = {
  virtualhost: 'virtualhost', directory: 'directory', directorymatch: 'directory', location: 'location',
  locationmatch: 'location', files: 'files', filesmatch: 'files', if: 'if', elseif: 'if', else: 'if', proxy: 'proxy',
  proxymatch: 'proxy', limit: 'limit', limitexcept: 'limit', requireall: 'authz', requireany: 'authz', requirenone: 'authz',
};
/** Keep the enclosing place (mod_md reads them with the server's rules) but are named in Apache's messages. */
const PASS_THROUGH = new Set(['mdomainset', 'mdomain']);

/** Apache 2.4 as Debian ships it, for <IfVersion>. */
const APACHE_VERSION = [2, 4, 71];

export function isHtaccess(uri: string): boolean {
  return /(^|[/\\])\.?htaccess$/i.test(uri);
}

/** The kind of place the innermost deciding section makes; `server` at top level; undefined when unknown. */
export function placeOf(standing: Standing): PlaceName | undefined {
  const top = standing.frames[0];
  return top ? (top.place ?? undefined) : 'server';
}

export function standingOf(node: Node, ast: ConfigAst): Standing {
  const standing: Standing = { reach: 'active', because: null, frames: [] };
  const passThrough: SectionNode[] = [];
  for (let p = node.parent; p; p = p.parent) {
    const info = sectionInfo(p.nameLower);
    if (info?.rawBody) return { reach: 'skipped', because: p, frames: [] };
    if (info?.transparent) {
      const reach = conditionReach(p, ast);
      if (reach === 'skipped') return { reach, because: p, frames: [] };
      if (reach === 'maybe' && standing.reach === 'active') Object.assign(standing, { reach, because: p });
      continue;
    }
    if (PASS_THROUGH.has(p.nameLower)) {
      passThrough.push(p);
      continue;
    }
    const place = PLACE_OF[p.nameLower] ?? null;
    // A pass-through section inside this one is what Apache names, with this section's rules.
    standing.frames.push({ place, section: passThrough.shift() ?? p });
  }
  if (passThrough.length) standing.frames.push({ place: 'server', section: passThrough[0] });
  return standing;
}

function conditionReach(section: SectionNode, ast: ConfigAst): Reach {
  const raw = section.args[0]?.value ?? '';
  if (raw.includes('${')) return 'maybe';
  const negated = raw.startsWith('!');
  const name = negated ? raw.slice(1) : raw;
  const flip = (r: Reach): Reach => (r === 'maybe' || !negated ? r : r === 'active' ? 'skipped' : 'active');
  switch (section.nameLower) {
    case 'ifmodule':
      return flip(moduleReach(name, section, ast));
    case 'ifdefine':
      // Defined earlier: read. Not defined: a -D flag could still define it, but without one Apache reads `!NAME`.
      if (definesAt(ast, section.start).has(name)) return flip('active');
      return negated ? 'active' : 'maybe';
    case 'ifdirective':
      return flip(directiveInfo(name.toLowerCase(), false) ? 'active' : 'maybe');
    case 'ifsection':
      return flip(directiveInfo(name.replace(/^</, '').toLowerCase(), true) ? 'active' : 'maybe');
    case 'ifversion':
      return versionReach(section.args.map((w) => w.value));
    default:
      return 'maybe';
  }
}

function moduleReach(name: string, section: SectionNode, ast: ConfigAst): Reach {
  const known = debianModule(name);
  const loads = loadedModules(ast);
  if (!loads.loadsAny) return known ? 'active' : 'maybe';
  // A whole server: loaded means built in or named by a LoadModule read before this section.
  if (known?.builtIn) return 'active';
  const lower = name.toLowerCase();
  for (const d of loadModuleNodes(ast)) {
    if (d.start > section.start) break;
    const id = d.args[0]?.value.toLowerCase();
    const file = d.args[1]?.value.split('/').pop()?.replace(/\.so$/i, '.c').toLowerCase();
    if (id === lower || file === lower || (known && id === known.id.toLowerCase())) return 'active';
  }
  return known ? 'skipped' : 'maybe';
}

const loadNodes = new WeakMap<ConfigAst, Array<{ start: number; args: Array<{ value: string }> }>>();
function loadModuleNodes(ast: ConfigAst) {
  let list = loadNodes.get(ast);
  if (!list) {
    list = [];
    const stack: Node[] = [...ast.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.kind === 'directive' && n.nameLower === 'loadmodule') list.push(n);
      else if (n.kind === 'section') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
    loadNodes.set(ast, list);
  }
  return list;
}

/** `<IfVersion [op] version>` with a plain numeric version; regular expressions stay uncertain. */
function versionReach(words: string[]): Reach {
  const [op, version] = words.length >= 2 ? words : ['=', words[0] ?? ''];
  if (!/^\d+(\.\d+){0,2}$/.test(version)) return 'maybe';
  const want = version.split('.').map(Number);
  let cmp = 0;
  // mod_version fills missing parts with 0: `= 2.4` means 2.4.0 exactly.
  for (let i = 0; i < 3 && cmp === 0; i++) cmp = Math.sign(APACHE_VERSION[i] - (want[i] ?? 0));
  const ok = { '=': cmp === 0, '==': cmp === 0, '>': cmp > 0, '>=': cmp >= 0, '<': cmp < 0, '<=': cmp <= 0, '!=': cmp !== 0 }[op];
  return ok === undefined ? 'maybe' : ok ? 'active' : 'skipped';
}
