// Regular expressions Apache compiles while it reads a line (data/patterns.ts): a pattern PCRE refuses stops it.
// pcreCompileError is conservative: a pattern it cannot judge passes.
import type { ArgChecker } from './types';
import { patternRules } from '../../catalog/data/patterns';
import { pcreCompileError } from '../../catalog/wsgi-regex';

/** RewriteCond patterns that are no regular expression: comparisons (=, <, >, <=, >=) and tests (-f, -d, -lt …). */
const CONDITION_TEST = /^[=<>-]/;

export const checkPattern: ArgChecker = (input) => {
  const { info, words, node } = input;
  const lower = info.name.toLowerCase();
  const rule = patternRules[lower];
  if (!rule || words.length <= rule.at) return undefined;
  // RewriteCond expr "…" holds an expression, not a test string and pattern.
  if (lower === 'rewritecond' && words[0].toLowerCase() === 'expr') return undefined;
  const written = words[rule.at];
  const pattern = rule.negatable && written.startsWith('!') ? written.slice(1) : written;
  if (pattern === '' || (lower === 'rewritecond' && CONDITION_TEST.test(pattern))) return undefined;
  const why = pcreCompileError(rule.rawBackslashes ? pattern : confWord(pattern));
  if (!why) return undefined;
  const w = node.args[rule.at];
  return { start: w.start, end: w.end, message: `The pattern '${pattern}' does not compile (${why}). Apache: "${rule.apache.replace('{value}', pattern)}".` };
};

/**
 * A word as httpd's word reader (ap_getword_conf) hands it to a directive or section: `\\` is one backslash to it
 * (`AliasMatch ^/a\\(b` compiles `^/a\(b`), where our lexer keeps both.
 */
export function confWord(value: string): string {
  return value.includes('\\\\') ? value.replace(/\\\\/g, '\\') : value;
}
