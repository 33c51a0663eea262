// Lists of known words (data/word-lists.ts): the first word Apache does not know stops it. A directive Apache
// hands its words one by one (ITERATE) stops reading them at an empty word (""), so nothing after one is judged;
// one that splits the line itself (RAW_ARGS) reads "" as an unknown word.
import type { ArgChecker } from './types';
import { replaceWord } from './types';
import { wordListRules } from '../../catalog/data/word-lists';
import { closestNames } from '../../catalog/names';
import { list } from './keywords';

export const checkWordList: ArgChecker = (input) => {
  const { info, words, node } = input;
  const rule = wordListRules[info.name.toLowerCase()];
  if (!rule) return undefined;
  const iterate = info.args === 'ITERATE';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (iterate && word === '') break;
    const sign = rule.signs && (word[0] === '+' || word[0] === '-') ? word[0] : '';
    const name = word.slice(sign.length);
    const lower = name.toLowerCase();
    const at = node.args[i];
    const unsigned = sign ? rule.unsigned?.values.find((v) => v.toLowerCase() === lower) : undefined;
    if (unsigned) {
      const fixes = [replaceWord(input, i, unsigned, true)];
      return { start: at.start, end: at.end, message: `${unsigned} takes no + or - in ${info.name}. Apache: "${rule.unsigned!.apache.replace('{value}', name)}".`, fixes };
    }
    if (rule.values.some((v) => v.toLowerCase() === lower)) continue;
    if (rule.keyed?.some((k) => lower.startsWith(k.toLowerCase()))) continue;
    const fixes = name === '' ? [] : closestNames(name, rule.values, 3).map((v, k) => replaceWord(input, i, sign + v, k === 0));
    return {
      start: at.start,
      end: at.end,
      message: `'${name}' is not an option of ${info.name} (use ${list(rule.values)}${rule.signs ? ', each with an optional + or -' : ''}). Apache: "${rule.apache.replace('{value}', name)}".`,
      fixes,
    };
  }
  return undefined;
};
