// Options as core.c's set_options reads it, stopping at the first word it rejects: unknown keywords, None/All
// after other words or with +/-, and a mix of prefixed and plain words (a plain word resets the list, so the
// mix is almost always a mistake). https://httpd.apache.org/docs/2.4/mod/core.html#options
import type { Fix } from '../types';
import type { ArgChecker, ArgInput } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';

export const OPTION_KEYWORDS = ['None', 'All', 'Indexes', 'Includes', 'IncludesNOEXEC', 'FollowSymLinks', 'SymLinksIfOwnerMatch', 'ExecCGI', 'MultiViews'];
/** Accepted by Apache for old configurations, not suggested. */
const LEGACY = ['RunScripts'];
const MIXED = 'Either all Options must start with + or -, or no Option may.';

export const checkOptions: ArgChecker = (input) => {
  const { words, node } = input;
  let first = true;
  let merge = false;
  let allNone = false;
  for (let i = 0; i < words.length; i++) {
    const raw = words[i];
    const prefix = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
    const word = raw.slice(prefix.length);
    const at = node.args[i];
    const problem = (apache: string, what: string, fixes: Fix[] = []) => ({ start: at.start, end: at.end, message: `${what} Apache: "${apache}".`, fixes });
    if (prefix) {
      if (!merge && !first && !allNone) return problem(MIXED, mixWords(), mixFixes(input));
      merge = true;
    } else if (!first && merge) {
      return problem(MIXED, mixWords(), mixFixes(input));
    }
    const known = [...OPTION_KEYWORDS, ...LEGACY].find((k) => k.toLowerCase() === word.toLowerCase());
    if (!known) {
      const close = closestNames(word, OPTION_KEYWORDS, 3);
      const fixes = close.map((c, k) => replaceWord(input, i, prefix + c, k === 0));
      return problem(`Illegal option ${word}`, `'${word}' is not an Options keyword (use ${OPTION_KEYWORDS.join(', ')}).`, fixes);
    }
    if (known === 'None' || known === 'All') {
      if (!first) return problem(`'Options ${known}' must be the first ${known === 'All' ? 'option' : 'Option'} given.`, `Options ${known} may only be the first word.`);
      if (prefix) return problem(`You may not use 'Options +${known}' or 'Options -${known}'.`, `Options ${known} cannot take a + or - prefix.`, [replaceWord(input, i, known, true)]);
      allNone = true;
    }
    first = false;
  }
  return undefined;
};

function mixWords(): string {
  return `Options mixes words with a + or - prefix and words without one; a word without a prefix replaces the inherited set, so Apache refuses the mix. Prefix every word, or none.`;
}

/**
 * All-prefixed form (keeps what is inherited and adds); preferred when the first word already has a prefix. None
 * when a word is no keyword: the line would fail again on that word, Apache's next complaint.
 */
function mixFixes(input: ArgInput): Fix[] {
  const args = input.node.args;
  const keywords = [...OPTION_KEYWORDS, ...LEGACY].map((k) => k.toLowerCase());
  if (input.words.some((w) => !keywords.includes(w.replace(/^[+-]/, '').toLowerCase()))) return [];
  const plain = (w: string) => w[0] !== '+' && w[0] !== '-';
  const prefixAll: Fix = {
    title: 'Prefix every option with + (add to the inherited options)',
    edits: args.flatMap((w, i) => (plain(input.words[i]) && !/^(none|all)$/i.test(input.words[i]) ? [{ start: w.start + (w.quote ? 1 : 0), end: w.start + (w.quote ? 1 : 0), newText: '+' }] : [])),
  };
  const onlyPlus = input.words.every((w) => w[0] !== '-');
  const dropPrefixes: Fix = {
    title: 'Remove the + prefixes (replace the inherited options)',
    edits: args.flatMap((w, i) => (input.words[i][0] === '+' ? [{ start: w.start + (w.quote ? 1 : 0), end: w.start + (w.quote ? 2 : 1), newText: '' }] : [])),
  };
  const firstPrefixed = !plain(input.words[0] ?? '');
  if (!onlyPlus) return [{ ...prefixAll, preferred: true }];
  return firstPrefixed ? [{ ...prefixAll, preferred: true }, dropPrefixes] : [{ ...dropPrefixes, preferred: true }, prefixAll];
}
