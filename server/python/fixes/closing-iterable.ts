// Fixes that return a wrapper iterable whose close() closes the wrapped application's response: the only right
// fix when the middleware returns a lazy generator over the response, and the exact-timing alternative for
// generator middleware (the application runs when the middleware is called; close() reaches it when the server
// closes the response, even if iteration never started).
import type { Fix, TextEditSpan } from '../../rules/types';
import { descendants, isDocstring, kid, kids, same, SCOPES, statementIn, statementsOf, textOf, type PythonSource, type SyntaxNode } from '../syntax';
import { bindingsDeep, moduleBindings } from '../scope';
import type { AppCall, Middleware } from '../middleware';
import { block, contentEnd, indentEdits, lineEndOf, lineIndentation, lineStartOf, ownsLines } from '../text';
import { fresh, hoistable, indentOf, layoutOf, lineStart, outside, type Layout } from './common';
import { closeLines } from './try-finally';

const CLASS_NAME = 'ClosingIterable';

function classLines(name: string, u: string): string[] {
  return [
    `class ${name}:`,
    `${u}"""Iterates \`iterator\`; close() closes it and then \`wrapped\`, the wrapped application's response (PEP 3333)."""`,
    '',
    `${u}def __init__(self, iterator, wrapped):`,
    `${u}${u}self._iterator = iter(iterator)`,
    `${u}${u}self._wrapped = wrapped`,
    '',
    `${u}def __iter__(self):`,
    `${u}${u}return self`,
    '',
    `${u}def __next__(self):`,
    `${u}${u}return next(self._iterator)`,
    '',
    `${u}def close(self):`,
    `${u}${u}try:`,
    ...closeLines('self._iterator', u).map((x) => u + u + u + x),
    `${u}${u}finally:`,
    ...closeLines('self._wrapped', u).map((x) => u + u + u + x),
  ];
}

/**
 * The wrapper class's name, and the edit that defines it at module level unless the file already has it (a fix
 * applied before). It goes before the first module statement that is not an import or the docstring, so every fix
 * that needs it inserts at the same place and `--fix` never defines it twice.
 */
function closingClass(l: Layout): { name: string; edits: TextEditSpan[] } | null {
  const { src } = l;
  const bindings = moduleBindings(src);
  for (let i = 1; i <= 3; i++) {
    const name = i === 1 ? CLASS_NAME : `${CLASS_NAME}_${i}`;
    const bound = bindings.filter((b) => b.name === name);
    if (bound.length === 0) {
      const at = statementsOf(src.top).find((s) => s.name !== 'ImportStatement' && !isDocstring(s));
      // An indented module statement: Python rejects the file (the parser does not), and a class at column 0
      // before it would break the parser's reading too.
      if (!at || lineIndentation(src.text, at.from) !== '') return null;
      const pos = lineStartOf(src.text, at.from);
      // Two blank lines around a top-level class (PEP 8), counting those already above it.
      const gap = pos === 0 ? 0 : Math.max(0, 2 - blankLinesBefore(src.text, pos));
      return { name, edits: [{ start: pos, end: pos, newText: l.eol.repeat(gap) + classLines(name, l.unit).join(l.eol) + l.eol.repeat(3) }] };
    }
    const cls = bound[0].statement;
    if (bound.length === 1 && cls.name === 'ClassDefinition' && hasMethod(src, cls, 'close')) return { name, edits: [] };
  }
  return null;
}

function blankLinesBefore(text: string, pos: number): number {
  let count = 0;
  for (let end = pos; end > 0; ) {
    const start = lineStartOf(text, end - 1);
    if (text.slice(start, end).trim() !== '') break;
    count++;
    end = start;
  }
  return count;
}

function hasMethod(src: PythonSource, cls: SyntaxNode, method: string): boolean {
  const body = kid(cls, 'Body');
  return !!body && statementsOf(body).some((s) => s.name === 'FunctionDefinition' && textOf(src, kid(s, 'VariableName')!) === method);
}

