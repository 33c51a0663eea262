// HTTP method names as httpd's ap_method_number_of knows them, shared by `Require method` and AllowMethods.
import type { ArgInput, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';
import { loadedModules } from '../../catalog/modules';

/** HTTP methods httpd registers (Debian's build, every module loaded), case-sensitive. */
export const METHODS = [
  'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY',
  'MOVE', 'LOCK', 'UNLOCK', 'VERSION-CONTROL', 'CHECKOUT', 'UNCHECKOUT', 'CHECKIN', 'UPDATE', 'LABEL', 'REPORT',
  'MKWORKSPACE', 'MKACTIVITY', 'BASELINE-CONTROL', 'MERGE',
];

/**
 * The problem with word `k` when it is no method httpd knows (`apache`: the module's refusal), with the method in
 * capitals or the closest names as fixes. A third-party module may register more methods: then only a warning.
 */
export function unknownMethod(input: ArgInput, k: number, apache: string): ArgProblem | undefined {
  const word = input.words[k];
  if (METHODS.includes(word)) return undefined;
  const w = input.node.args[k];
  const upper = word.toUpperCase();
  const choices = METHODS.includes(upper) ? [upper] : closestNames(word, METHODS, 3);
  const thirdParty = loadedModules(input.ast).thirdParty.length > 0;
  return {
    start: w.start,
    end: w.end,
    message: `'${word}' is not an HTTP method httpd knows${METHODS.includes(upper) ? ' (method names are case-sensitive)' : ''}. Apache: "${apache}".`,
    fixes: choices.map((c, i) => replaceWord(input, k, c, i === 0)),
    severity: thirdParty && !METHODS.includes(upper) ? 'warning' : undefined,
  };
}
