// <IfVersion [[!]operator] version> as mod_version reads its tag (start_ifversion): the operator is =, ==, <, <=,
// >, >= or ~ (a leading ! reverses it), the version major[.minor[.patch]] in digits (compare_version), or a regular
// expression: after ~, or between slashes after = and ==. A tag Apache refuses stops configtest on its line.
// https://httpd.apache.org/docs/2.4/mod/mod_version.html
import { pcreCompileError } from '../../catalog/wsgi-regex';
import { confWord } from './patterns';

const VERSION_FORM = 'Version appears to be invalid. It must have the format major[.minor[.patch]] where major, minor and patch are numbers.';

/** Apache's refusal of the tag's words (and what we say of it), or undefined when it reads them; three words are not judged. */
export function ifVersionProblem(words: readonly string[]): { ours: string; apache: string; at: number } | undefined {
  if (words.length === 0 || words.length > 2) return undefined;
  const [op, version, at] = words.length === 1 ? ['=', words[0], 0] : [words[0], words[1], 1];
  let p = op;
  if (p[0] === '!' && p.length > 1) p = p.slice(1);
  const c = p[0];
  const rest = p.slice(1);
  if (!'=~<>'.includes(c) || !(rest === '' || (rest === '=' && c !== '~'))) {
    return { at: 0, ours: `'${op}' is not an operator of <IfVersion> (=, ==, <, <=, >, >=, ~, each with an optional !).`, apache: `unrecognized operator '${op}'` };
  }
  if (c === '~' || (c === '=' && version.startsWith('/'))) {
    let pattern = version;
    if (c === '=') {
      if (version.length < 2 || !version.endsWith('/')) return { at, ours: `A regular expression after ${op} goes between slashes (/^2\\.4/).`, apache: 'Missing delimiting / of regular expression.' };
      pattern = version.slice(1, -1);
    }
    const why = pcreCompileError(confWord(pattern));
    return why ? { at, ours: `The pattern '${pattern}' does not compile (${why}).`, apache: 'Unable to compile regular expression' } : undefined;
  }
  return validVersion(version) ? undefined : { at, ours: `'${version}' is not a version: write major[.minor[.patch]] in digits (2.4, 2.4.58).`, apache: VERSION_FORM };
}

/** compare_version's reading: digits, at most three parts split by dots (a dot may end it). */
function validVersion(v: string): boolean {
  if (!/^\d/.test(v)) return false;
  let parts = 0;
  let p = 0;
  while (p <= v.length && parts < 3) {
    if (p === v.length || v[p] === '.') {
      parts++;
      p++;
      continue;
    }
    if (!/\d/.test(v[p])) break;
    p++;
  }
  return p >= v.length;
}
