// What vscode-languageclient asks of `semver` (20 KB in the client bundle): its constructor parses vscode.version
// and checks it against the library's REQUIRED_VSCODE_VERSION, a caret range such as `^1.91.0`. The bundle
// (scripts/build.mjs) maps `semver/functions/parse` and `semver/functions/satisfies` here. Ranges other than a
// single caret or comparator set are not supported: test/unit/client/semver-lite.test.ts checks the library's
// range has that form and compares the answers with the real semver.

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: Array<string | number>;
  version: string;
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** semver.parse: the version, or null when the string is not one. */
export function parse(input: unknown): Version | null {
  if (typeof input === 'object' && input !== null && 'version' in input) return input as Version;
  const m = typeof input === 'string' ? VERSION.exec(input.trim()) : null;
  if (!m) return null;
  const prerelease = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease, version: m[0].trim().replace(/^v/, '').replace(/\+.*$/, '') };
}

const compare = (a: Version, b: Version) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/** A `^X.Y.Z` range as the comparators it stands for (semver's caret rules for major 0 included). */
function caret(base: Version): Array<(v: Version) => boolean> {
  const upper = base.major > 0 ? [base.major + 1, 0, 0] : base.minor > 0 ? [0, base.minor + 1, 0] : [0, 0, base.patch + 1];
  const limit: Version = { major: upper[0], minor: upper[1], patch: upper[2], prerelease: [], version: upper.join('.') };
  return [(v) => compare(v, base) >= 0, (v) => compare(v, limit) < 0];
}

const OPERATORS: Record<string, (c: number) => boolean> = { '>=': (c) => c >= 0, '>': (c) => c > 0, '<=': (c) => c <= 0, '<': (c) => c < 0, '=': (c) => c === 0, '': (c) => c === 0 };

/**
 * semver.satisfies for ranges made of space-separated `^X.Y.Z`, `>=X.Y.Z`, `<X.Y.Z` … terms (no `||`, no x-ranges,
 * no hyphens: false for those). Like semver, a prerelease version satisfies no range without prereleases.
 */
export function satisfies(input: Version | string, range: string): boolean {
  const v = parse(input);
  if (!v || v.prerelease.length > 0) return false;
  const tests: Array<(v: Version) => boolean> = [];
  for (const term of range.trim().split(/\s+/)) {
    const m = /^(\^|>=|>|<=|<|=|)(.*)$/.exec(term)!;
    const base = parse(m[2]);
    if (!base || base.prerelease.length > 0) return false;
    if (m[1] === '^') tests.push(...caret(base));
    else tests.push((x) => OPERATORS[m[1]](compare(x, base)));
  }
  return tests.every((t) => t(v));
}
