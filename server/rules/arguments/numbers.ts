// Number arguments (data/numbers.ts), read as the module reads them: a whole integer, C's atoi, or a timeout
// with an optional unit. A value whose reading depends on overflow is left alone.
import type { ArgChecker } from './types';
import { numberRules, type NumberRule } from '../../catalog/data/numbers';

/** C's isspace: the blanks strtol and atoi skip before the number. */
const LEADING = /^[ \t\n\v\f\r]*/;
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
  const rest = word.slice(LEADING.exec(word)![0].length);
  const m = /^([+-]?)(\d*)/.exec(rest)!;
  const digits = m[2].replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return 'unknown';
  const n = digits === '' ? 0 : (m[1] === '-' ? -1 : 1) * Number(digits);
  const after = rest.slice(m[0].length);
  if (rule.read === 'atoi') return n;
  if (m[2] === '') return 'bad';
  if (rule.read === 'integer') return after === '' ? n : 'bad';
  // timeout: no unit (seconds), or s, h, ms, mi… with anything after it; never negative.
  if (n < 0 || !(after === '' || /^(?:[sh]|m[si])/.test(after))) return 'bad';
  return n;
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
