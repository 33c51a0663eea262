// URL and filesystem path questions the model asks, answered the way httpd and mod_wsgi answer them.
import { componentMatcher, hasWildcard } from '../workspace/glob';

/**
 * How much of `uri` an alias URL `prefix` matches, as mod_alias's alias_matches (mod_wsgi copies it): runs of
 * `/` match runs of `/`, and the match must end at a path-segment boundary, so `/app` matches `/app/x` but not
 * `/application`. Returns 0 for no match.
 */
export function aliasMatchLength(uri: string, prefix: string): number {
  let a = 0;
  let u = 0;
  while (a < prefix.length) {
    if (prefix[a] === '/') {
      if (uri[u] !== '/') return 0;
      while (prefix[a] === '/') a++;
      while (uri[u] === '/') u++;
    } else if (uri[u++] !== prefix[a++]) return 0;
  }
  if (a > 0 && prefix[a - 1] !== '/' && u < uri.length && uri[u] !== '/') return 0;
  return u;
}

export function urlPrefixMatches(prefix: string, uri: string): boolean {
  return prefix.length > 0 && aliasMatchLength(uri, prefix) > 0;
}

/** Path without a trailing slash (except the root) and with runs of `/` collapsed. */
export function normalizePath(p: string): string {
  // Most paths are already normal: answer those without a regex pass (rules ask for every section of every alias).
  if (!p.includes('//')) {
    if (p.length <= 1 || p.charCodeAt(p.length - 1) !== 47) return p;
    // One trailing slash (an alias's directory, `/srv/static/`): dropped without a regex pass.
    return p.slice(0, -1);
  }
  const collapsed = p.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

export function dirnameOf(p: string): string {
  return dirnameOfNormal(normalizePath(p));
}

export function basenameOf(p: string): string {
  return basenameOfNormal(normalizePath(p));
}

/** dirnameOf for a path normalizePath already gave (a caller wanting both parts normalizes once). */
export function dirnameOfNormal(n: string): string {
  const i = n.lastIndexOf('/');
  return i <= 0 ? (n.startsWith('/') ? '/' : '.') : n.slice(0, i);
}

/** basenameOf for a path normalizePath already gave. */
export function basenameOfNormal(n: string): string {
  return n.slice(n.lastIndexOf('/') + 1);
}

/**
 * Whether `dirPattern` (a <Directory> argument, wildcards allowed per component) is `path` or one of its
 * ancestors. Wildcards never cross `/`, as in httpd's directory walk.
 */
export function directoryCovers(dirPattern: string, path: string): boolean {
  const pattern = normalizePath(dirPattern);
  const target = normalizePath(path);
  // Without wildcards, matching component by component is a prefix test that ends at a `/`.
  // (Asked per alias and section: tested in place rather than building `pattern + '/'`.)
  if (pattern !== '/' && !hasWildcard(pattern)) return target === pattern || (target.charCodeAt(pattern.length) === 47 && target.startsWith(pattern));
  const want = pattern.split('/');
  const have = target.split('/');
  if (want.length === 2 && want[1] === '') return have[0] === ''; // <Directory />
  if (want.length > have.length) return false;
  return want.every((part, i) => (hasWildcard(part) ? componentMatcher(part)(have[i]) : part === have[i]));
}

/** A <Files> argument (wildcards allowed) against a file name. */
export function filesMatches(pattern: string, name: string): boolean {
  return hasWildcard(pattern) ? componentMatcher(pattern)(name) : pattern === name;
}

/** Values we cannot judge statically: `${VAR}` substitutions, `%{…}` expansions, `$1` captures. */
export function isDynamic(value: string): boolean {
  // Asked per section and alias: a value without `$` or `%` (most) is answered without the regex.
  if (value.indexOf('$') < 0 && value.indexOf('%') < 0) return false;
  return /\$\{|%\{|\$\d/.test(value);
}
