// Conditions httpd 2.4 parses while it reads the configuration: those of <If> and <ElseIf>, `Require expr` and
// SetEnvIfExpr. A syntax error, an unknown variable, function or test, a subnet -R cannot parse or a pattern that
// does not compile makes configtest fail ("Cannot parse condition clause: …"), and so does an <If> condition
// written as several words ("Multiple <If> arguments not supported."), the usual result of leaving out its
// quotes, and an <Else> given a condition.
import type { Fix, Rule, RuleContext, Severity } from './types';
import type { DirectiveNode, Node, SectionNode, Span, Word } from '../syntax/ast';
import { checkExpression, exprEnvironment, type ExprEnvironment, type ExprProblem } from '../catalog/expr-parse';
import { standingOf } from '../catalog/placement';
import { namedDirectives } from '../model/host-index';
import { effectiveWords } from './arguments/words';
import { providerIndex } from '../catalog/require-line';

const EXPR_DOCS = 'https://httpd.apache.org/docs/2.4/expr.html';

export const expressionSyntax: Rule = {
  id: 'expression-syntax',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A condition Apache cannot parse (<If>, <ElseIf>, Require expr, SetEnvIfExpr): its syntax, an unknown variable, function or test, a bad -R subnet or regular expression, an <If> condition left unquoted, or <Else> given one.',
  docUrl: EXPR_DOCS,
  perSection: true,
  check(ctx) {
    const sections = ctx.model.sections;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const kind = section.nameLower;
      if ((kind !== 'if' && kind !== 'elseif' && kind !== 'else') || section.args.length === 0) continue;
      const severity = severityAt(ctx, section);
      if (!severity) continue;
      if (kind === 'else') checkElse(ctx, section, severity);
      else checkCondition(ctx, section, severity);
    }
    for (const node of namedDirectives(ctx.model, 'require')) checkRequireExpr(ctx, node);
    for (const node of namedDirectives(ctx.model, 'setenvifexpr')) {
      const severity = severityAt(ctx, node);
      if (severity && node.args.length > 0) checkSetEnvIfExpr(ctx, node, severity);
    }
  },
};

/** Errors where Apache reads the line, warnings where it may not, nothing where it never does. */
function severityAt(ctx: RuleContext, node: Node): Severity | undefined {
  const reach = standingOf(node, ctx.ast).reach;
  return reach === 'skipped' ? undefined : reach === 'maybe' ? 'warning' : 'error';
}

/**
 * Reports the first problem of `condition`, which stands at document offset `at` character for character
 * (undefined: it does not, and the finding covers `whole`).
 */
function reportProblem(ctx: RuleContext, condition: string, at: number | undefined, whole: Span, what: string, apache: string, severity: Severity): void {
  const env = exprEnvironment(ctx.ast, ctx.seesWholeServer);
  const problem = checkExpression(condition, env);
  if (!problem) return;
  const jammed = problem.jammed ? ' Apache stops on it with "flex scanner jammed", naming no line.' : '';
  // A problem at the end of the condition (something missing) covers the whole condition.
  const placed = at !== undefined && problem.start < condition.length;
  ctx.report({
    start: placed ? at + problem.start : whole.start,
    end: placed ? at + Math.max(problem.end, problem.start + 1) : whole.end,
    severity,
    message: `Apache cannot parse this ${what}: ${problem.message} (configtest: "${apache}").${jammed}`,
    fixes: at !== undefined ? renames(condition, at, problem, env) : [],
  });
}

/**
 * `Require [not] expr …`: mod_authz_core takes the rest of the line as it is written, and drops a pair of double
 * quotes around all of it (no other unquoting: single quotes stay, `\"` stays).
 */
