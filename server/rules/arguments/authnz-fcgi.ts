// AuthnzFcgiCheckAuthnProvider as mod_authnz_fcgi reads it: a provider name (or None, which takes nothing after
// it), then option/value pairs. Each option needs its value (checked before its name), Authoritative and
// RequireBasicAuth take On/Off, DefaultUser any name, UserExpr a string expression (not judged here).
// https://httpd.apache.org/docs/2.4/mod/mod_authnz_fcgi.html#authnzfcgicheckauthnprovider
import type { ArgChecker, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';

const OPTIONS = ['Authoritative', 'DefaultUser', 'RequireBasicAuth', 'UserExpr'];
const SWITCHES = new Set(['authoritative', 'requirebasicauth']);
const NAME = 'AuthnzFcgiCheckAuthnProvider';

export const checkAuthnzFcgiProvider: ArgChecker = (input) => {
  const { words, node } = input;
  if (words.length === 0) return undefined;
  if (words[0].toLowerCase() === 'none' && words.length > 1) {
    const from = node.args[1];
    return {
      start: from.start,
      end: node.args[node.args.length - 1].end,
      message: `With None (no FastCGI check here) ${NAME} takes no options. Apache: "Options aren't supported with \\"None\\"".`,
    };
  }
  for (let i = 1; i < words.length; i += 2) {
    const option = words[i];
    const at = node.args[i];
    const problem = (start: number, end: number, message: string, apache: string, fixes?: ArgProblem['fixes']): ArgProblem => ({ start, end, message: `${message} Apache: "${NAME}: ${apache}".`, fixes });
    // mod_authnz_fcgi wants the value before it looks at the option's name (its message has no blank before "needs").
    if (i + 1 >= words.length) return problem(at.start, at.end, `'${option}' needs a value after it (options come in pairs: Authoritative On, DefaultUser name …).`, `${option}needs an argument`);
    const lower = option.toLowerCase();
    if (!OPTIONS.some((o) => o.toLowerCase() === lower)) {
      const fixes = closestNames(option, OPTIONS, 3).map((c, k) => replaceWord(input, i, c, k === 0));
      return problem(at.start, at.end, `'${option}' is not an option of ${NAME} (use ${OPTIONS.join(', ')}).`, `Unexpected option '${option}'`, fixes);
    }
    const value = words[i + 1];
    if (SWITCHES.has(lower) && value.toLowerCase() !== 'on' && value.toLowerCase() !== 'off') {
      const v = node.args[i + 1];
      return problem(v.start, v.end, `${option} takes On or Off.`, `Bad argument '${value}' to option '${option}'`, [replaceWord(input, i + 1, 'On', false), replaceWord(input, i + 1, 'Off', false)]);
    }
  }
  return undefined;
};
