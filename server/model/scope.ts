// Which per-directory directives are in effect for the requests a WSGIScriptAlias serves: those at server or
// virtual-host level, and those in <Directory>/<Files>/<Location> sections that match the script. httpd merges
// them in a fixed order (server, <Directory> shortest path first, <Files>, <Location>, <If>), the last winning.
// https://httpd.apache.org/docs/2.4/sections.html#merging
import type { DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import { sectionInfo } from '../catalog/sections';
import type { ConfigModel, ScriptAlias } from './model';
import { enclosingVirtualHost } from './model';
import { namedDirectives, visibleFrom } from './host-index';
import { basenameOfNormal, dirnameOfNormal, directoryCovers, filesMatches, isDynamic, normalizePath, urlPrefixMatches } from './paths';

/** `maybe`: a section we cannot evaluate statically (regex, <If>, a <Location> narrower than the alias). */
export type Applies = 'yes' | 'maybe' | 'no';

/** The script's directory and file name, or undefined parts where the target is dynamic or missing. */
export function scriptLocation(alias: ScriptAlias): Readonly<{ dir?: string; file?: string }> {
  // Asked for every section around every candidate directive: computed once per alias, kept on it.
  return (alias.location ??= locate(alias.target?.value));
}

function locate(t: string | undefined): { dir?: string; file?: string } {
  if (!t || isDynamic(t) || !t.startsWith('/')) return {};
  if (t.endsWith('/')) return { dir: normalizePath(t) };
  // dirnameOf(t) and basenameOf(t), normalizing t once.
  const n = normalizePath(t);
  return { dir: dirnameOfNormal(n), file: basenameOfNormal(n) };
}

/** Sections between a node and its <VirtualHost> (or the top), innermost first; transparent ones skipped. */
export function scopeSections(node: Node): SectionNode[] {
  const out: SectionNode[] = [];
  for (let p = node.parent; p && p.nameLower !== 'virtualhost'; p = p.parent) {
    if (!sectionInfo(p.nameLower)?.transparent) out.push(p);
  }
  return out;
}

export function sectionApplies(section: SectionNode, alias: ScriptAlias): Applies {
  const arg = section.args[0]?.value ?? '';
  const regex = arg === '~' || section.args.length > 1;
  const where = scriptLocation(alias);
  switch (section.nameLower) {
    case 'directory':
      if (regex || isDynamic(arg) || !where.dir) return 'maybe';
      return directoryCovers(arg, where.dir) ? 'yes' : 'no';
    case 'files':
      if (regex || isDynamic(arg) || !where.file) return 'maybe';
      return filesMatches(arg, where.file) ? 'yes' : 'no';
    case 'location': {
      const url = alias.url?.value;
      if (regex || isDynamic(arg) || alias.match || !url) return 'maybe';
      if (urlPrefixMatches(arg, url)) return 'yes';
      return urlPrefixMatches(url, arg) ? 'maybe' : 'no';
    }
    case 'requireall':
    case 'requireany':
    case 'requirenone':
      return 'yes';
    default:
      return 'maybe';
  }
}

/** Whether a directive can be in effect for the alias's requests. */
export function appliesTo(node: Node, alias: ScriptAlias): Applies {
  const vhost = enclosingVirtualHost(node);
  if (vhost && vhost !== alias.vhost) return 'no';
  let result: Applies = 'yes';
  // scopeSections(node), walked in place: asked per grant and alias, so no list is built for it.
  for (let s = node.parent; s && s.nameLower !== 'virtualhost'; s = s.parent) {
    if (sectionInfo(s.nameLower)?.transparent) continue;
    const a = sectionApplies(s, alias);
    if (a === 'no') return 'no';
    if (a === 'maybe') result = 'maybe';
  }
  return result;
}

const PHASE: Record<string, number> = { directory: 2, directorymatch: 3, files: 4, filesmatch: 4, location: 5, locationmatch: 5 };

/** Merge order key: later keys override earlier ones. */
function mergeKey(node: Node): number[] {
  // The innermost of scopeSections(node) that is not a Require* section, found without building that list.
  let inner: SectionNode | null = null;
  for (let p = node.parent; p && p.nameLower !== 'virtualhost'; p = p.parent) {
    if (!sectionInfo(p.nameLower)?.transparent && !p.nameLower.startsWith('require')) {
      inner = p;
      break;
    }
  }
  const vhost = enclosingVirtualHost(node) ? 1 : 0;
  if (!inner) return [vhost, 0, 0, node.start];
  let phase = PHASE[inner.nameLower] ?? 6;
  const arg = inner.args[0]?.value ?? '';
  if (phase === 2 && (arg === '~' || inner.args.length > 1)) phase = 3;
  const depth = phase === 2 ? componentCount(normalizePath(arg)) : 0;
  return [2 + phase, depth, vhost, node.start];
}

/** `p.split('/').filter(Boolean).length` without the arrays: the number of runs of characters other than `/`. */
export function componentCount(p: string): number {
  let n = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) !== 47 && (i === 0 || p.charCodeAt(i - 1) === 47)) n++;
  return n;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export interface Effective {
  /** The value in effect, or null when nothing sets it (the directive's default applies). */
  value: string | null;
  /** The directive that sets it (the alias itself for an option on it). */
  from: DirectiveNode | null;
  word: Word | null;
  /** False when a section we cannot evaluate may set another value for some of the alias's requests. */
  certain: boolean;
}

