// Alias order under one host: mod_alias and mod_wsgi each try their aliases in configuration order and the
// first whose URL is a path-segment prefix of the request wins, so `/` listed before `/api` takes /api's
// requests. mod_alias runs before mod_wsgi, so an Alias/ScriptAlias prefix swallows a WSGIScriptAlias whatever
// the order. Aliases Apache may not read (inside <IfModule>, <IfDefine> … that may be skipped) are compared only
// with aliases of the same section: a config's fallback for a missing module is not an alias listed too late.
// https://httpd.apache.org/docs/2.4/mod/mod_alias.html#order
import type { DirectiveNode, SectionNode } from '../syntax/ast';
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { enclosingVirtualHost, contextSection } from '../model/model';
import { isDynamic, urlPrefixMatches } from '../model/paths';
import { namedDirectivesAmong } from '../model/host-index';
import { deleteLines, insertAbove } from '../model/edits';
import { standingOf, type Reach } from '../catalog/placement';

const ALIASES = ['alias', 'scriptalias', 'wsgiscriptalias'];

export const wsgiScriptAliasOrder: Rule = {
  id: 'wsgi-script-alias-order',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'An alias listed after one whose URL is a prefix of its own never receives its requests.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  inputs: ALIASES,
  check(ctx) {
    // The aliases of each host (their directives: the URL is args[0]), in configuration order.
    const byHost = new Map<SectionNode | null, DirectiveNode[]>();
    // Whether Apache reads an alias (a condition around it may be skipped): asked only of the two aliases of a match,
    // most aliases have none.
    const reaches = new Map<DirectiveNode, Reach>();
    const reachOf = (d: DirectiveNode): Reach => {
      let r = reaches.get(d);
      if (r === undefined) reaches.set(d, (r = standingOf(d, ctx.ast).reach));
      return r;
    };
    // The aliases in document order, without a scan of every directive. Indexed: the allocation profile showed an
    // iterator result per directive here.
    const directives = namedDirectivesAmong(ctx.model, ALIASES);
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i];
      const url = d.args[0];
      // The one-argument Alias inside <Location> maps that location, not a URL prefix.
      if (!url || d.args.length < 2 || isDynamic(url.value)) continue;
      const scope = contextSection(d);
      if (scope && scope.nameLower !== 'virtualhost') continue;
      const host = enclosingVirtualHost(d);
      const list = byHost.get(host);
      if (list) list.push(d);
      else byHost.set(host, [d]);
    }
    for (const entries of byHost.values()) {
      for (let j = 0; j < entries.length; j++) {
        const later = entries[j];
        const swallower = swallowerOf(entries, j, reachOf);
        if (!swallower) continue;
        const laterUrl = later.args[0].value;
        const swallowerUrl = swallower.args[0].value;
        const same = isWsgi(swallower) === isWsgi(later);
        const fixes: Fix[] =
          same && swallowerUrl !== laterUrl
            ? [{ title: `Move '${later.name} ${laterUrl}' above '${swallower.name} ${swallowerUrl}'`, edits: [insertAbove(ctx.text, swallower.start, [ctx.text.slice(later.start, later.end)]), deleteLines(ctx.text, later.start, later.end)] }]
            : [];
        const why = same
          ? `comes first and its URL is a prefix of '${laterUrl}', and the first matching alias wins`
          : `belongs to mod_alias, which maps URLs before mod_wsgi whatever the order`;
        ctx.report({
          start: later.args[0].start,
          end: later.args[0].end,
          message:
            `Requests for '${laterUrl}' never reach this ${later.name}: '${swallower.name} ${swallowerUrl}' ${why}.` +
            (fixes.length ? ` List the more specific URL first.` : swallowerUrl === laterUrl && same ? ' Remove one of the two.' : ` Use a URL outside '${swallowerUrl}'.`),
          fixes,
        });
      }
    }
  },
};

const isWsgi = (d: DirectiveNode) => d.nameLower === 'wsgiscriptalias';

/**
 * The alias that takes the requests of `entries[j]`: the first whose URL is a prefix of its own, among the aliases
 * listed before it by the same module, or any mod_alias one when it is a WSGIScriptAlias. Aliases Apache skips take
 * no part; one it may skip is compared only with the aliases of its own section.
 */
function swallowerOf(entries: readonly DirectiveNode[], j: number, reachOf: (d: DirectiveNode) => Reach): DirectiveNode | undefined {
  const later = entries[j];
  const url = later.args[0].value;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e === later || !urlPrefixMatches(e.args[0].value, url) || !(isWsgi(e) === isWsgi(later) ? i < j : !isWsgi(e))) continue;
    const laterReach = reachOf(later);
    if (laterReach === 'skipped') return undefined;
    const reach = reachOf(e);
    if (reach === 'skipped') continue;
    // Both are read, or neither is (one section): only then does one surely take the other's requests.
    if ((laterReach === 'maybe' || reach === 'maybe') && e.parent !== later.parent) continue;
    return e;
  }
  return undefined;
}
