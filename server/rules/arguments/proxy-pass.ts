// ProxyPass and ProxyPassMatch, read as mod_proxy's add_pass reads them (data/patterns.ts: proxyPassRules,
// proxyPassWords): outside <Location>/<Proxy> the path or pattern, then the target URL, then flags and key=value
// parameters; inside them the section's path takes the first place. Refused in that order: a first `~` to
// ProxyPassMatch, a later word that is no flag and no key=value (a path inside <Location>), an unknown mapping=, a
// "unix:" URL with no scheme after `|`, and the pattern (ProxyPassMatch's, ProxyPass's after `~`, the section's
// path) when PCRE does not compile it. How many words there are is argument-count's; parameter values are not judged.
import type { ArgChecker, ArgInput, ArgProblem } from './types';
import { proxyPassRules, proxyPassWords as WORDS, type ProxyPassRule } from '../../catalog/data/patterns';
import { pcreCompileError } from '../../catalog/wsgi-regex';
import { innermostFrame } from '../../catalog/placement';
import { effectiveWords } from './words';
import { confWord } from './patterns';
import type { SectionNode } from '../../syntax/ast';
import type { Fix } from '../types';

export const checkProxyPass: ArgChecker = (input) => {
  const rule = proxyPassRules[input.node.nameLower];
  if (!rule) return undefined;
  // <Limit> keeps the path of the section around it (ProxyPass is refused there anyway: placement's).
  const frame = innermostFrame(input.standing, (p) => p !== 'limit');
  const section = frame && (frame.place === 'location' || frame.place === 'proxy') ? frame.section : undefined;
  // <Directory>, <Files>, <If>: the directive is refused there (placement's).
  if (frame && !section && frame.place !== 'virtualhost') return undefined;
  const { words, node } = input;
  // Outside a section: the index of the pattern (-1: ProxyPass's plain prefix), the target after it.
  let pattern = -1;
  let target = 0;
  if (!section) {
    if (rule.pattern === 'after-tilde') {
      while (words[target] === '~') target++;
      pattern = target > 0 ? target : -1;
    } else if (words[0] === '~' && rule.tildeRefused) {
      return tildeProblem(input, rule.tildeRefused);
    } else pattern = 0;
    target++;
  }
  // No target: argument-count's.
  if (target >= words.length) return undefined;
  for (let k = target + 1; k < words.length; k++) {
    const problem = wordProblem(input, k, target, section);
    if (problem) return problem;
  }
  if (badUnixUrl(words[target])) {
    const w = node.args[target];
    return { start: w.start, end: w.end, message: `A "unix:" target names the socket, then '|' and the URL to ask for over it (unix:/run/app.sock|http://localhost/). Apache: "${WORDS.unixUrl}".` };
  }
  if (section) return sectionPattern(input, rule, section);
  if (pattern < 0) return undefined;
  const why = pcreCompileError(confWord(words[pattern]));
  if (!why) return undefined;
  const w = node.args[pattern];
  return { start: w.start, end: w.end, message: `The pattern '${words[pattern]}' does not compile (${why}). Apache: "${rule.apache}".` };
};

function tildeProblem(input: ArgInput, apache: string): ArgProblem {
  const [w, next] = input.node.args;
  const fixes: Fix[] = next ? [{ title: `Remove '${w.raw}'`, edits: [{ start: w.start, end: next.start, newText: '' }], preferred: true }] : [];
  return { start: w.start, end: w.end, message: `${input.node.name} needs no '~': its first word is always a regular expression. Apache: "${apache}".`, fixes };
}

/** A word after the target: a flag, or key=value (mapping= with a value add_pass knows). */
function wordProblem(input: ArgInput, k: number, target: number, section: SectionNode | undefined): ArgProblem | undefined {
  const { words, node } = input;
  const word = words[k];
  const lower = word.toLowerCase();
  if ((WORDS.flags as readonly string[]).includes(lower)) return undefined;
  const eq = word.indexOf('=');
  if (eq >= 0) {
    if (lower.slice(0, eq) !== 'mapping' || (WORDS.mappings as readonly string[]).includes(lower.slice(eq + 1))) return undefined;
    const w = node.args[k];
    return { start: w.start, end: w.end, message: `mapping= takes ${WORDS.mappings.join(' or ')}. Apache: "${WORDS.unknownMapping}".` };
  }
  if (section && words[target][0] === '/') {
    // The usual slip: the section's path written again before the URL.
    const w = node.args[target];
    const next = node.args[target + 1];
    const same = effectiveWords(section, input.ast)?.[0] === words[target];
    const fixes: Fix[] = same ? [{ title: `Remove '${w.raw}' (the path of <${section.name}>)`, edits: [{ start: w.start, end: next.start, newText: '' }], preferred: true }] : [];
    return {
      start: w.start,
      end: w.end,
      message: `Inside <${section.name}> ${node.name} takes no path: the section's own path is mapped, so the first word must be the URL ('${words[target]}' is read as the URL and '${word}' as a parameter). Apache: "${WORDS.pathInSection}".`,
      fixes,
    };
  }
  const w = node.args[k];
  return {
    start: w.start,
    end: w.end,
    message: `'${word}' is not a parameter of ${node.name}: after the URL come key=value pairs (retry=0, timeout=30 …) and the flags ${WORDS.flags.join(', ')}. Apache: "${WORDS.notKeyValue}".`,
  };
}

/** "unix:…|" with no ':' after the '|' (ap_proxy_de_socketfy finds no scheme). */
function badUnixUrl(url: string): boolean {
  if (url.slice(0, 5).toLowerCase() !== 'unix:') return false;
  const bar = url.indexOf('|', 5);
  return bar >= 0 && !url.includes(':', bar + 1);
}

/**
 * Inside <Location path> or <Proxy url>: the path is the pattern. The Match sections and `<Location ~ …>` compile it
 * themselves first (a pattern that fails is reported on the tag), so only the plain forms are judged here.
 */
function sectionPattern(input: ArgInput, rule: ProxyPassRule, section: SectionNode): ArgProblem | undefined {
  if (section.nameLower !== 'location' && section.nameLower !== 'proxy') return undefined;
  const words = effectiveWords(section, input.ast);
  if (!words || words.length === 0 || words[0] === '~' || section.args[0].unterminated) return undefined;
  // <Proxy> drops a leading "proxy:" from its URL.
  const path = confWord(section.nameLower === 'proxy' ? words[0].replace(/^proxy:/i, '') : words[0]);
  if (rule.sectionPath === 'wildcard' && !hasGlob(path)) return undefined;
  const why = pcreCompileError(path);
  if (!why) return undefined;
  const { node } = input;
  const reason = rule.sectionPath === 'wildcard' ? `holds a wildcard, so ${node.name} compiles it as a regular expression` : `is the pattern ${node.name} compiles here`;
  return {
    start: node.nameSpan.start,
    end: node.nameSpan.end,
    message: `The path '${words[0]}' of <${section.name}> ${reason}, and it does not compile (${why}). Apache: "${rule.apache}".`,
  };
}

/**
 * Whether APR's apr_fnmatch_test calls the path a wildcard pattern: a `*` or `?`, or a `]` after a `[`; a backslash
 * hides the character after it.
 */
export function hasGlob(path: string): boolean {
  let open = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '*' || c === '?') return true;
    if (c === '\\') i++;
    else if (c === '[') open = true;
    else if (c === ']' && open) return true;
  }
  return false;
}
