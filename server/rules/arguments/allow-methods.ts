// AllowMethods (mod_allowmethods): HTTP method names, case-sensitive, or `reset` (any case) alone. How many words
// it gets (none: argument-count) follows TAKE_ARGV: a last "" is no word. https://httpd.apache.org/docs/2.4/mod/mod_allowmethods.html
import type { ArgChecker } from './types';
import { unknownMethod } from './methods';
import { argvWords } from './words';

export const checkAllowMethods: ArgChecker = (input) => {
  const words = argvWords(input.words);
  if (words.length === 1 && words[0].toLowerCase() === 'reset') return undefined;
  for (let k = 0; k < words.length; k++) {
    if (words[k].toLowerCase() === 'reset') {
      const w = input.node.args[k];
      return { start: w.start, end: w.end, message: `reset stands alone in AllowMethods (it lifts the restriction); beside methods Apache reads it as a method name. Apache: "AllowMethods: Invalid Method '${words[k]}'".` };
    }
    const problem = unknownMethod(input, k, `AllowMethods: Invalid Method '${words[k]}'`);
    if (problem) return problem;
  }
  return undefined;
};
