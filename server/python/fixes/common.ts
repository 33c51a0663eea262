// What the middleware fixes share: the file's layout (line break, indentation step), fresh names, and whether a
// call can be hoisted into `name = call` on the line before its statement without changing when it runs.
import { kids, same, type PythonSource, type SyntaxNode } from '../syntax';
import { namesIn } from '../scope';
import { eolOf, freshName, indentUnit, lineIndentation, lineStartOf } from '../text';
import type { Middleware } from '../middleware';

export interface Layout {
  src: PythonSource;
  eol: string;
  unit: string;
  /** Names already used in the middleware function: a new local must avoid them. */
  taken: Set<string>;
}

export function layoutOf(src: PythonSource, mw: Middleware): Layout {
  return { src, eol: eolOf(src.text), unit: indentUnit(src, mw.fn), taken: namesIn(src, mw.fn) };
}

export function fresh(layout: Layout, base: string): string {
  const name = freshName(base, layout.taken);
  layout.taken.add(name);
  return name;
}

export const indentOf = (src: PythonSource, node: SyntaxNode) => lineIndentation(src.text, node.from);
export const lineStart = (src: PythonSource, node: SyntaxNode) => lineStartOf(src.text, node.from);

/** Parents through which a value is computed exactly once, unconditionally, when its statement runs. */
const STRAIGHT = new Set([
  'ParenthesizedExpression', 'ArgList', 'CallExpression', 'MemberExpression', 'ForStatement', 'YieldStatement',
  'YieldExpression', 'AssignStatement', 'ReturnStatement', 'ExpressionStatement', 'ArrayExpression', 'TupleExpression',
]);
const COMPREHENSIONS = new Set(['ComprehensionExpression', 'ArrayComprehensionExpression', 'SetComprehensionExpression', 'DictionaryComprehensionExpression']);

/**
 * True when `node` is evaluated once, before anything else that could fail, each time `stmt` runs: then
 * `x = node` on the line before is the same program. A comprehension's first iterable qualifies; its later
 * clauses, conditional expressions and `and`/`or` operands do not.
 */
export function hoistable(node: SyntaxNode, stmt: SyntaxNode): boolean {
  for (let cur = node; !same(cur, stmt); ) {
    const p = cur.parent;
    if (!p) return false;
    const firstIn = kids(p).find((k) => k.name === 'in');
    const comprehension = COMPREHENSIONS.has(p.name) || (p.name === 'ArgList' && firstIn);
    if (comprehension) {
      if (!firstIn || !same(firstIn.nextSibling, cur)) return false;
    } else if (!STRAIGHT.has(p.name)) return false;
    cur = p;
  }
  return true;
}

/**
 * Drops line-start insertions that fall inside `span`: a call spread over several lines is replaced by a name, and
 * its text moves whole into the hoisted assignment (inside parentheses its indentation does not matter).
 */
export function outside<T extends { start: number; end: number }>(edits: T[], span: { from: number; to: number }): T[] {
  return edits.filter((e) => !(e.start === e.end && e.start > span.from && e.start < span.to));
}
