// Where a directive stands as Apache's config reader sees it: which kind of place (top level, <VirtualHost>,
// <Directory> …) decides what is allowed, and whether Apache reads the line at all. <IfModule>, <IfDefine> and
// friends are evaluated while reading and are transparent for contexts; a body Apache skips is never checked.
import type { ConfigAst, Node, SectionNode } from '../syntax/ast';
import type { PlaceName } from './types';
import { sectionInfo } from './sections';
import { directiveInfo } from './directives';
import { debianModule, loadedModules } from './modules';
import { isDefinedAt } from './wsgi-reach';
import { forEachNode } from '../syntax/parser';
import { runMemo } from '../rules/run-memo';

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
  /** Sections that decide the context, innermost first (transparent ones left out). Built when first read: O(depth). */
  readonly frames: Frame[];
  /** frames[0] without building the list: the innermost deciding section. */
  readonly inner: Frame | undefined;
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

/**
 * The deciding sections as a list shared with the enclosing body (innermost first), with the innermost frame of
 * each place kept at every link: questions about all frames cost the number of places, not the depth. Each link is
 * its own frame (place and section): one object per section body instead of two.
 */
interface FrameLink extends Frame {
  next: FrameLink | null;
  /** Frames from here outwards. */
  size: number;
  /** One link per place (the innermost of that place): a short array, cheaper than a Map per section body. */
  innermost: readonly FrameLink[];
  /** Some frame names a pass-through section (<MDomainSet>, <MDomain>). */
  passThrough: boolean;
}

class BodyStanding implements Standing {
  private list: Frame[] | undefined;
  constructor(
    readonly reach: Reach,
    readonly because: SectionNode | null,
    readonly link: FrameLink | null,
  ) {}
  get frames(): Frame[] {
    if (!this.list) {
      this.list = [];
      for (let l = this.link; l; l = l.next) this.list.push(l);
    }
    return this.list;
  }
  get inner(): Frame | undefined {
    return this.link ?? undefined;
  }
}

const TOP = new BodyStanding('active', null, null);

const NO_LINKS: readonly FrameLink[] = [];

function cons(place: PlaceName | null, section: SectionNode, next: FrameLink | null): FrameLink {
  const outer = next ? next.innermost : NO_LINKS;
  const link: FrameLink = { place, section, next, size: (next?.size ?? 0) + 1, innermost: outer, passThrough: next?.passThrough === true || PASS_THROUGH.has(section.nameLower) };
  let same = -1;
  for (let i = 0; i < outer.length; i++) if (outer[i].place === place) same = i;
  // Copied at their size: every section body keeps one, and push would reserve 16 more slots.
  const copy = new Array<FrameLink>(same >= 0 ? outer.length : outer.length + 1);
  for (let i = 0; i < outer.length; i++) copy[i] = outer[i];
  copy[same >= 0 ? same : outer.length] = link;
  link.innermost = copy;
  return link;
}

/**
 * Whether a line stands inside a per-directory section (<Directory>, <Location>, <Files>, <If>, <Proxy> and their
 * relatives): where httpd sets cmd->path, which some directives read differently.
 */
export function inPerDirectorySection(standing: Standing): boolean {
  return innermostFrame(standing, perDirectoryPlace) !== undefined;
}

const perDirectoryPlace = (p: PlaceName | null) => p !== null && p !== 'virtualhost' && p !== 'server';

/** The innermost frame whose place passes `test` (null: a section we do not model). */
export function innermostFrame(standing: Standing, test: (place: PlaceName | null) => boolean): Frame | undefined {
  const link = standing instanceof BodyStanding ? standing.link : null;
  if (!link) return standing instanceof BodyStanding ? undefined : standing.frames.find((f) => test(f.place));
  let best: FrameLink | undefined;
  // Indexed: an iterator per call showed in the allocation profile.
  const innermost = link.innermost;
  for (let i = 0; i < innermost.length; i++) {
    const l = innermost[i];
    if (test(l.place) && (!best || l.size > best.size)) best = l;
  }
  return best;
}

/** Whether every deciding section's place passes `test` (true at top level). */
export function everyFrame(standing: Standing, test: (place: PlaceName | null) => boolean): boolean {
  return !innermostFrame(standing, (p) => !test(p));
}

