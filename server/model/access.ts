// Access control as the lesson rules need it: whether a host refuses every request (a deny-all catch-all), and
// whether some section grants access to a script.
import type { DirectiveNode, Node, SectionNode } from '../syntax/ast';
import type { ConfigModel, ScriptAlias } from './model';
import { appliesTo } from './scope';
import { sectionInfo } from '../catalog/sections';
import { namedDirectivesAmong, someVisible, visibleFrom } from './host-index';
import { runMemo } from '../rules/run-memo';
import { negatesProvider } from '../catalog/require-line';

/** Location patterns that match every URL. */
const EVERY_URL = new Set(['/', '.*', '^/', '^.*$', '^/.*', '^/.*$', '/.*']);

function isDenyAll(d: DirectiveNode): boolean {
  // Asked of every directive: the name first, then only the two words that count, lower-cased.
  return d.nameLower === 'require' && d.args[0]?.value.toLowerCase() === 'all' && d.args[1]?.value.toLowerCase() === 'denied';
}

function coversEveryUrl(section: SectionNode): boolean {
  const args = section.args.map((w) => w.value);
  const pattern = section.nameLower === 'locationmatch' || args[0] === '~' ? args[args.length - 1] : section.nameLower === 'location' ? args[0] : undefined;
  return pattern !== undefined && EVERY_URL.has(pattern);
}

/**
 * A host that answers nothing: `Require all denied` in a <Location /> (or a pattern matching every URL), a
 * RewriteRule with [F]/[G] or a 4xx redirect status, or `Redirect 403|404|410|gone /`.
 */
export function deniesEverything(vhost: SectionNode): boolean {
  const known = denies.get(vhost);
  if (known !== undefined) return known;
  // One walk, without recursion, answers for every host nested inside too, and reuses hosts already answered:
  // asking for each of many nested hosts stays linear.
  type Host = { node: SectionNode; denied: boolean };
  const stack: Array<{ list: readonly Node[]; i: number; host: Host; owns: boolean }> = [{ list: vhost.children, i: 0, host: { node: vhost, denied: false }, owns: true }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      if (!top.owns) continue;
      denies.set(top.host.node, top.host.denied);
      if (top.host.denied && stack.length) stack[stack.length - 1].host.denied = true;
      continue;
    }
    const n = top.list[top.i++];
    if (n.kind === 'directive' && deniesAll(n)) top.host.denied = true;
    if (n.kind !== 'section') continue;
    const nested = n.nameLower === 'virtualhost' ? denies.get(n) : undefined;
    if (nested !== undefined) top.host.denied ||= nested;
    else if (n.nameLower === 'virtualhost') stack.push({ list: n.children, i: 0, host: { node: n, denied: false }, owns: true });
    else stack.push({ list: n.children, i: 0, host: top.host, owns: false });
  }
  return denies.get(vhost)!;
}

const denies = new WeakMap<SectionNode, boolean>();

function deniesAll(d: DirectiveNode): boolean {
  if (isDenyAll(d) && d.parent && coversEveryUrl(d.parent)) return true;
  if (d.nameLower === 'rewriterule') {
    const flags = d.args[2]?.value.replace(/^\[|\]$/g, '').split(',').map((f) => f.trim().toUpperCase()) ?? [];
    if (flags.some((f) => f === 'F' || f === 'G' || f === 'FORBIDDEN' || f === 'GONE' || /^R=4\d\d$/.test(f))) return true;
  }
  return d.nameLower === 'redirect' && /^(403|404|410|gone)$/i.test(d.args[0]?.value ?? '') && d.args[1]?.value === '/';
}

/** Directives that let requests through: any Require except `all denied` and `not …`, and 2.2's `Allow from`. */
export function isGrant(d: DirectiveNode): boolean {
  // Asked of every directive: decided by the name before anything is lower-cased.
  if (d.nameLower === 'allow') return d.args[0]?.value.toLowerCase() === 'from' && d.args.length > 1;
  if (d.nameLower !== 'require') return false;
  const first = d.args[0]?.value;
  if (!first || negatesProvider(first)) return false;
  return !isDenyAll(d);
}

const GRANT_NAMES = ['allow', 'require'];

/** Grants inside sections, found once per model: rules ask for every script alias. */
const sectionGrants = runMemo<ConfigModel, DirectiveNode[]>();

function grantsOf(model: ConfigModel): DirectiveNode[] {
  let grants = sectionGrants.get(model);
  if (!grants) {
    // isGrant holds only for these names: their directives, in document order, without a scan of every directive.
    grants = namedDirectivesAmong(model, GRANT_NAMES).filter((d) => isGrant(d) && inScopeSection(d));
    sectionGrants.set(model, grants);
  }
  return grants;
}

/** `scopeSections(d).length > 0`, without building the list. */
function inScopeSection(d: DirectiveNode): boolean {
  for (let p = d.parent; p && p.nameLower !== 'virtualhost'; p = p.parent) if (!sectionInfo(p.nameLower)?.transparent) return true;
  return false;
}

/** Grants that may be in effect for the script's directory or file; empty when none is. */
export function grantsFor(model: ConfigModel, alias: ScriptAlias): DirectiveNode[] {
  // A section inside another virtual host never applies to this alias's requests.
  return visibleFrom(grantsOf(model), alias.vhost).filter((d) => appliesTo(d, alias) !== 'no');
}

/** `grantsFor(model, alias).length > 0`, stopping at the first grant and building no list. */
export function hasGrantFor(model: ConfigModel, alias: ScriptAlias): boolean {
  return someVisible(grantsOf(model), alias.vhost, mayApply, alias);
}

const mayApply = (d: DirectiveNode, alias: ScriptAlias) => appliesTo(d, alias) !== 'no';
