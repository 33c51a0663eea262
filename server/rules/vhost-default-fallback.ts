// Among name-based virtual hosts on one address and port, the first one listed also answers every host name
// nobody lists (the bare IP address, stale DNS names, scanners). When that first host is a real site, it
// silently serves them. https://httpd.apache.org/docs/2.4/vhosts/name-based.html#defaultvhost
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { hostLabel, hostsByAddress } from '../model/hosts';
import { deniesEverything } from '../model/access';
import { insertAbove } from '../model/edits';

/** The catch-all's address: `_default_` stands for `*` in httpd 2.4 and must keep the group's port to join it. */
function catchAllAddress(key: string): string {
  const colon = key.lastIndexOf(':');
  const host = key.slice(0, colon);
  const port = key.slice(colon + 1);
  return host === '*' ? `_default_:${port}` : port === '*' ? host : key;
}

export const vhostDefaultFallback: Rule = {
  id: 'vhost-default-fallback',
  defaultSeverity: 'information',
  fixable: true,
  description: 'Name-based virtual hosts whose first (fallback) host is a real site instead of a deny-all catch-all.',
  docUrl: `${APACHE_DOCS}core.html#virtualhost`,
  check(ctx) {
    const reported = new Set<object>();
    for (const [key, hosts] of hostsByAddress(ctx.model)) {
      const first = hosts[0];
      if (hosts.length < 2 || reported.has(first) || !first.serverName || deniesEverything(first.node)) continue;
      reported.add(first);
      const address = catchAllAddress(key);
      ctx.report({
        start: first.node.open.start,
        end: first.node.open.end,
        message:
          `${hostLabel(first)} is the first of ${hosts.length} virtual hosts on ${key}, so it also answers every host name ` +
          `none of them lists (the bare IP address, old DNS names, scanners). Put a catch-all <VirtualHost ${address}> that refuses everything first.`,
        fixes: [
          {
            title: `Insert a deny-all <VirtualHost ${address}> first`,
            edits: [
              insertAbove(ctx.text, first.node.start, [
                `<VirtualHost ${address}>`,
                `    ServerName default.invalid`,
                `    <Location />`,
                `        Require all denied`,
                `    </Location>`,
                `</VirtualHost>`,
                '',
              ]),
            ],
          },
        ],
      });
    }
  },
};