/** Whether the line stands inside <MDomainSet> or <MDomain> (through any sections). */
export function inPassThrough(standing: Standing): boolean {
  if (standing instanceof BodyStanding) return standing.link?.passThrough === true;
  return standing.frames.some((f) => PASS_THROUGH.has(f.section.nameLower));
}

/** The kind of place the innermost deciding section makes; `server` at top level; undefined when unknown. */
export function placeOf(standing: Standing): PlaceName | undefined {
  const top = standing.inner;
  return top ? (top.place ?? undefined) : 'server';
}

/**
 * Where `node` stands. Each section's body is worked out once, from its parent's (top-down, recursing at most
 * RECURSION_LIMIT levels), so a whole file costs time in proportion to its size however deep its sections nest.
 */
export function standingOf(node: Node, ast: ConfigAst): Standing {
  const parent = node.parent;
  if (!parent) return TOP;
  const bodies = bodiesOf(ast);
  // Rules walk the lines in order, so most asks are about the same body as the last one (siblings).
  if (parent === bodies.lastSection) return bodies.lastBody;
  const body = bodyIn(parent, ast, bodies.memo, 0);
  bodies.lastSection = parent;
  bodies.lastBody = body;
  return body;
}

/**
 * The bodies worked out for one syntax tree, and the last one asked for (bodies never change once worked out).
 * Kept with the tree, not in a module variable, so nothing holds a tree after its analysis.
 */
interface Bodies {
  /**
   * A Map, not a WeakMap: the record lives exactly as long as its tree (bodiesByTree), and strong entries cost
   * the collector less than a weak table of every section of a big file (ephemerons are re-marked until stable).
   */
  memo: Map<SectionNode, BodyStanding>;
  lastSection: SectionNode | null;
  lastBody: BodyStanding;
}

const bodiesByTree = runMemo<ConfigAst, Bodies>();

function bodiesOf(ast: ConfigAst): Bodies {
  let bodies = bodiesByTree.get(ast);
  if (!bodies) bodiesByTree.set(ast, (bodies = { memo: new Map(), lastSection: null, lastBody: TOP }));
  return bodies;
}

/** Nesting worked out by recursion; deeper, a list of the sections left (sections can nest deeper than the stack). */
const RECURSION_LIMIT = 32;

function bodyIn(section: SectionNode, ast: ConfigAst, memo: Map<SectionNode, BodyStanding>, depth: number): BodyStanding {
  const hit = memo.get(section);
  if (hit) return hit;
  if (depth >= RECURSION_LIMIT) return bodyByList(section, ast, memo);
  // Usually the enclosing body is known already (lines are asked about in order), or the one around it.
  const body = bodyWithin(section, section.parent ? bodyIn(section.parent, ast, memo, depth + 1) : TOP, ast, memo);
  memo.set(section, body);
  return body;
}

function bodyByList(section: SectionNode, ast: ConfigAst, memo: Map<SectionNode, BodyStanding>): BodyStanding {
  const pending: SectionNode[] = [];
  for (let p: SectionNode | null = section; p && !memo.has(p); p = p.parent) pending.push(p);
  for (let i = pending.length - 1; i >= 0; i--) {
    const s = pending[i];
    memo.set(s, bodyWithin(s, s.parent ? memo.get(s.parent)! : TOP, ast, memo));
  }
  return memo.get(section)!;
}

/** The standing of a line directly inside `s`, given the standing of `s` itself. */
function bodyWithin(s: SectionNode, outer: BodyStanding, ast: ConfigAst, memo: Map<SectionNode, BodyStanding>): BodyStanding {
  const info = sectionInfo(s.nameLower);
  if (info?.rawBody) return new BodyStanding('skipped', s, null);
  if (info?.transparent) {
    const reach = conditionReach(s, ast);
    if (reach === 'skipped') return new BodyStanding('skipped', s, null);
    if (outer.reach === 'skipped' || reach === 'active') return outer;
    // The innermost uncertain condition is the one named.
    return new BodyStanding('maybe', s, outer.link);
  }
  if (outer.reach === 'skipped') return outer;
  if (PASS_THROUGH.has(s.nameLower)) return new BodyStanding(outer.reach, outer.because, passThroughFrames(s, outer, memo));
  return new BodyStanding(outer.reach, outer.because, cons(PLACE_OF[s.nameLower] ?? null, s, outer.link));
}

