// Listen's address as apr_parse_addr_port and the MPM's listener setup read it: a port, or address:port (an IPv6
// address in brackets). A port must be 1-65535; an address without one fails "Port must be specified". Whether a
// host name resolves depends on the machine (Apache: "Listen setup failed"): only the port is judged then. The
// protocol after the address may be any word. https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen
import type { ArgChecker, ArgProblem } from './types';
import { argvWords } from './words';

export const checkListen: ArgChecker = (input) => {
  const words = argvWords(input.words);
  if (words.length === 0) return undefined;
  const reading = readAddress(words[0]);
  if (reading === undefined) return undefined;
  const w = input.node.args[0];
  const problem = (message: string, apache: string): ArgProblem => ({ start: w.start, end: w.end, message: `${message} Apache: "${apache}".` });
  if (reading === 'invalid') return problem(`'${words[0]}' is not an address and port Apache can read (80, 127.0.0.1:8080, [::1]:8080, *:443).`, 'Invalid address or port');
  if (reading === 'no-port') return problem(`Listen needs a port: '${words[0]}' has none (write ${words[0].startsWith('[') || /^[\d.]+$/.test(words[0]) || words[0] === '*' ? `${words[0]}:80` : '80, or address:port'}).`, 'Port must be specified');
  return undefined;
};

/** How Apache reads a Listen address: fine (undefined), no port, or invalid; undefined too where it depends on DNS. */
function readAddress(word: string): 'no-port' | 'invalid' | undefined {
  if (word === '') return 'invalid';
  if (/^\d+$/.test(word)) return validPort(word) ? undefined : 'invalid';
  let host: string;
  let port: string | undefined;
  if (word.startsWith('[')) {
    const close = word.indexOf(']');
    if (close < 0) return 'invalid';
    host = word.slice(1, close);
    // APR takes only an IPv6 address between brackets ([*], [1.2.3.4], [localhost] are refused), a scope id allowed.
    const percent = host.indexOf('%');
    if (!isIPv6(percent < 0 ? host : host.slice(0, percent))) return 'invalid';
    const rest = word.slice(close + 1);
    if (rest === '') return 'no-port';
    if (rest[0] !== ':' || !/^\d+$/.test(rest.slice(1))) return 'invalid';
    port = rest.slice(1);
  } else {
    const colon = word.lastIndexOf(':');
    // An IPv6 address without brackets is read some other way (and resolved): not judged.
    if (colon !== word.indexOf(':')) return undefined;
    if (colon < 0) return 'no-port';
    host = word.slice(0, colon);
    port = word.slice(colon + 1);
    if (host === '') return 'invalid';
    // Not digits after the colon: the whole word is taken as a host name with no port.
    if (!/^\d+$/.test(port)) return 'no-port';
  }
  if (host === '') return 'invalid';
  return validPort(port) ? undefined : 'invalid';
}

function validPort(digits: string): boolean {
  const n = digits.length > 6 ? Infinity : Number(digits);
  return n >= 1 && n <= 65535;
}

/**
 * The listener a Listen address names, as httpd's listener list tells two apart: the port as a number, and the
 * address text as apr_parse_addr_port leaves it (brackets of an IPv6 address dropped, `*` and a bare port meaning
 * no address at all). Names are compared as written, never resolved: `80` and `0.0.0.0:80`, `[::1]` and `[0::1]`,
 * `localhost` and `LOCALHOST` are different listeners to configtest. Undefined where Apache refuses the address
 * (another rule's matter) or reads it in a way not modelled here (an IPv6 address without brackets, a scope id).
 */
export function listenerOf(word: string): { host: string | null; port: number } | undefined {
  if (readAddress(word) !== undefined) return undefined;
  if (/^\d+$/.test(word)) return { host: null, port: Number(word) };
  let host: string;
  let port: string;
  if (word.startsWith('[')) {
    const close = word.indexOf(']');
    host = word.slice(1, close);
    port = word.slice(close + 2);
    // APR takes only an IPv6 address between brackets.
    if (!host.includes(':') || host.includes('%') || !isIPv6(host)) return undefined;
  } else {
    const colon = word.indexOf(':');
    if (colon < 0 || colon !== word.lastIndexOf(':')) return undefined;
    host = word.slice(0, colon);
    port = word.slice(colon + 1);
    if (!/^\d+$/.test(port) || host.includes('[') || host.includes(']')) return undefined;
  }
  return { host: host === '*' ? null : host, port: Number(port) };
}

function isIPv6(text: string): boolean {
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}
