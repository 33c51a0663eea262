// A <VirtualHost> without ServerName takes the main server's name (or the machine's host name): name-based
// matching may hand it requests meant for another host, and self-referencing URLs and mod_wsgi's %{SERVER}
// application group use that borrowed name.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { deniesEverything } from '../model/access';
import { insertAbove } from '../model/edits';

export const vhostMissingServername: Rule = {
  id: 'vhost-missing-servername',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A <VirtualHost> without a ServerName.',
  docUrl: `${APACHE_DOCS}core.html#servername`,
  check(ctx) {
    for (const v of ctx.model.vhosts) {
      // A catch-all that refuses everything needs no name of its own.
      if (v.serverName || deniesEverything(v.node)) continue;
      const alias = v.names.find((w) => !/[*?]/.test(w.value));
      const first = v.node.children.find((c) => c.kind !== 'comment') ?? v.node.children[0];
      ctx.report({
        start: v.node.open.start,
        end: v.node.open.end,
        message:
          `This <VirtualHost ${v.addresses.map((w) => w.value).join(' ')}> has no ServerName, so it borrows the main server's name ` +
          `(or the machine's host name): requests meant for another host may land here and the URLs it builds use the wrong name. ` +
          `Add a ServerName${alias ? ` (for example '${alias.value}', its first ServerAlias)` : ''}.`,
        fixes:
          alias && first
            ? [{ title: `Insert 'ServerName ${alias.value}'`, edits: [insertAbove(ctx.text, first.start, [`ServerName ${alias.raw}`])] }]
            : [],
      });
    }
  },
};