/** `return (f(x) for x in app(environ, sr))` → `name = app(…)` then `return ClosingIterable((f(x) for x in name), name)`. */
export function lazyReturnFix(src: PythonSource, mw: Middleware, call: AppCall): Fix | null {
  const use = call.use;
  const ret = use?.statement;
  if (!use || !use.lazy || use.variable || mw.generator || !ret || ret.name !== 'ReturnStatement' || !ownsLines(src, ret)) return null;
  const value = ret.lastChild;
  if (!value || value.name === 'return' || !hoistable(call.call, ret)) return null;
  const l = layoutOf(src, mw);
  const cls = closingClass(l);
  if (!cls) return null;
  const name = fresh(l, 'iterable');
  const edits: TextEditSpan[] = [
    ...cls.edits,
    { start: lineStart(src, ret), end: lineStart(src, ret), newText: `${indentOf(src, ret)}${name} = ${textOf(src, call.call)}${l.eol}` },
    { start: value.from, end: value.from, newText: `${cls.name}(` },
    { start: call.call.from, end: call.call.to, newText: name },
    { start: value.to, end: value.to, newText: `, ${name})` },
  ];
  return { title: `Return a ${cls.name} that closes the response`, edits, preferred: true };
}

/**
 * Generator middleware → an inner generator over the response, returned inside a ClosingIterable: the statements
 * from the loop to the end of the function move into `def generate():`. Offered only when that move keeps the
 * program: the loop is a statement of the function's own body, nothing before it yields or returns, and the moved
 * statements bind no name the rest of the function binds too.
 */
export function chainedFix(src: PythonSource, mw: Middleware, call: AppCall): Fix | null {
  const use = call.use;
  const body = kid(mw.fn, 'Body');
  if (!use || use.lazy || use.closed || (use.wrapped && use.variable) || !mw.generator || !body) return null;
  const stmts = statementsOf(body);
  const anchor = use.variable ? use.variable.assignment : use.statement;
  const at = stmts.findIndex((s) => same(s, anchor));
  if (at < 0 || (!use.variable && !hoistable(call.call, anchor))) return null;
  const kept = use.variable ? stmts.slice(0, at + 1) : stmts.slice(0, at);
  const moved = use.variable ? stmts.slice(at + 1) : stmts.slice(at);
  const holder = statementIn(body, use.statement);
  if (!moved.length || !moved.every((s) => ownsLines(src, s)) || !holder || holder.from < anchor.from) return null;
  // The statements themselves and what they hold in the function's own scope (not inside a nested def or class).
  const own = (nodes: SyntaxNode[]) => nodes.flatMap((s) => (SCOPES.has(s.name) || s.name === 'DecoratedStatement' ? [s] : [s, ...descendants(s)]));
  if (own(kept).some((n) => n.name === 'yield' || n.name === 'ReturnStatement')) return null;
  if (own(stmts).some((n) => n.name === 'ScopeStatement')) return null;
  const bound = (nodes: SyntaxNode[]) => new Set(nodes.flatMap((s) => bindingsDeep(src, s)).map((b) => b.name));
  const outer = bound(kept);
  kids(kid(mw.fn, 'ParamList')!).filter((p) => p.name === 'VariableName').forEach((p) => outer.add(textOf(src, p)));
  if ([...bound(moved)].some((n) => outer.has(n))) return null;

  const l = layoutOf(src, mw);
  const cls = closingClass(l);
  if (!cls) return null;
  const name = use.variable ? use.variable.name : fresh(l, 'iterable');
  const gen = fresh(l, 'generate');
  const first = moved[0];
  const last = moved[moved.length - 1];
  const ind = indentOf(src, first);
  const hoist = use.variable ? '' : `${ind}${name} = ${textOf(src, call.call)}${l.eol}`;
  const end = lineEndOf(src.text, contentEnd(src.text, last));
  const edits: TextEditSpan[] = [
    ...cls.edits,
    { start: lineStart(src, first), end: lineStart(src, first), newText: `${hoist}${ind}def ${gen}():${l.eol}${l.unit}` },
    ...outside(indentEdits(src, first.from, contentEnd(src.text, last), l.unit, true), call.call),
    ...(use.variable ? [] : [{ start: call.call.from, end: call.call.to, newText: name }]),
    { start: end, end, newText: l.eol + block([`return ${cls.name}(${gen}(), ${name})`], ind, l.eol) },
  ];
  return { title: `Call the application at once and return a ${cls.name} whose close() closes its response`, edits, preferred: true };
}
