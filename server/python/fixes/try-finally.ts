// wsgi-middleware-close's fix: keep a reference to the response, iterate it inside `try`, and close it in `finally`
// when it has close(). An existing try (the error-reporting middleware) keeps its except clauses and bodies: it
// gains the finally clause, and the reference starts as None before it so the finally never meets an unbound name.
import type { Fix, TextEditSpan } from '../../rules/types';
import { isAncestor, kid, same, statementIn, statementsOf, textOf, type SyntaxNode } from '../syntax';
import { finallyBody, type AppCall, type Middleware, type Use } from '../middleware';
import { block, contentEnd, indentEdits, lineEndOf, ownsLines, shortCode } from '../text';
import { fresh, hoistable, indentOf, layoutOf, lineStart, outside, type Layout } from './common';
import type { PythonSource } from '../syntax';

export const closeLines = (name: string, unit: string) => [`if hasattr(${name}, 'close'):`, `${unit}${name}.close()`];

const LOOPS = new Set(['ForStatement', 'WhileStatement']);

/** The try whose first block holds `stmt`, with no loop between them (a loop would open several responses). */
function enclosingTry(stmt: SyntaxNode, fn: SyntaxNode): SyntaxNode | null {
  for (let a = stmt.parent; a && !same(a, fn); a = a.parent) {
    if (LOOPS.has(a.name) || a.name === 'ComprehensionExpression') return null;
    if (a.name === 'Body' && a.parent?.name === 'TryStatement' && same(kid(a.parent, 'Body'), a)) return a.parent;
  }
  return null;
}

export function tryFinallyFix(src: PythonSource, mw: Middleware, call: AppCall): Fix | null {
  const use = call.use;
  if (!use || use.lazy || use.closed || (use.variable && use.wrapped)) return null;
  const layout = layoutOf(src, mw);
  const edits = use.variable ? variableEdits(layout, mw, use) : directEdits(layout, mw, call, use);
  return edits && { title: `Close the response of ${shortCode(textOf(src, call.call))} in a finally block`, edits, preferred: true };
}

/** `for x in app(environ, start_response):` → `name = app(…)`, then `try: for x in name: … finally: close`. */
function directEdits(l: Layout, mw: Middleware, call: AppCall, use: Use): TextEditSpan[] | null {
  const { src, eol, unit } = l;
  const s = use.statement;
  if (!ownsLines(src, s) || !hoistable(call.call, s)) return null;
  const name = fresh(l, 'iterable');
  const ind = indentOf(src, s);
  const hoist = `${ind}${name} = ${textOf(src, call.call)}${eol}`;
  const replace = { start: call.call.from, end: call.call.to, newText: name };
  const t = enclosingTry(s, mw.fn);
  if (t) {
    const finallyEdits = addFinally(l, t, name);
    if (!finallyEdits || !ownsLines(src, t)) return null;
    return [{ start: lineStart(src, t), end: lineStart(src, t), newText: `${indentOf(src, t)}${name} = None${eol}` }, { start: lineStart(src, s), end: lineStart(src, s), newText: hoist }, replace, ...finallyEdits];
  }
  return [
    { start: lineStart(src, s), end: lineStart(src, s), newText: `${hoist}${ind}try:${eol}${unit}` },
    ...outside(indentEdits(src, s.from, contentEnd(src.text, s), unit, true), call.call),
    replace,
    ...finallyAfter(l, s, ind, name),
  ];
}

/** `result = app(…)` … `for x in result:` → the statements after the assignment go inside try/finally. */
function variableEdits(l: Layout, mw: Middleware, use: Use): TextEditSpan[] | null {
  const { src, eol, unit } = l;
  const { name, assignment } = use.variable!;
  const t = enclosingTry(use.statement, mw.fn);
  if (t) {
    const finallyEdits = addFinally(l, t, name);
    if (!finallyEdits) return null;
    const inside = isAncestor(t, assignment);
    if (!inside && !(assignment.parent && isAncestor(assignment.parent, t) && assignment.to <= t.from)) return null;
    if (inside && (!ownsLines(src, t) || enclosingTry(assignment, mw.fn)?.from !== t.from)) return null;
    const none = inside ? [{ start: lineStart(src, t), end: lineStart(src, t), newText: `${indentOf(src, t)}${name} = None${eol}` }] : [];
    return [...none, ...finallyEdits];
  }
  const blockNode = assignment.parent;
  const last = blockNode && statementIn(blockNode, use.statement);
  if (!blockNode || !last || last.from < assignment.to) return null;
  const wrapped = statementsOf(blockNode).filter((s) => s.from >= assignment.to && s.to <= last.to);
  const first = wrapped[0];
  if (!first || !wrapped.every((s) => ownsLines(src, s))) return null;
  const ind = indentOf(src, assignment);
  return [
    { start: lineStart(src, first), end: lineStart(src, first), newText: `${ind}try:${eol}${unit}` },
    ...indentEdits(src, first.from, contentEnd(src.text, last), unit, true),
    ...finallyAfter(l, last, ind, name),
  ];
}

function finallyAfter(l: Layout, last: SyntaxNode, ind: string, name: string): TextEditSpan[] {
  const at = lineEndOf(l.src.text, contentEnd(l.src.text, last));
  const lines = ['finally:', ...closeLines(name, l.unit).map((x) => l.unit + x)];
  return [{ start: at, end: at, newText: l.eol + block(lines, ind, l.eol) }];
}

/** Adds the close to the try's finally: a new clause after its last one, or first thing in an existing one. */
function addFinally(l: Layout, t: SyntaxNode, name: string): TextEditSpan[] | null {
  const fin = finallyBody(t);
  if (!fin) return finallyAfter(l, t, indentOf(l.src, t), name);
  const first = statementsOf(fin)[0];
  if (!first || !ownsLines(l.src, first)) return null;
  const ind = indentOf(l.src, first);
  return [{ start: lineStart(l.src, first), end: lineStart(l.src, first), newText: block(closeLines(name, l.unit), ind, l.eol) + l.eol }];
}
