// The condition of <If> and <ElseIf> is parsed while Apache reads the configuration: a syntax error, an unknown
// variable, function or test, a subnet -R cannot parse or a pattern that does not compile makes configtest fail
// ("Cannot parse condition clause: …"), and so does a condition written as several words ("Multiple <If>
// arguments not supported."), the usual result of leaving out its quotes.
import type { Fix, Rule, RuleContext } from './types';
import type { SectionNode, Word } from '../syntax/ast';
import { checkExpression, type ExprProblem } from '../catalog/expr-parse';
import { moduleReachAt, standingOf } from '../catalog/placement';
import { effectiveWords } from './arguments/words';

const EXPR_DOCS = 'https://httpd.apache.org/docs/2.4/expr.html';

export const expressionSyntax: Rule = {
  id: 'expression-syntax',
  defaultSeverity: 'error',
  fixable: true,
  description: 'An <If> or <ElseIf> condition Apache cannot parse: its syntax, an unknown variable, function or test, a bad -R subnet or regular expression, a condition left unquoted, or <Else> given one.',
  docUrl: EXPR_DOCS,
  perSection: true,
  check(ctx) {
    const sections = ctx.model.sections;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const kind = section.nameLower;
      if ((kind !== 'if' && kind !== 'elseif' && kind !== 'else') || section.args.length === 0) continue;
      const reach = standingOf(section, ctx.ast).reach;
      if (reach === 'skipped') continue;
      const severity = reach === 'maybe' ? 'warning' : 'error';
      if (kind === 'else') checkElse(ctx, section, severity);
      else checkCondition(ctx, section, severity);
    }
  },
};

function checkCondition(ctx: RuleContext, section: SectionNode, severity: 'error' | 'warning'): void {
  const args = section.args;
  const words = effectiveWords(section, ctx.ast);
  if (!words) return;
  const condition = conditionOf(args[0], words[0]);
  if (condition === undefined) return;
  const env = { moduleReach: (id: string) => moduleReachAt(id, section.start, ctx.ast) };
  const tag = `<${section.name}>`;
  if (args.length > 1) {
    const start = args[0].start;
    const end = args[args.length - 1].end;
    const first = args[0].quote === null ? `only '${words[0]}' as the condition` : 'the first word as the condition';
    ctx.report({
      start,
      end,
      severity,
      message: `The ${tag} condition must be one word: Apache reads ${first} and refuses the rest ("Multiple ${tag} arguments not supported."). Put the whole condition in double quotes.`,
      fixes: quoteWhole(ctx, args, env),
    });
    return;
  }
  const problem = checkExpression(condition, env);
  if (!problem) return;
  const word = args[0];
  const at = exactOffsets(word, condition);
  const jammed = problem.jammed ? ' Apache stops on it with "flex scanner jammed", naming no line.' : '';
  ctx.report({
    start: at ? at + problem.start : word.start,
    end: at ? at + Math.max(problem.end, problem.start + 1) : word.end,
    severity,
    message: `Apache cannot parse this ${tag} condition: ${problem.message} (configtest: "Cannot parse condition clause").${jammed}`,
    fixes: at ? renames(condition, at, problem, env) : [],
  });
}

/** `<Else>` takes nothing: its words are removed, or it becomes an <ElseIf> when they are one condition that parses. */
function checkElse(ctx: RuleContext, section: SectionNode, severity: 'error' | 'warning'): void {
  const args = section.args;
  const last = args[args.length - 1];
  const fixes: Fix[] = [{ title: 'Remove the condition', edits: [{ start: section.nameSpan.end, end: last.end, newText: '' }] }];
  const words = effectiveWords(section, ctx.ast);
  const condition = words && args.length === 1 ? conditionOf(args[0], words[0]) : undefined;
  const env = { moduleReach: (id: string) => moduleReachAt(id, section.start, ctx.ast) };
  if (condition && section.close && !checkExpression(condition, env)) {
    // The closing tag as written (any case): `</else>` becomes `</ElseIf>` too.
    const close = ctx.text.slice(section.close.start, section.close.end).toLowerCase().indexOf('</else');
    if (close >= 0) {
      const renamed = (at: number) => ({ start: at, end: at + 'else'.length, newText: 'ElseIf' });
      fixes.push({ title: 'Make it <ElseIf> with this condition', edits: [renamed(section.nameSpan.start + 1), renamed(section.close.start + close + 2)] });
    }
  }
  ctx.report({
    start: args[0].start,
    end: last.end,
    severity,
    message: `<${section.name}> takes no condition: Apache stops with "<Else> does not take an argument". For a condition of its own, use <ElseIf "…">.`,
    fixes,
  });
}

/**
 * The condition as httpd's ap_getword_conf hands it over: quotes removed, and `\\` as well as a backslash before
 * the word's own quote read as the character after it (our words keep `\\`). With ${VAR} substituted and a
 * backslash, undefined: which came first is not worth a guess.
 */
function conditionOf(word: Word, substituted: string): string | undefined {
  if (word.raw.includes('${')) return substituted.includes('\\') ? undefined : substituted;
  const open = word.quote ? 1 : 0;
  const inner = word.raw.slice(open, word.raw.length - (word.quote && !word.unterminated ? 1 : 0));
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && (inner[i + 1] === '\\' || (word.quote !== null && inner[i + 1] === word.quote))) i++;
    out += inner[i];
  }
  return out;
}

/**
 * Where the condition's first character stands in the document, when each character of the value is written
 * as itself (no escapes, no ${VAR}, no line continuation inside the word); undefined otherwise.
 */
function exactOffsets(word: Word, value: string): number | undefined {
  const open = word.quote ? 1 : 0;
  const close = word.quote && !word.unterminated ? 1 : 0;
  const inner = word.raw.slice(open, word.raw.length - close);
  if (inner !== value || word.end - word.start !== word.raw.length) return undefined;
  return word.start + open;
}

/** One fix per known name an unknown one may be a misspelling of, each checked to parse past that name. */
function renames(condition: string, at: number, problem: ExprProblem, env: Parameters<typeof checkExpression>[1]): Fix[] {
  const name = problem.name;
  if (!name) return [];
  // Operators are written with their '-'; the name itself starts after it.
  const from = problem.end - name.written.length;
  const fixes: Fix[] = [];
  for (const candidate of name.candidates) {
    const fixed = condition.slice(0, from) + candidate + condition.slice(problem.end);
    const again = checkExpression(fixed, env);
    if (again && again.start <= from) continue;
    fixes.push({ title: `Change '${name.written}' to '${candidate}'`, edits: [{ start: at + from, end: at + problem.end, newText: candidate }] });
  }
  if (fixes.length === 1) fixes[0].preferred = true;
  return fixes;
}

/** The words of an unquoted condition put in double quotes, when the result is one condition Apache parses. */
function quoteWhole(ctx: RuleContext, args: readonly Word[], env: Parameters<typeof checkExpression>[1]): Fix[] {
  const start = args[0].start;
  const end = args[args.length - 1].end;
  const whole = ctx.text.slice(start, end);
  if (args[0].quote !== null || /["\\\r\n]|\$\{/.test(whole) || checkExpression(whole, env)) return [];
  return [{ title: 'Put the condition in double quotes', edits: [{ start, end, newText: `"${whole}"` }], preferred: true }];
}
