// Alias order under one host: mod_alias and mod_wsgi each try their aliases in configuration order and the
// first whose URL is a path-segment prefix of the request wins, so `/` listed before `/api` takes /api's
// requests. mod_alias runs before mod_wsgi, so an Alias/ScriptAlias prefix swallows a WSGIScriptAlias whatever
// the order. https://httpd.apache.org/docs/2.4/mod/mod_alias.html#order
import type { DirectiveNode, SectionNode, Word } from '../syntax/ast';
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { enclosingVirtualHost, contextSection } from '../model/model';
import { isDynamic, urlPrefixMatches } from '../model/paths';
import { deleteLines, insertAbove } from '../model/edits';

interface Entry {
  node: DirectiveNode;
  url: Word;
  wsgi: boolean;
}

const ALIASES = new Set(['alias', 'scriptalias', 'wsgiscriptalias']);

export const wsgiScriptAliasOrder: Rule = {
  id: 'wsgi-script-alias-order',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'An alias listed after one whose URL is a prefix of its own never receives its requests.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  check(ctx) {
    const byHost = new Map<SectionNode | null, Entry[]>();
    for (const d of ctx.model.directives) {
      const url = d.args[0];
      // The one-argument Alias inside <Location> maps that location, not a URL prefix.
      if (!ALIASES.has(d.nameLower) || !url || d.args.length < 2 || isDynamic(url.value)) continue;
      const scope = contextSection(d);
      if (scope && scope.nameLower !== 'virtualhost') continue;
      const host = enclosingVirtualHost(d);
      const entry = { node: d, url, wsgi: d.nameLower === 'wsgiscriptalias' };
      const list = byHost.get(host);
      if (list) list.push(entry);
      else byHost.set(host, [entry]);
    }
    for (const entries of byHost.values()) {
      entries.forEach((later, j) => {
        const swallower = entries.find((e, i) => e !== later && urlPrefixMatches(e.url.value, later.url.value) && (e.wsgi === later.wsgi ? i < j : !e.wsgi));
        if (!swallower) return;
        const same = swallower.wsgi === later.wsgi;
        const fixes: Fix[] =
          same && swallower.url.value !== later.url.value
            ? [{ title: `Move '${later.node.name} ${later.url.value}' above '${swallower.node.name} ${swallower.url.value}'`, edits: [insertAbove(ctx.text, swallower.node.start, [ctx.text.slice(later.node.start, later.node.end)]), deleteLines(ctx.text, later.node.start, later.node.end)] }]
            : [];
        const why = same
          ? `comes first and its URL is a prefix of '${later.url.value}', and the first matching alias wins`
          : `belongs to mod_alias, which maps URLs before mod_wsgi whatever the order`;
        ctx.report({
          start: later.url.start,
          end: later.url.end,
          message:
            `Requests for '${later.url.value}' never reach this ${later.node.name}: '${swallower.node.name} ${swallower.url.value}' ${why}.` +
            (fixes.length ? ` List the more specific URL first.` : swallower.url.value === later.url.value && same ? ' Remove one of the two.' : ` Use a URL outside '${swallower.url.value}'.`),
          fixes,
        });
      });
    }
  },
};
