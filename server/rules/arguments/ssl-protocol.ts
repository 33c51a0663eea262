// SSLProtocol and SSLProxyProtocol as mod_ssl reads them: words (any letter case) that are all, TLSv1, TLSv1.1,
// TLSv1.2 or TLSv1.3, each with an optional + or -. SSLv2 and SSLv3 may only be switched off (-SSLv3): Debian's
// OpenSSL has no SSLv3, and mod_ssl dropped SSLv2. https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslprotocol
import type { ArgChecker, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';

const PROTOCOLS = ['all', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export const checkSslProtocol: ArgChecker = (input) => {
  const { words, node, info } = input;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const action = word[0] === '+' || word[0] === '-' ? word[0] : '';
    const name = word.slice(action.length);
    const lower = name.toLowerCase();
    const at = node.args[i];
    const problem = (message: string, apache: string, fixes?: ArgProblem['fixes']): ArgProblem => ({ start: at.start, end: at.end, message: `${message} Apache: "${apache}".`, fixes });
    if (lower === 'sslv2' || lower === 'sslv3') {
      if (action === '-') continue;
      const off = [replaceWord(input, i, `-${name}`, true)];
      return lower === 'sslv2'
        ? problem(`SSLv2 is gone from mod_ssl: it can only be listed switched off (-SSLv2), or left out.`, 'SSLProtocol: SSLv2 is no longer supported', off)
        : problem(`Debian's OpenSSL has no SSLv3: it can only be listed switched off (-SSLv3), or left out.`, 'SSLv3 not supported by this version of OpenSSL', off);
    }
    if (PROTOCOLS.some((p) => p.toLowerCase() === lower)) continue;
    const version = tlsVersion(lower);
    const names = version ? [version] : closestNames(name, PROTOCOLS, 3);
    const fixes = names.map((p, k) => replaceWord(input, i, action + p, k === 0 && version !== undefined));
    return problem(`'${name}' is not a protocol mod_ssl knows (use ${PROTOCOLS.join(', ')}, each with an optional + or -).`, `${info.name}: Illegal protocol '${name}'`, fixes);
  }
  return undefined;
};

/** The TLS version a word such as TLSv12, tls1.2 or TLSv1.0 means, as mod_ssl names it. */
function tlsVersion(lower: string): string | undefined {
  const m = /^tlsv?1\.?([0-3])$/.exec(lower);
  return m ? (m[1] === '0' ? 'TLSv1' : `TLSv1.${m[1]}`) : undefined;
}
