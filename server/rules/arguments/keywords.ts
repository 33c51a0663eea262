// On/Off for FLAG directives and the keyword tables of data/keywords.ts, compared case-insensitively.
import type { ArgChecker, ArgInput } from './types';
import { replaceWord } from './types';
import { keywordRules, SWITCH_SYNONYMS } from '../../catalog/data/keywords';
import { closestNames } from '../../catalog/names';

export const checkKeyword: ArgChecker = (input) => {
  const { info, words, node } = input;
  const rule = keywordRules[info.name.toLowerCase()] ?? (info.args === 'FLAG' ? { values: ['On', 'Off'], apache: `${info.name} must be On or Off` } : undefined);
  // Counts are argument-count's; Apache judges the first word only.
  if (!rule || words.length === 0) return undefined;
  const value = words[0];
  if (rule.values.some((v) => (rule.exact ? v === value : v.toLowerCase() === value.toLowerCase()))) return undefined;
  const w = node.args[0];
  return {
    start: w.start,
    end: w.end,
    message: `'${w.raw}' is not a valid value for ${info.name}: use ${list(rule.values)}${rule.exact ? ', written exactly so' : ' (any letter case)'}. Apache: "${rule.apache.replace('{value}', value)}".`,
    fixes: suggestions(input, value, rule.values),
  };
};

function suggestions(input: ArgInput, value: string, values: readonly string[]) {
  const synonym = SWITCH_SYNONYMS[value.toLowerCase()];
  // Where the module compares exactly, the same word in its own letter case is the meaning (closestNames skips it).
  const sameLetters = values.find((v) => v !== value && v.toLowerCase() === value.toLowerCase());
  const preferred = sameLetters ?? (synonym && values.includes(synonym) ? synonym : closestNames(value, values, 1)[0]);
  const rest = values.filter((v) => v !== preferred);
  return [...(preferred ? [replaceWord(input, 0, preferred, true)] : []), ...rest.map((v) => replaceWord(input, 0, v, false))];
}

export function list(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0];
}
