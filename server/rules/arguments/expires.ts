// ExpiresDefault and ExpiresByType codes as mod_expires reads them: "<base> [plus] {<num> <type>}*" where the base
// is access (or now) or modification, and each number starts with a digit and has a unit. mod_expires compares
// only the first letters (a for access, p for plus, y/mo/w/d/h/mi/s for the units), and a code starting with a
// capital A or M is the old form (A3600) and is not checked at all. https://httpd.apache.org/docs/2.4/mod/mod_expires.html
import type { ArgChecker } from './types';

const UNITS: ReadonlyArray<readonly [string, string]> = [['y', 'years'], ['mo', 'months'], ['w', 'weeks'], ['d', 'days'], ['h', 'hours'], ['mi', 'minutes'], ['s', 'seconds']];

export const checkExpires: ArgChecker = (input) => {
  const { words, node, info } = input;
  const at = info.name.toLowerCase() === 'expiresbytype' ? 1 : 0;
  const code = words[at];
  if (code === undefined || code === '' || code[0] === 'A' || code[0] === 'M' || /["']/.test(code)) return undefined;
  const problem = codeProblem(code.split(/[ \t\r\n\v\f]+/).filter((t) => t !== ''));
  if (!problem) return undefined;
  const w = node.args[at];
  const head = at === 1 ? `${info.name} ${words[0]} ${code}` : `${info.name} ${code}`;
  return {
    start: w.start,
    end: w.end,
    message: `${problem.ours} An expiry code reads "access plus 1 month" (or modification …; units: years, months, weeks, days, hours, minutes, seconds). Apache: "'${head}': ${problem.apache}".`,
  };
};

function codeProblem(tokens: readonly string[]): { ours: string; apache: string } | undefined {
  const base = tokens[0] ?? '';
  if (!/^[nam]/i.test(base)) return { ours: `'${base}' is not a base: use access or modification.`, apache: `bad expires code, unrecognised <base> '${base}'` };
  let i = 1;
  if (/^p/i.test(tokens[i] ?? '')) i++;
  for (; i < tokens.length; i += 2) {
    const num = tokens[i];
    if (!/^\d/.test(num)) return { ours: `'${num}' should be a number.`, apache: `bad expires code, numeric value expected <num> '${num}'` };
    const unit = tokens[i + 1];
    if (unit === undefined) return { ours: `${num} has no unit after it.`, apache: 'bad expires code, missing <type>' };
    const lower = unit.toLowerCase();
    if (!UNITS.some(([prefix]) => lower.startsWith(prefix))) return { ours: `'${unit}' is not a unit.`, apache: `bad expires code, unrecognised <type>'${unit}'` };
  }
  return undefined;
}
