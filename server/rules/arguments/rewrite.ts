// RewriteRule and RewriteCond: a third word is the flags, which mod_rewrite wants inside brackets, [L,R=301] (a
// quoted "[L, R]" is one word; a fourth word is ignored), and the pattern compiles (patterns.ts). mod_rewrite reads
// the flags first, so a line wrong in both is refused for its flags. Each flag's name is looked up in
// data/rewrite-flags.ts, and the two values configtest checks (R's status, BNE's list) are judged.
// https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html#rewriterule
import type { ArgChecker, ArgInput, ArgProblem } from './types';
import { checkPattern } from './patterns';
import { strtol } from './numbers';
import { isBlank } from '../../syntax/lexer';
import { list } from './keywords';
import { closestNames } from '../../catalog/names';
import {
  KNOWN_STATUS_CODES,
  REDIRECT_WORDS,
  REWRITE_COND_FLAGS,
  REWRITE_FLAG_REFUSALS,
  REWRITE_RULE_FLAGS,
  type RewriteFlag,
} from '../../catalog/data/rewrite-flags';

export const checkRewrite: ArgChecker = (input) => {
  if (readOtherwise(input)) return undefined;
  return checkFlags(input) ?? checkPattern(input);
};

/** One item of the flag field as mod_rewrite splits it: the name before the first '=', the value after it. */
interface FlagItem {
  key: string;
  value: string;
}


/**
 * The items of a "[...]" field as mod_rewrite splits it: at every comma, blanks around an item dropped, the name
 * before the first '='. Its reading has two quirks, both seen with apache2 -t: an empty item (`[L,,R]`, `[L,]`,
 * `[]`) is a flag with an empty name, and an item of blanks only (`[L, ,R]`, `[ ]`) makes it take the rest of the
 * field, from that item's comma, with the closing ']' read as a comma, as one name (`,R,`).
 */
function readFlagField(field: string): FlagItem[] {
  const body = `${field.slice(1, -1)},`;
  const items: FlagItem[] = [];
  let at = 0;
  while (at < body.length) {
    const itemStart = at;
    // mod_rewrite trims with C's isspace, the same blanks as apr_isspace.
    while (isBlank(body.charCodeAt(at))) at++;
    if (at >= body.length) break;
    const comma = body.indexOf(',', at);
    let end = comma;
    while (end > at && isBlank(body.charCodeAt(end - 1))) end--;
    const text = comma > at ? body.slice(at, end) : at > itemStart ? body.slice(at) : '';
    const eq = text.indexOf('=');
    items.push(eq < 0 ? { key: text, value: '' } : { key: text.slice(0, eq), value: text.slice(eq + 1) });
    at = comma + 1;
  }
  return items;
}

const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** The flag a name stands for: a whole name in any letter case, or the first letter of a flag that takes any rest. */
function findFlag(flags: readonly RewriteFlag[], key: string): RewriteFlag | undefined {
  const lower = asciiLower(key);
  return flags.find((f) => f.names.some((n) => asciiLower(n) === lower) || (f.anyAfterFirstLetter && lower !== '' && lower[0] === asciiLower(f.names[0][0])));
}

function checkFlags(input: ArgInput): ArgProblem | undefined {
  const { words, node, info } = input;
  const field = words[2];
  if (field === undefined) return undefined;
  const w = node.args[2];
  const at = (message: string, apache: string, value = ''): ArgProblem => ({
    start: w.start,
    end: w.end,
    message: `${message} Apache: "${apache.replace('{name}', info.name).replace('{value}', () => value)}".`,
  });
  if (!(field.length >= 2 && field.startsWith('[') && field.endsWith(']'))) {
    const bare = !field.includes('[') && !field.includes(']') && field !== '';
    return {
      ...at(`${info.name}'s flags go in brackets, as one word: ${bare ? `[${field}]` : '[L,R=301]'}.`, REWRITE_FLAG_REFUSALS.delimiters),
      fixes: bare ? [{ title: `Write the flags as [${field}]`, edits: [{ start: w.start, end: w.end, newText: `[${field}]` }], preferred: true }] : [],
    };
  }
  const rule = info.name.toLowerCase() === 'rewriterule';
  const known = rule ? REWRITE_RULE_FLAGS : REWRITE_COND_FLAGS;
  for (const { key, value } of readFlagField(field)) {
    const flag = findFlag(known, key);
    if (!flag) return at(unknownFlag(rule, key), REWRITE_FLAG_REFUSALS.unknown, key);
    if (flag.value === 'required' && value === '') {
      return at("BNE needs the characters B should leave unescaped, after '=': [B,BNE=/].", REWRITE_FLAG_REFUSALS.required);
    }
    if (flag.value === 'status' && /^[0-9]/.test(value)) {
      // atoi: the digits that start the value; past nine of them the reading depends on overflow, not judged.
      const status = strtol(value).value;
      if (status !== undefined && !KNOWN_STATUS_CODES.has(status)) {
        const read = String(status) === value ? '' : `read as ${status}, `;
        return at(`R=${value} is ${read}not a status code httpd knows (use 301, 302, 303, 307 or 308, or ${list(REDIRECT_WORDS)}).`, REWRITE_FLAG_REFUSALS.status, value);
      }
    }
  }
  return undefined;
}

/** Why a name is no flag, in our words. */
function unknownFlag(rule: boolean, key: string): string {
  const name = rule ? 'RewriteRule' : 'RewriteCond';
  if (key === '') return `A flag with no name (a comma too many, nothing between the brackets, or nothing before '=') is unknown to ${name}.`;
  if (key.startsWith(',')) return `A flag of blanks only makes mod_rewrite read the rest of the brackets as one name, '${key}': remove the extra comma.`;
  const own = rule ? REWRITE_RULE_FLAGS : REWRITE_COND_FLAGS;
  const trimmed = key.replace(/[ \t\n\v\f\r]+$/, '');
  if (trimmed !== key && findFlag(own, trimmed)) return `'${key}' ends in a blank, which mod_rewrite keeps in the name: write ${trimmed}= with no blank before '='.`;
  if (!rule) return `'${key}' is not a RewriteCond flag (use NC, OR or NV, or nocase, ornext, novary).`;
  if (findFlag(REWRITE_COND_FLAGS, key)) return `'${key}' is a RewriteCond flag, not a RewriteRule one.`;
  if (asciiLower(key) === 'backrefnoplus') return "'backrefnoplus' is not what mod_rewrite 2.4 reads, though its manual names it so: write BNP (or backrefernoplus).";
  // A one-letter name is one edit from every one-letter flag: no guess then.
  const close = key.length > 1 ? closestNames(key, REWRITE_RULE_FLAGS.flatMap((f) => f.names), 3) : [];
  const hint = close.length ? `did you mean ${list(close)}?` : `its flags are ${REWRITE_RULE_FLAGS.map((f) => f.names[0]).join(', ')}, and their long names`;
  return `'${key}' is not a RewriteRule flag (${hint}).`;
}

/**
 * mod_rewrite splits its line itself, and not quite as the lexer does: a backslash before a blank keeps the word
 * going, a quote ends a quoted word even after a backslash, and `x="a b"` is two words. A line with one of those
 * in its first three words may hold other words to Apache than to us: it is not judged.
 */
function readOtherwise(input: ArgInput): boolean {
  for (const w of input.node.args.slice(0, 3)) {
    if (w.key !== null && w.quote !== null) return true;
    if (/\\([ \t\n\v\f\r"']|$)/.test(w.raw)) return true;
  }
  return false;
}