function checkRequireExpr(ctx: RuleContext, node: DirectiveNode): void {
  const args = node.args;
  const p = providerIndex(args[0]?.value);
  const provider = args[p];
  if (!provider || provider.value.toLowerCase() !== 'expr') return;
  const severity = severityAt(ctx, node);
  if (!severity) return;
  const first = args[p + 1];
  if (!first) {
    ctx.report({ start: provider.start, end: provider.end, severity, message: 'Require expr needs a condition after it (configtest: "Cannot parse expression in require line").' });
    return;
  }
  const last = args[args.length - 1];
  let at = first.start;
  let line = ctx.text.slice(at, last.end);
  // A continued line or a Define's ${VAR} is not the text Apache reads: not judged.
  if (/[\r\n]|\$\{/.test(line)) return;
  if (line.length >= 2 && line.startsWith('"') && line.endsWith('"')) {
    line = line.slice(1, -1);
    at++;
  }
  reportProblem(ctx, line, at, { start: first.start, end: last.end }, 'Require expr condition', 'Cannot parse expression in require line', severity);
}

/** SetEnvIfExpr reads its condition as one word (quotes removed), then the variables to set. */
function checkSetEnvIfExpr(ctx: RuleContext, node: DirectiveNode, severity: Severity): void {
  const words = effectiveWords(node, ctx.ast);
  const condition = words && conditionOf(node.args[0], words[0]);
  if (condition === undefined) return;
  reportProblem(ctx, condition, exactOffsets(node.args[0], condition), node.args[0], 'SetEnvIfExpr condition', 'Could not parse expression', severity);
}

function checkCondition(ctx: RuleContext, section: SectionNode, severity: Severity): void {
  const args = section.args;
  const words = effectiveWords(section, ctx.ast);
  if (!words) return;
  const condition = conditionOf(args[0], words[0]);
  if (condition === undefined) return;
  const env = exprEnvironment(ctx.ast, ctx.seesWholeServer);
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
  reportProblem(ctx, condition, exactOffsets(args[0], condition), args[0], `${tag} condition`, 'Cannot parse condition clause', severity);
}

/** `<Else>` takes nothing: its words are removed, or it becomes an <ElseIf> when they are one condition that parses. */
function checkElse(ctx: RuleContext, section: SectionNode, severity: Severity): void {
  const args = section.args;
  const last = args[args.length - 1];
  const fixes: Fix[] = [{ title: 'Remove the condition', edits: [{ start: section.nameSpan.end, end: last.end, newText: '' }] }];
  const words = effectiveWords(section, ctx.ast);
  const condition = words && args.length === 1 ? conditionOf(args[0], words[0]) : undefined;
  const env = exprEnvironment(ctx.ast, ctx.seesWholeServer);
  if (condition && section.close && !checkExpression(condition, env)) {
    // The closing tag as written (any case, blanks around it): `</else>` becomes `</ElseIf>` too; any other
    // spelling of it (a line break inside …) is left alone, with the rename.
    const closeTag = /^(\s*)<\/else\s*>\s*$/i.exec(ctx.text.slice(section.close.start, section.close.end));
    const close = closeTag ? closeTag[1].length : -1;
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
  const inner = innerText(word);
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
  if (innerText(word) !== value || word.end - word.start !== word.raw.length) return undefined;
  return word.start + (word.quote ? 1 : 0);
}

/** A word as written, without its quotes (an unterminated one has no closing quote). */
function innerText(word: Word): string {
  return word.raw.slice(word.quote ? 1 : 0, word.raw.length - (word.quote && !word.unterminated ? 1 : 0));
}

/** One fix per known name an unknown one may be a misspelling of, with which the condition parses. */
function renames(condition: string, at: number, problem: ExprProblem, env: ExprEnvironment): Fix[] {
  const name = problem.name;
  if (!name) return [];
  // Operators are written with their '-'; the name itself starts after it.
  const from = problem.end - name.written.length;
  const fixes: Fix[] = [];
  for (const candidate of name.candidates) {
    const fixed = condition.slice(0, from) + candidate + condition.slice(problem.end);
    // Only a rename after which the whole condition parses: one that leaves another problem repairs nothing yet.
    if (checkExpression(fixed, env)) continue;
    fixes.push({ title: `Change '${name.written}' to '${candidate}'`, edits: [{ start: at + from, end: at + problem.end, newText: candidate }] });
  }
  if (fixes.length === 1) fixes[0].preferred = true;
  return fixes;
}

/** The words of an unquoted condition put in double quotes, when the result is one condition Apache parses. */
function quoteWhole(ctx: RuleContext, args: readonly Word[], env: ExprEnvironment): Fix[] {
  const start = args[0].start;
  const end = args[args.length - 1].end;
  const whole = ctx.text.slice(start, end);
  if (args[0].quote !== null || /["\\\r\n]|\$\{/.test(whole) || checkExpression(whole, env)) return [];
  return [{ title: 'Put the condition in double quotes', edits: [{ start, end, newText: `"${whole}"` }], preferred: true }];
}
