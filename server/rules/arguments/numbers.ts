// Number arguments (data/numbers.ts), read as the module reads them: a whole integer, C's atoi, or a timeout
// with an optional unit. A value whose reading depends on overflow is left alone.
import type { ArgChecker } from './types';
import { numberRules, type NumberRule } from '../../catalog/data/numbers';

const MAX_DIGITS = 9;

export const checkNumber: ArgChecker = (input) => {
  const { info, words, node } = input;
  const rule = numberRules[info.name.toLowerCase()];
  if (!rule || words.length === 0) return undefined;
  const value = words[0];
  // An empty "" is a missing argument to Apache: argument-count's.
  if (value === '') return undefined;
  if (rule.keywords?.some((k) => k.toLowerCase() === value.toLowerCase())) return undefined;
  const read = readNumber(rule, value);
  if (read === 'unknown' || (read !== 'bad' && inRange(rule, read))) return undefined;
  const w = node.args[0];
  return {
    start: w.start,
    end: w.end,
    message: `'${w.raw}' is not ${expected(rule)} for ${info.name}. Apache: "${rule.apache.replace('{value}', value)}".`,
  };
};

/** The number Apache reads, 'bad' when it refuses the word's form, 'unknown' when the reading depends on overflow. */
function readNumber(rule: NumberRule, word: string): number | 'bad' | 'unknown' {
  const { value, digits, rest } = strtol(word);
  if (value === undefined) return 'unknown';
  if (rule.read === 'atoi') return value;
  if (!digits) return 'bad';
  if (rule.read === 'integer') return rest === '' ? value : 'bad';
  // timeout: no unit (seconds), or s, h, ms, mi… with anything after it; never negative.
  if (value < 0 || !(rest === '' || /^(?:[sh]|m[si])/.test(rest))) return 'bad';
  return value;
}

/**
 * C's strtol in base 10, as atoi and the modules' integer readers use it: blanks, a sign, digits. `value` is 0 when
 * there are no digits, undefined past nine significant ones (where overflow rules decide); `rest` follows the digits.
 */
export function strtol(word: string): { value: number | undefined; digits: boolean; rest: string } {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(word)!;
  const significant = m[2].replace(/^0+(?=\d)/, '');
  const value = significant.length > MAX_DIGITS ? undefined : significant === '' ? 0 : (m[1] === '-' ? -1 : 1) * Number(significant);
  return { value, digits: m[2] !== '', rest: word.slice(m[0].length) };
}

function inRange(rule: NumberRule, n: number): boolean {
  return (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
}

function expected(rule: NumberRule): string {
  const range = rule.min !== undefined && rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : rule.min === 1 ? ' above zero' : rule.min === 0 ? ' of 0 or more' : rule.min !== undefined ? ` of at least ${rule.min}` : '';
  const what =
    rule.read === 'timeout'
      ? 'a time in seconds (or with a unit: 500ms, 2min, 1h)'
      : rule.read === 'integer'
        ? `a whole number${range}, digits only`
        : `a number${range}`;
  return rule.keywords ? `${rule.keywords.join(', ')} or ${what}` : what;
}
