// Virtual hosts as Apache matches them: by address and port first, then by ServerName/ServerAlias, the first
// host listed for an address being the one that answers names nobody lists.
// https://httpd.apache.org/docs/2.4/vhosts/details.html
import type { SectionNode, Word } from '../syntax/ast';
import type { ConfigModel, VirtualHost } from './model';
import { directivesNamed, enclosingVirtualHost } from './model';
import { vhostEntry } from './host-index';

export interface HostAddress {
  /** Lower-cased host part; `_default_` is the same as `*` in httpd 2.4. */
  host: string;
  /** Port, or `*` when the address names none (such a host is grouped apart from port-specific ones). */
  port: string;
  word: Word;
}

export function parseAddress(word: Word): HostAddress {
  const v = word.value.trim().toLowerCase();
  let host = v;
  let port = '*';
  const close = v.startsWith('[') ? v.indexOf(']') : -1;
  const colon = close >= 0 ? v.indexOf(':', close) : v.lastIndexOf(':');
  if (colon >= 0) {
    host = v.slice(0, colon);
    port = v.slice(colon + 1) || '*';
  }
  if (host === '_default_') host = '*';
  return { host, port, word };
}

export function addressKey(a: HostAddress): string {
  return `${a.host}:${a.port}`;
}

/** `https://www.example.com:443` -> `www.example.com`: the host part as written (mod_wsgi compares it as is). */
export function hostPartOf(value: string): string {
  let v = value.trim();
  const scheme = v.indexOf('://');
  if (scheme >= 0) v = v.slice(scheme + 3);
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1 || v.length);
  const colon = v.indexOf(':');
  return colon >= 0 ? v.slice(0, colon) : v;
}

/** The host part lower-cased: what name-based virtual host matching compares (case-insensitively). */
export function hostNameOf(value: string): string {
  return hostPartOf(value).toLowerCase();
}

/** ServerName of the main server (outside every <VirtualHost>), which hosts without their own inherit. */
export function mainServerName(model: ConfigModel): string | null {
  let name: string | null = null;
  for (const d of directivesNamed(model, 'servername')) {
    if (d.args[0] && !enclosingVirtualHost(d)) name = hostPartOf(d.args[0].value);
  }
  return name;
}

export function virtualHostOf(model: ConfigModel, section: SectionNode | null): VirtualHost | undefined {
  return section ? vhostEntry(model, section) : undefined;
}

/** The server name (as written) a scope runs under: its <VirtualHost>'s ServerName, else the main server's (null if none). */
export function effectiveServerName(model: ConfigModel, vhost: SectionNode | null): string | null {
  const own = virtualHostOf(model, vhost)?.serverName?.args[0];
  return own ? hostPartOf(own.value) : mainServerName(model);
}

/**
 * Virtual hosts grouped by address:port, each list in configuration order (the first is the fallback). Grouped
 * once per model (two rules ask): the answer is shared, read it, never change it.
 */
export function hostsByAddress(model: ConfigModel): ReadonlyMap<string, readonly VirtualHost[]> {
  let groups = byAddress.get(model);
  if (!groups) byAddress.set(model, (groups = groupByAddress(model)));
  return groups;
}

const byAddress = new WeakMap<ConfigModel, Map<string, VirtualHost[]>>();

function groupByAddress(model: ConfigModel): Map<string, VirtualHost[]> {
  const groups = new Map<string, VirtualHost[]>();
  const add = (key: string, v: VirtualHost) => {
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  };
  for (const v of model.vhosts) {
    // One address (the usual host) has no repeats to remove: no list or Set for it.
    if (v.addresses.length === 1) add(addressKey(parseAddress(v.addresses[0])), v);
    else for (const key of new Set(v.addresses.map((w) => addressKey(parseAddress(w))))) add(key, v);
  }
  return groups;
}

/** How messages name a host: its ServerName and addresses (no line numbers: in a server tree they would be wrong). */
export function hostLabel(v: VirtualHost | undefined): string {
  if (!v) return 'the main server (outside any <VirtualHost>)';
  const name = v.serverName?.args[0]?.value;
  const tag = `<VirtualHost ${v.addresses.map((w) => w.value).join(' ')}>`;
  return name ? `'${name}' (${tag})` : `${tag} without ServerName`;
}
