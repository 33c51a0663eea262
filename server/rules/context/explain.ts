// Words for directive-context: where a directive is allowed, and the checks that are not a plain place lookup.
import type { Node, SectionNode } from '../../syntax/ast';
import type { DirectiveInfo, PlaceName } from '../../catalog/types';
import { PLACE_NAMES } from '../../catalog/types';
import type { ContextRule } from '../../catalog/data/context-rules';
import { sectionInfo } from '../../catalog/sections';
import { walk } from '../../syntax/parser';
import { inPassThrough, inPerDirectorySection, type Standing } from '../../catalog/placement';

const SECTION_WORDS: Record<Exclude<PlaceName, 'server'>, string> = {
  virtualhost: '<VirtualHost>',
  directory: '<Directory>',
  location: '<Location>',
  files: '<Files>',
  if: '<If>',
  proxy: '<Proxy>',
  limit: '<Limit>',
  authz: '<RequireAll>/<RequireAny>/<RequireNone>',
};

/** "it may only appear at server level or inside <VirtualHost>" from the measured places (plus .htaccess). */
export function allowedText(info: DirectiveInfo): string {
  const parts: string[] = [];
  if (info.places.server === 'allowed') parts.push('at server level');
  const inside = PLACE_NAMES.filter((p): p is Exclude<PlaceName, 'server'> => p !== 'server' && info.places[p] === 'allowed').map((p) => SECTION_WORDS[p]);
  if (inside.length) parts.push(`inside ${join(inside)}`);
  if (info.contexts.includes('htaccess')) parts.push(`in .htaccess${info.override ? ` (with AllowOverride ${info.override})` : ''}`);
  return parts.length ? `it may only appear ${join(parts)}` : 'Apache accepts it nowhere';
}

function join(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

export function htaccessProblem(info: DirectiveInfo): string | undefined {
  if (info.contexts.includes('htaccess')) return undefined;
  const name = info.section ? `<${info.name}>` : info.name;
  return `${name} is not allowed in .htaccess files: ${allowedText(info)}. Apache answers every request under this directory with 500 Internal Server Error ("${name} not allowed here").`;
}

/** Apache's cmd->path: a per-directory section (made once, not per line). */

/** Directives that check where they stand themselves, with their own wording. */
export function ruleProblem(info: DirectiveInfo, rule: ContextRule, standing: Standing): string | undefined {
  const ok =
    rule.requires === 'virtualhost'
      ? standing.inner?.place === 'virtualhost'
      : rule.requires === 'per-directory'
        ? inPerDirectorySection(standing)
        : inPassThrough(standing);
  if (ok) return undefined;
  const need = { virtualhost: 'directly inside a <VirtualHost>', 'per-directory': 'inside <Directory>, <Location>, <Files>, <If> or .htaccess', mdomainset: 'inside <MDomainSet> (or <MDomain>)' }[rule.requires];
  return `${info.name} only works ${need} (Apache: "${rule.apache}").`;
}

/**
 * Apache keeps the <If>/<ElseIf>/<Else> chain per scope (the enclosing non-transparent section): an <Else> or
 * <ElseIf> needs the previous conditional section of that scope to be an <If> or <ElseIf>.
 */
export function elseWithoutIf(section: SectionNode, topLevel: readonly Node[]): boolean {
  let chains = chainCache.get(topLevel);
  if (!chains) chainCache.set(topLevel, (chains = previousConditionals(topLevel)));
  const last = chains.get(section);
  return last !== 'if' && last !== 'elseif';
}

const chainCache = new WeakMap<readonly Node[], Map<SectionNode, string | null>>();

/** For each conditional section, the one before it in its scope: one pass in document order (walk is iterative). */
function previousConditionals(topLevel: readonly Node[]): Map<SectionNode, string | null> {
  const before = new Map<SectionNode, string | null>();
  const last = new Map<SectionNode | null, string>();
  // The scope of a section's body: transparent sections share the scope around them; any other starts its own.
  const bodyScope = new Map<SectionNode, SectionNode | null>();
  for (const n of walk(topLevel)) {
    if (n.kind !== 'section') continue;
    const scope = n.parent ? (bodyScope.get(n.parent) ?? null) : null;
    if (n.nameLower === 'if' || n.nameLower === 'elseif' || n.nameLower === 'else') {
      before.set(n, last.get(scope) ?? null);
      last.set(scope, n.nameLower);
    }
    bodyScope.set(n, sectionInfo(n.nameLower)?.transparent ? scope : n);
  }
  return before;
}
