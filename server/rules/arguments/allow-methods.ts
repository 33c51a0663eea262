// AllowMethods (mod_allowmethods): HTTP method names, case-sensitive, or `reset` (any case) alone.
// https://httpd.apache.org/docs/2.4/mod/mod_allowmethods.html
import type { ArgChecker } from './types';
import { unknownMethod } from './methods';

export const checkAllowMethods: ArgChecker = (input) => {
  const { words, node } = input;
  if (words.length === 1 && words[0].toLowerCase() === 'reset') return undefined;
  for (let k = 0; k < words.length; k++) {
    const w = node.args[k];
    // An empty "" alone is no argument at all to the module; among others it is a method named ''.
    if (words.length === 1 && words[0] === '') {
      return { start: w.start, end: w.end, message: `AllowMethods needs the methods to allow, or reset. Apache: "AllowMethods: No method or 'reset' keyword given".` };
    }
    if (words[k].toLowerCase() === 'reset') {
      return { start: w.start, end: w.end, message: `reset stands alone in AllowMethods (it lifts the restriction); beside methods Apache reads it as a method name. Apache: "AllowMethods: Invalid Method '${words[k]}'".` };
    }
    const problem = unknownMethod(input, k, `AllowMethods: Invalid Method '${words[k]}'`);
    if (problem) return problem;
  }
  return undefined;
};
