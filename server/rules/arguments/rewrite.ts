// RewriteRule and RewriteCond: the pattern compiles (patterns.ts), and a third word is the flags, which mod_rewrite
// wants inside brackets, [L,R=301] (a quoted "[L, R]" is one word); a fourth word is ignored. RewriteCond's few
// flag names are checked too.
// https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html#rewriterule
import type { ArgChecker } from './types';
import { checkPattern } from './patterns';

/** RewriteCond's flags, short and long names (any letter case); RewriteRule's many flags are not judged here. */
const CONDITION_FLAGS = ['NC', 'nocase', 'OR', 'ornext', 'NV', 'novary'];

export const checkRewrite: ArgChecker = (input) => {
  const pattern = checkPattern(input);
  if (pattern) return pattern;
  const { words, node, info } = input;
  const flags = words[2];
  if (flags === undefined) return undefined;
  const w = node.args[2];
  if (flags.startsWith('[') && flags.endsWith(']') && flags.length >= 2) {
    if (info.name.toLowerCase() !== 'rewritecond') return undefined;
    // mod_rewrite's flag field: comma-separated, blanks around each trimmed, a value after '=' ignored here.
    for (const item of flags.slice(1, -1).split(',')) {
      const key = item.trim().split('=')[0];
      if (CONDITION_FLAGS.some((f) => f.toLowerCase() === key.toLowerCase())) continue;
      return { start: w.start, end: w.end, message: `'${key}' is not a RewriteCond flag (use NC, OR or NV, or nocase, ornext, novary). Apache: "RewriteCond: unknown flag '${key}'".` };
    }
    return undefined;
  }
  const bare = !flags.includes('[') && !flags.includes(']') && flags !== '';
  return {
    start: w.start,
    end: w.end,
    message: `${info.name}'s flags go in brackets, as one word: ${bare ? `[${flags}]` : '[L,R=301]'}. Apache: "${info.name}: bad flag delimiters".`,
    fixes: bare ? [{ title: `Write the flags as [${flags}]`, edits: [{ start: w.start, end: w.end, newText: `[${flags}]` }], preferred: true }] : [],
  };
};
