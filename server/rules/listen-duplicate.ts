// Two Listen lines for one listener: httpd keeps a list of the listeners the configuration asks for, and a Listen
// whose port and address text match an entry already on it stops the server while it reads the configuration
// ("Cannot define multiple Listeners on the same IP:port"), on the later line. The protocol word plays no part.
// Addresses are compared as written (listenerOf): `Listen 80` and `Listen 0.0.0.0:80` pass configtest.
//
// Only Listens Apache surely reads are compared: one in a body Apache may skip (<IfDefine X> with X defined
// nowhere, <IfModule> of a module we do not know) is left alone, since such pairs are usually alternatives (Debian's
// ports.conf opens port 443 for mod_ssl and again for mod_gnutls, which are never loaded together).
// https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen
import type { DirectiveNode, SectionNode } from '../syntax/ast';
import type { Fix, Rule } from './types';
import { APACHE_DOCS } from './types';
import { directivesNamed } from '../model/model';
import { isHtaccess, standingOf } from '../catalog/placement';
import { argvWords, effectiveWords } from './arguments/words';
import { listenerOf } from './arguments/listen';
import { deleteLines } from '../model/edits';

interface Earlier {
  node: DirectiveNode;
  protocol: string;
}

export const listenDuplicate: Rule = {
  id: 'listen-duplicate',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A second Listen for an address and port an earlier Listen already opens: Apache refuses to start.',
  docUrl: `${APACHE_DOCS}mpm_common.html#listen`,
  inputs: ['listen'],
  check(ctx) {
    if (isHtaccess(ctx.uri)) return;
    const listens = directivesNamed(ctx.model, 'listen');
    if (listens.length < 2) return;
    const first = new Map<string, Earlier>();
    for (let i = 0; i < listens.length; i++) {
      const node = listens[i];
      const standing = standingOf(node, ctx.ast);
      // Inside <VirtualHost> and the like Apache refuses Listen itself (directive-context says so).
      if (standing.reach !== 'active' || standing.inner !== undefined) continue;
      const all = effectiveWords(node, ctx.ast);
      if (!all) continue;
      const words = argvWords(all);
      // Another count is argument-count's error, and Apache stops there before it looks at the listeners.
      if (words.length < 1 || words.length > 2) continue;
      const listener = listenerOf(words[0]);
      if (!listener) continue;
      const key = `${listener.host ?? '*'}\u0000${listener.port}`;
      // What httpd would record as the protocol: the second word in lower case, else https for port 443.
      const protocol = words.length === 2 ? words[1].toLowerCase() : listener.port === 443 ? 'https' : 'http';
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { node, protocol });
        continue;
      }
      const address = listener.host === null ? `port ${listener.port} on every address` : `${listener.host.includes(':') ? `[${listener.host}]` : listener.host}:${listener.port}`;
      const arg = node.args[0];
      ctx.report({
        start: arg.start,
        end: arg.end,
        message:
          `Listen ${words[0]} asks again for ${address}, which the earlier 'Listen ${earlier.node.args.map((w) => w.raw).join(' ')}'` +
          `${where(earlier.node)} already opens: Apache refuses to start ("Cannot define multiple Listeners on the same IP:port"). ` +
          (protocol === earlier.protocol ? 'Keep one of the two lines.' : `Keep one of the two lines: the earlier speaks ${earlier.protocol}, this one ${protocol}.`),
        fixes: removeFix(ctx.text, node, earlier, protocol),
      });
    }
  },
};

/** The condition sections around the earlier Listen, so it can be found (Debian's is in <IfModule ssl_module>). */
function where(node: DirectiveNode): string {
  const tags: string[] = [];
  for (let p: SectionNode | null = node.parent; p; p = p.parent) tags.push(`<${p.name}${p.args.length ? ' ' + p.args.map((w) => w.raw).join(' ') : ''}>`);
  return tags.length ? ` (inside ${tags.join(' inside ')})` : '';
}

/**
 * Deleting the later line leaves the listener the earlier one sets up. Offered only when both give it the same
 * protocol: otherwise the removal would change what the port speaks, and which one was meant is the author's call
 * (a lone fix is one --fix applies).
 */
function removeFix(text: string, node: DirectiveNode, earlier: Earlier, protocol: string): Fix[] {
  if (protocol !== earlier.protocol) return [];
  return [{ title: 'Remove this repeated Listen', preferred: true, edits: [deleteLines(text, node.start, node.end)] }];
}
