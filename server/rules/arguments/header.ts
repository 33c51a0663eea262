// Header and RequestHeader as mod_headers reads them: [always|onsuccess] action header [value] [replacement]
// [early|env=[!]var|expr=…], with mod_headers' own messages. https://httpd.apache.org/docs/2.4/mod/mod_headers.html
import type { ArgChecker, ArgInput, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';
import { checkExpression, exprEnvironment } from '../../catalog/expr-parse';

const ACTIONS = ['add', 'set', 'setifempty', 'append', 'merge', 'unset', 'echo', 'note', 'edit', 'edit*'];
const BAD_ACTION = "first argument must be 'add', 'set', 'setifempty', 'append', 'merge', 'unset', 'echo', 'note', 'edit', or 'edit*'.";

export const checkHeader: ArgChecker = (input) => {
  const { words, info, node } = input;
  const isHeader = info.name === 'Header';
  let i = 0;
  if (isHeader && /^(always|onsuccess)$/i.test(words[0] ?? '')) i = 1;
  const at = (k: number) => node.args[Math.min(k, node.args.length - 1)] ?? node.nameSpan;
  const problem = (k: number, message: string, apache: string, fixes: ArgProblem['fixes'] = []): ArgProblem => {
    const w = at(k);
    return { start: w.start, end: w.end, message: `${message} Apache: "${apache}".`, fixes };
  };
  if (words.length > i + 5) return problem(i + 5, `${info.name} has words left over after the condition.`, `${info.name} has too many arguments`);
  const action = (words[i] ?? '').toLowerCase();
  if (!ACTIONS.includes(action)) {
    // Only names that make the line pass: a rename that leaves `Header set X` (no value) is no fix.
    const passes = (a: string) => checkHeader({ ...input, words: words.map((w, k) => (k === i ? a : w)) }) === undefined;
    const fixes = words[i] === undefined ? [] : closestNames(words[i], ACTIONS, 3).filter(passes).map((a, k) => replaceWord(input, i, a, k === 0));
    return problem(i, `'${words[i] ?? ''}' is not a ${info.name} action (use ${ACTIONS.join(', ')}).`, BAD_ACTION, fixes);
  }
  const has = (k: number) => words[k] !== undefined;
  let envAt = i + 4;
  if (action === 'edit' || action === 'edit*') {
    if (!has(i + 3)) return problem(i, `${info.name} ${action} needs a header, a regular expression and a replacement.`, 'Header edit requires a match and a substitution');
  } else {
    if (has(i + 4)) return problem(i + 4, `${info.name} ${action} takes no replacement, so this word is one too many.`, 'Too many arguments to directive');
    envAt = i + 3;
    if (action === 'unset' || action === 'echo') {
      if (has(i + 2) && has(i + 3)) return problem(i + 3, `${info.name} ${action} takes a header and at most a condition.`, `${action === 'unset' ? 'header unset' : 'Header echo'} takes two arguments`);
      if (has(i + 2)) envAt = i + 2;
      if (action === 'echo' && !isHeader) return problem(i, 'echo only works with Header (response headers), not RequestHeader.', 'Header echo only valid on Header directives');
    } else if (!has(i + 2)) {
      return problem(i + 1, `${info.name} ${action} needs a header name and a value.`, 'Header requires three arguments');
    }
  }
  return has(envAt) ? checkCondition(input, envAt, problem) : undefined;
};

function checkCondition(input: ArgInput, k: number, problem: (k: number, m: string, a: string) => ArgProblem): ArgProblem | undefined {
  const c = input.words[k];
  if (/^early$/i.test(c)) return undefined;
  // mod_headers parses the expression while Apache reads the line, as <If> does its condition.
  if (/^expr=/i.test(c)) {
    const bad = checkExpression(c.slice(5), exprEnvironment(input.ast, input.seesWholeServer));
    return bad ? problem(k, `Apache cannot parse the expr= condition: ${bad.message}.`, `Can't parse envclause/expression: …`) : undefined;
  }
  if (/^env=/i.test(c)) {
    const name = c.slice(4);
    if (name === '' || name === '!') return problem(k, 'env= needs a variable name (env=NAME or env=!NAME).', 'error: missing environment variable name. envclause should be in the form env=envar ');
    return undefined;
  }
  return problem(k, `'${c}' is not a condition: use early, env=[!]NAME or expr=EXPRESSION.`, `Unknown parameter: ${c}`);
}