/** `directive option` keys, made once per pair (callers pass a few constant pairs) instead of per lookup. */
const settingKeys = new Map<string, Map<string, string>>();

function settingKey(directiveLower: string, option: string): string {
  let byOption = settingKeys.get(directiveLower);
  if (!byOption) settingKeys.set(directiveLower, (byOption = new Map()));
  let key = byOption.get(option);
  if (key === undefined) byOption.set(option, (key = `${directiveLower} ${option}`));
  return key;
}

/**
 * The value of a per-directory setting for an alias: its own `option=` first, else the winning directive.
 * Worked out once per alias and setting (an alias belongs to one model); the result is shared, not to be changed.
 */
export function effectiveSetting(model: ConfigModel, alias: ScriptAlias, directiveLower: string, option: string): Readonly<Effective> {
  // Kept on the alias (several rules ask for the same alias's process and application group), in a plain object:
  // an alias holds one to three settings. Keys hold a blank, so none is an Object.prototype name.
  const known = (alias.settings ??= {});
  const key = settingKey(directiveLower, option);
  let result = known[key];
  if (!result) known[key] = result = resolveSetting(model, alias, directiveLower, option);
  return result;
}

/** A candidate that may apply, kept only while looking for a later one (rare: regex sections, <If>, …). */
interface Maybe {
  key: number[];
  at: number;
}

/**
 * Among the directives that may apply (in list order), httpd's merge keeps the last one in merge-key order. The
 * value is that of the last candidate that surely applies; it is certain unless a candidate that only may apply
 * comes after it. Found in one pass instead of sorting the candidates: a candidate comes later when its key is
 * greater, or equal and later in the list (the order a stable sort keeps).
 */
function resolveSetting(model: ConfigModel, alias: ScriptAlias, directiveLower: string, option: string): Effective {
  const own = alias.options.get(option);
  if (own) return { value: own.optionValue, from: alias.node, word: own, certain: true };
  let chosen: DirectiveNode | null = null;
  let chosenKey: number[] | null = null;
  let chosenAt = -1;
  let maybes: Maybe[] | null = null;
  let at = 0;
  // A directive inside another virtual host never applies to an alias of this one.
  for (const d of visibleFrom(namedDirectives(model, directiveLower), alias.vhost)) {
    if (!d.args[0]) continue;
    const applies = appliesTo(d, alias);
    if (applies === 'no') continue;
    const key = mergeKey(d);
    if (applies === 'maybe') (maybes ??= []).push({ key, at });
    else if (chosenKey === null || compareKeys(key, chosenKey) >= 0) {
      chosen = d;
      chosenKey = key;
      chosenAt = at;
    }
    at++;
  }
  let certain = true;
  if (maybes) {
    for (const m of maybes) {
      const order = chosenKey === null ? 1 : compareKeys(m.key, chosenKey);
      if (order > 0 || (order === 0 && m.at > chosenAt)) certain = false;
    }
  }
  if (!chosen) return { value: null, from: null, word: null, certain };
  return { value: chosen.args[0].value, from: chosen, word: chosen.args[0], certain };
}
