// IndexOptions (mod_autoindex), read word by word as its add_opts does (data/word-lists.ts: indexOptionsRule): a
// word it does not know, None with a sign, a bare NameWidth/DescriptionWidth, '-' before `Name=value`, a width
// under its minimum stop Apache at that word; None followed by a bare feature in the same section stops it after
// the line (mod_autoindex keeps its options per section, so an IndexOptions None on an earlier line counts).
import type { ArgChecker, ArgInput, ArgProblem } from './types';
import { replaceWord } from './types';
import { argvWords, effectiveWords } from './words';
import { list } from './keywords';
import { indexOptionsRule as RULE, type IndexValuedOption } from '../../catalog/data/word-lists';
import { closestNames } from '../../catalog/names';
import { atoi } from '../../catalog/wsgi-values';
import { innermostFrame, standingOf } from '../../catalog/placement';
import { sectionInfo } from '../../catalog/sections';
import type { ConfigAst, DirectiveNode, Node, Word } from '../../syntax/ast';

const lowerSet = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
const SWITCHES = lowerSet(RULE.switches);
const SETTINGS = lowerSet(RULE.settings);
const NONE = RULE.none.word.toLowerCase();
/** Every word that stands alone, for the closest-name fixes. */
const KNOWN = [...RULE.switches, RULE.none.word, ...RULE.settings, ...RULE.valued.filter((v) => v.bare !== 'unknown').map((v) => v.name)];

export const checkIndexOptions: ArgChecker = (input) => {
  const { node } = input;
  if (!judgeable(node)) return undefined;
  // TAKE_ARGV: a last "" is no word; an earlier one is an empty (unknown) word.
  const words = argvWords(input.words);
  let ownNone = false;
  /** The first bare feature since the line's last None (since its start when it has none). */
  let feature = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const sign = word[0] === '+' || word[0] === '-' ? word[0] : '';
    const name = word.slice(sign.length);
    const lower = name.toLowerCase();
    if (SWITCHES.has(lower)) {
      if (!sign && feature < 0) feature = i;
      continue;
    }
    if (SETTINGS.has(lower)) continue;
    if (lower === NONE) {
      if (sign) return at(input, i, `None takes no + or - in IndexOptions (it switches every feature off). Apache: "${RULE.none.signed}".`, [replaceWord(input, i, name, true)]);
      ownNone = true;
      feature = -1;
      continue;
    }
    const valued = RULE.valued.find((v) => lower === v.name.toLowerCase() || lower.startsWith(`${v.name.toLowerCase()}=`));
    const problem = valued ? valuedProblem(input, i, sign, name, valued) : undefined;
    if (problem === null) continue;
    return problem ?? at(input, i, unknownMessage(word, name), name === '' || valued ? [] : closestNames(name, KNOWN, 3).map((v, k) => replaceWord(input, i, sign + v, k === 0)));
  }
  if (feature < 0) return undefined;
  // Without a None of its own, the line fails only after one read earlier in the section.
  const earlier = ownNone ? false : noneBefore(input);
  if (ownNone || earlier !== false) {
    // No line number: the finding is kept through edits elsewhere, which move the lines (the incremental analysis).
    const where = earlier === false ? '' : ' (an IndexOptions None earlier in this section, which holds for the rest of it)';
    return at(
      input,
      feature,
      `'${words[feature]}' switches a feature on after None${where}: None clears every feature and cannot be combined with one (a bare feature already replaces the inherited ones, so None is not needed). Apache: "${RULE.none.combined}".`,
    );
  }
  return undefined;
};

/**
 * A `Name` or `Name=value` word: null when Apache takes it, its problem when it refuses it, undefined when the
 * name is not an option on its own (Type, Charset without `=`).
 */
