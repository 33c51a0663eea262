// Would PCRE (what Apache's ap_pregcomp uses) refuse to compile a pattern? We only compile, never run, a user's
// pattern: PCRE-only syntax (possessive quantifiers, atomic groups, (?P<name>…), inline flags, \Q…\E, (?#…))
// is first rewritten into its JavaScript equivalent; anything we cannot translate is given the benefit of the
// doubt, so a pattern PCRE accepts is never called broken.

const MAX_QUANTIFIER = 65535;

/** PCRE's complaint about `pattern` in our words, or null when it compiles or we cannot tell. */
export function pcreCompileError(pattern: string): string | null {
  const t = translate(pattern);
  if (!t) return null;
  try {
    // Compiling only: the RegExp is never executed against anything.
    new RegExp(t.source);
  } catch (err) {
    return String(err instanceof Error ? err.message : err).replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
  }
  const badRef = t.backrefs.find((n) => n > t.groups);
  if (badRef !== undefined) return `\\${badRef} refers to capture group ${badRef}, but the pattern has ${t.groups === 0 ? 'no groups' : `only ${t.groups}`}`;
  if (t.bigQuantifier) return `a {n} repeat count above ${MAX_QUANTIFIER}`;
  return null;
}

interface Translation {
  source: string;
  groups: number;
  backrefs: number[];
  bigQuantifier: boolean;
}

const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

function translate(p: string): Translation | null {
  const out: Translation = { source: '', groups: 0, backrefs: [], bigQuantifier: false };
  let inClass = false;
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === 'Q') {
        const e = p.indexOf('\\E', i + 2);
        out.source += escapeLiteral(p.slice(i + 2, e < 0 ? p.length : e));
        i = e < 0 ? p.length : e + 2;
        continue;
      }
      if (n === 'E') {
        i += 2;
        continue;
      }
      if (!inClass && n !== undefined && n >= '1' && n <= '9' && !/[0-9]/.test(p[i + 2] ?? '')) out.backrefs.push(Number(n));
      out.source += p.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out.source += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal in PCRE.
      const lead = p[i + 1] === '^' ? '[^' : '[';
      out.source += lead;
      i += lead.length;
      if (p[i] === ']') {
        out.source += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(') {
      const g = group(p, i);
      if (!g) return null;
      out.source += g.js;
      if (g.capture) out.groups++;
      i = g.next;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.slice(i));
      if (m && (Number(m[1]) > MAX_QUANTIFIER || Number(m[2] || 0) > MAX_QUANTIFIER)) out.bigQuantifier = true;
    }
    out.source += c;
    i++;
    // Possessive quantifiers (a*+, a++, a?+, a{2}+) behave like the plain ones for compiling.
    if ((c === '*' || c === '+' || c === '?' || c === '}') && p[i] === '+') i++;
  }
  return out;
}

/** A group opening at p[i] === '(' in JavaScript syntax, or null for PCRE constructs we cannot translate. */
function group(p: string, i: number): { js: string; capture: boolean; next: number } | null {
  const rest = p.slice(i);
  if (!rest.startsWith('(?')) return rest.startsWith('(*') ? null : { js: '(', capture: true, next: i + 1 };
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment) return { js: '', capture: false, next: i + comment[0].length };
  const simple = /^\(\?(?::|=|!|<=|<!)/.exec(rest);
  if (simple) return { js: simple[0], capture: false, next: i + simple[0].length };
  if (/^\(\?[>|]/.test(rest)) return { js: '(?:', capture: false, next: i + 3 };
  const named = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
  if (named) return { js: `(?<${named[1] ?? named[2]}>`, capture: true, next: i + named[0].length };
  const ref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
  if (ref) return { js: `\\k<${ref[1]}>`, capture: false, next: i + ref[0].length };
  // Inline options: (?i) vanish, (?i:…) becomes (?:…). Extended mode (x) changes what blanks mean: give up.
  const flags = /^\(\?\^?([imnsJU]*)(?:-([imnsJU]*))?([:)])/.exec(rest);
  if (flags) return { js: flags[3] === ':' ? '(?:' : '', capture: false, next: i + flags[0].length };
  return null;
}
