// Redirect and RedirectMatch as mod_alias reads them (add_redirect_internal): an optional status (permanent, temp, seeother, gone or a
// number), the URL path, and the target, which a 3xx status needs and any other status refuses; the target must be
// an absolute URL or start with '/'. In a per-directory section or .htaccess two of its forms are read as an
// expression instead (the status and target, or the target alone): those are not judged here.
// https://httpd.apache.org/docs/2.4/mod/mod_alias.html#redirect
import type { ArgChecker, ArgProblem } from './types';
import { inPerDirectorySection } from '../../catalog/placement';
import { pcreCompileError } from '../../catalog/wsgi-regex';
import { confWord } from './patterns';

const STATUS_WORDS: Readonly<Record<string, number>> = { permanent: 301, temp: 302, seeother: 303, gone: 410 };

export const checkRedirect: ArgChecker = (input) => {
  const { words, node, standing, info } = input;
  // RedirectMatch: the path is a pattern (compiled at once), and its target need not look like a URL.
  const regex = info.name.toLowerCase() === 'redirectmatch';
  if (words.length === 0 || words.length > 3 || words.includes('')) return undefined;
  const first = words[0];
  const named = STATUS_WORDS[first.toLowerCase()];
  const status = named ?? (/^\d/.test(first) ? atoi(first) : 302);
  // 1: a redirect status read; -1: a status that is not a redirect; 0: no status (the first word is the path).
  const grok = named === undefined && !/^\d/.test(first) ? 0 : isRedirect(status) ? 1 : -1;
  const problem = (at: number, message: string, apache: string): ArgProblem => ({ start: node.args[at].start, end: node.args[at].end, message: `${message} Apache: "${apache}".` });
  if (words.length === 3 && grok === 0) return problem(0, `With three words the first must be a status (permanent, temp, seeother, gone or a number).`, 'Redirect: invalid first argument (of three)');
  if (input.htaccess || inPerDirectorySection(standing)) {
    if ((grok > 0 && words.length === 2) || (grok === 0 && words.length === 1) || (grok < 0 && words.length === 1)) return undefined;
  }
  const target = words.length === 3 ? 2 : grok === 0 && words.length === 2 ? 1 : -1;
  const path = words.length === 3 || grok !== 0 ? 1 : 0;
  if (regex && path < words.length) {
    const why = pcreCompileError(confWord(words[path]));
    if (why) return problem(path, `The pattern '${words[path]}' does not compile (${why}).`, 'Regular expression could not be compiled.');
  }
  if (isRedirect(status)) {
    if (target < 0) return problem(words.length - 1, `A ${status} redirect needs the URL to send clients to after the path.`, 'URL to redirect to is missing');
    const url = words[target];
    if (!regex && !isUrl(url) && url[0] !== '/') return problem(target, `'${url}' is neither an absolute URL (https://…) nor a path starting with '/'.`, 'Redirect to non-URL');
    return undefined;
  }
  if (target >= 0) return problem(target, `Status ${status} is not a redirect, so it takes no target URL (only the path).`, 'Redirect URL not valid for this status');
  return undefined;
};

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** ap_is_url: a scheme (letters, digits, + - .) then ':'. */
function isUrl(s: string): boolean {
  const colon = s.indexOf(':');
  return colon > 0 && /^[A-Za-z0-9+.-]+$/.test(s.slice(0, colon));
}

/** C's atoi for a word starting with a digit (a status beyond nine digits is no redirect anyway). */
function atoi(s: string): number {
  const digits = /^\d+/.exec(s)![0];
  return digits.length > 9 ? -1 : Number(digits);
}
