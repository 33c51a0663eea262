// RewriteRule and RewriteCond: the pattern compiles (patterns.ts), and a third word is the flags, which mod_rewrite
// wants inside brackets, [L,R=301] (a quoted "[L, R]" is one word); a fourth word is ignored.
// https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html#rewriterule
import type { ArgChecker } from './types';
import { checkPattern } from './patterns';

export const checkRewrite: ArgChecker = (input) => {
  const pattern = checkPattern(input);
  if (pattern) return pattern;
  const { words, node, info } = input;
  const flags = words[2];
  if (flags === undefined || (flags.startsWith('[') && flags.endsWith(']') && flags.length >= 2)) return undefined;
  const w = node.args[2];
  const bare = !flags.includes('[') && !flags.includes(']') && flags !== '';
  return {
    start: w.start,
    end: w.end,
    message: `${info.name}'s flags go in brackets, as one word: ${bare ? `[${flags}]` : '[L,R=301]'}. Apache: "${info.name}: bad flag delimiters".`,
    fixes: bare ? [{ title: `Write the flags as [${flags}]`, edits: [{ start: w.start, end: w.end, newText: `[${flags}]` }], preferred: true }] : [],
  };
};
