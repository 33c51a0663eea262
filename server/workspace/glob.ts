// Apache's Include wildcards: `*`, `?` and `[...]` in any path component (fnmatch without FNM_PATHNAME
// surprises: a wildcard never crosses `/`), matches sorted by name like httpd does.
import * as path from 'node:path';
import type { FileSource } from './files';

export function hasWildcard(s: string): boolean {
  return /[*?[]/.test(s);
}

type Atom = { kind: 'star' } | { kind: 'any' } | { kind: 'set'; test: (c: string) => boolean } | { kind: 'char'; c: string };

/**
 * Compiles one path component pattern; `[` without a closing `]` is a literal. Matching is the classic
 * two-pointer wildcard walk (back up only to the last `*`): O(pattern × name), never exponential.
 */
export function componentMatcher(pattern: string): (name: string) => boolean {
  const atoms: Atom[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (atoms[atoms.length - 1]?.kind !== 'star') atoms.push({ kind: 'star' });
    } else if (c === '?') atoms.push({ kind: 'any' });
    else if (c === '[' && pattern.indexOf(']', i + 2) > 0) {
      const close = pattern.indexOf(']', i + 2);
      atoms.push({ kind: 'set', test: charClass(pattern.slice(i + 1, close)) });
      i = close;
    } else atoms.push({ kind: 'char', c });
  }
  const one = (a: Atom, ch: string) => (a.kind === 'any' ? true : a.kind === 'set' ? a.test(ch) : a.kind === 'char' && a.c === ch);
  return (name) => {
    let p = 0;
    let n = 0;
    let starP = -1;
    let starN = 0;
    while (n < name.length) {
      const a = atoms[p];
      if (a && a.kind === 'star') {
        starP = p++;
        starN = n;
      } else if (a && one(a, name[n])) {
        p++;
        n++;
      } else if (starP >= 0) {
        p = starP + 1;
        n = ++starN;
      } else return false;
    }
    while (atoms[p]?.kind === 'star') p++;
    return p === atoms.length;
  };
}

/** `a-z0-9_`, with `!` or `^` first to negate. */
function charClass(body: string): (c: string) => boolean {
  const negate = body.startsWith('!') || body.startsWith('^');
  const b = negate ? body.slice(1) : body;
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i + 1] === '-' && i + 2 < b.length) {
      ranges.push([b[i], b[i + 2]]);
      i += 2;
    } else ranges.push([b[i], b[i]]);
  }
  return (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negate;
}

/**
 * Expands an absolute pattern into matching paths, sorted per component. Dot files match only when the
 * pattern component starts with a dot (as in Apache's fnmatch with FNM_PERIOD).
 */
export function expandGlob(files: FileSource, pattern: string, limit: number): string[] {
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let current = [parts[0] === '' ? '/' : parts[0]];
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k];
    const next: string[] = [];
    for (const dir of current) {
      if (!hasWildcard(part)) {
        next.push(path.join(dir, part));
        continue;
      }
      const match = componentMatcher(part);
      const names = files.list(dir).filter((n) => (n.startsWith('.') ? part.startsWith('.') : true) && match(n)).sort();
      for (const n of names) {
        next.push(path.join(dir, n));
        if (next.length > limit) return next;
      }
    }
    current = next;
  }
  return current;
}