/**
 * Inside a pass-through section the frames are rebuilt from the innermost outwards: each pass-through section lends
 * its name to the next deciding section out. Once every one has been lent, the rest is the enclosing body's list.
 */
function passThroughFrames(s: SectionNode, outer: BodyStanding, memo: Map<SectionNode, BodyStanding>): FrameLink | null {
  // Outside any deciding section (or only inside other pass-through ones): Apache names this one, with server rules.
  if (!outer.link || (outer.link.place === 'server' && !outer.link.next)) return cons('server', s, null);
  const frames: Frame[] = [];
  const lent: SectionNode[] = [s];
  let next = 0;
  let rest: FrameLink | null = null;
  for (let p = s.parent; p; p = p.parent) {
    if (sectionInfo(p.nameLower)?.transparent) continue;
    if (PASS_THROUGH.has(p.nameLower)) {
      lent.push(p);
      continue;
    }
    // A pass-through section inside this one is what Apache names, with this section's rules.
    frames.push({ place: PLACE_OF[p.nameLower] ?? null, section: lent[next++] });
    if (next === lent.length) {
      rest = (p.parent ? memo.get(p.parent)! : TOP).link;
      break;
    }
  }
  if (next < lent.length) frames.push({ place: 'server', section: lent[next] });
  let link = rest;
  for (let i = frames.length - 1; i >= 0; i--) link = cons(frames[i].place, frames[i].section, link);
  return link;
}

/** Whether Apache reads the body of a condition section (<IfModule>, <IfDefine> …) on its own. */
export function conditionReach(section: SectionNode, ast: ConfigAst): Reach {
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
      if (isDefinedAt(ast, section.start, name)) return flip('active');
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
  const first = firstLoads(ast);
  const before = (key: string) => (first.get(key) ?? Infinity) <= section.start;
  const lower = name.toLowerCase();
  if (before(`id:${lower}`) || before(`file:${lower}`) || (known && before(`id:${known.id.toLowerCase()}`))) return 'active';
  return known ? 'skipped' : 'maybe';
}

/**
 * Whether the text loads the module anywhere, or it is built in: what httpd's expressions see, since every
 * LoadModule runs while the configuration is read, before any <If> is parsed.
 */
export function loadedAnywhere(id: string, ast: ConfigAst): boolean {
  return debianModule(id)?.builtIn === true || firstLoads(ast).has(`id:${id.toLowerCase()}`);
}

/** Debian's and RHEL's MPMs are modules: a text that loads one is a whole server's list of modules. */
const MPM_IDS = ['id:mpm_event_module', 'id:mpm_worker_module', 'id:mpm_prefork_module'];

/**
 * Whether a whole server's text loads the module registering a directive: built in, or a LoadModule anywhere (httpd
 * runs every LoadModule while it reads the files, and looks directives up only afterwards, so `RewriteEngine On`
 * above `LoadModule rewrite_module` passes). Undefined when the text loads no MPM, so it is not a whole server's list
 * of modules (a site file, a fragment), or the module is not one Debian ships.
 */
export function moduleLoaded(ast: ConfigAst, moduleFiles: readonly string[]): boolean | undefined {
  const first = firstLoads(ast);
  if (!MPM_IDS.some((k) => first.has(k))) return undefined;
  for (const file of moduleFiles) {
    const known = debianModule(file);
    if (!known) return undefined;
    if (loadedAnywhere(known.id, ast) || first.has(`file:${known.file.toLowerCase()}`)) return true;
  }
  return false;
}

/** Where each module is first loaded: `id:wsgi_module` (identifier) and `file:mod_wsgi.c` (source file name). */
const firstLoadCache = runMemo<ConfigAst, Map<string, number>>();
function firstLoads(ast: ConfigAst): Map<string, number> {
  let first = firstLoadCache.get(ast);
  if (!first) {
    first = new Map();
    const found = first;
    forEachNode(ast.children, (n) => {
      if (n.kind !== 'directive' || n.nameLower !== 'loadmodule') return;
      const id = n.args[0]?.value.toLowerCase();
      const file = n.args[1]?.value.split('/').pop()?.replace(/\.so$/i, '.c').toLowerCase();
      for (const key of [id === undefined ? '' : `id:${id}`, file === undefined ? '' : `file:${file}`]) if (key && !found.has(key)) found.set(key, n.start);
    });
    firstLoadCache.set(ast, first);
  }
  return first;
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