function valuedProblem(input: ArgInput, i: number, sign: string, name: string, v: IndexValuedOption): ArgProblem | null | undefined {
  if (name.length === v.name.length) {
    if (v.bare === 'unknown') return undefined;
    if (v.bare === 'any' || sign === '-') return null;
    return at(input, i, `${v.name} without a value is only '-${v.name}' (back to the default width); to set it, write ${v.name}=n or ${v.name}=* (fit the longest). Apache: "${v.bare.minusOnly}".`);
  }
  const value = name.slice(v.name.length + 1);
  if (sign === '-' && v.minusWithValue) {
    return at(input, i, `A '-' goes only before the bare word (-${v.name}), not before ${v.name}=${value}: drop the '-' to set the value. Apache: "${v.minusWithValue}".`);
  }
  if (!v.width || value[0] === '*') return null;
  const width = atoi(value);
  if (width === 0 || width >= v.width.min) return null;
  const read = String(width) === value ? '' : ` reads as ${width}, and`;
  return at(input, i, `${v.name}=${value}${read} is too narrow: a width must be at least ${v.width.min} (or * to fit the longest). Apache: "${v.width.apache}".`);
}

function unknownMessage(word: string, name: string): string {
  const apache = ` Apache: "${RULE.unknown}".`;
  if (word === '') return `An empty word is not an option of IndexOptions.${apache}`;
  const keyed = RULE.valued.find((v) => v.bare === 'unknown' && v.name.toLowerCase() === name.toLowerCase());
  if (keyed) return `${keyed.name} is an option of IndexOptions only with a value: ${keyed.name}=….${apache}`;
  const valued = RULE.valued.filter((v) => v.bare !== 'unknown').map((v) => v.name);
  const keys = RULE.valued.filter((v) => v.bare === 'unknown').map((v) => `${v.name}=`);
  return `'${word}' is not an option of IndexOptions (features: ${list(RULE.switches)}, each with an optional + or -; also None, ${list([...RULE.settings, ...valued, ...keys])}).${apache}`;
}

function at(input: ArgInput, i: number, message: string, fixes?: ArgProblem['fixes']): ArgProblem {
  const w = input.node.args[i];
  return { start: w.start, end: w.end, message, fixes };
}

/**
 * A word quoted after `Name=` (`NameWidth="3"`) is read by our lexer as one value without quotes, where Apache keeps
 * the quotes (and ends the word at a blank): such lines are not judged.
 */
function judgeable(node: DirectiveNode): boolean {
  return !node.args.some(quotedInside);
}

const quotedInside = (w: Word) => w.quote !== null && w.raw[0] !== w.quote;

/**
 * Whether an IndexOptions line read before this one in the same section (the options mod_autoindex keeps for it:
 * <IfModule> and the like, <Limit> and <LimitExcept> share it) holds a bare None: the 0-based line of the first
 * such, else false. Only lines Apache surely reads count.
 */
function noneBefore(input: ArgInput): number | false {
  const owner = innermostFrame(input.standing, (p) => p !== 'limit')?.section;
  return noneIn(owner ? owner.children : input.ast.children, input.node, input.ast) ?? false;
}

/** Searches `nodes` in order up to `stop`: a line number, false when `stop` was reached first, undefined when not. */
function noneIn(nodes: readonly Node[], stop: DirectiveNode, ast: ConfigAst): number | false | undefined {
  for (const n of nodes) {
    if (n === stop) return false;
    if (n.kind === 'section') {
      const shared = sectionInfo(n.nameLower)?.transparent || n.nameLower === 'limit' || n.nameLower === 'limitexcept';
      if (!shared) continue;
      const found = noneIn(n.children, stop, ast);
      if (found !== undefined) return found;
    } else if (n.kind === 'directive' && n.nameLower === 'indexoptions' && judgeable(n) && standingOf(n, ast).reach === 'active') {
      const words = effectiveWords(n, ast);
      if (words && argvWords(words).some((w) => w.toLowerCase() === NONE)) return n.firstLine;
    }
  }
  return undefined;
}
