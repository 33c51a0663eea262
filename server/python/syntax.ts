// The Python parser (@lezer/python: error-tolerant, pure JavaScript) and small helpers to read its tree.
// Lezer trees are concrete: keywords and punctuation are nodes too, so helpers look at token names ('for', 'in').
import type { SyntaxNode, Tree } from '@lezer/common';

export type { SyntaxNode };

export interface PythonSource {
  text: string;
  tree: Tree;
  top: SyntaxNode;
  /** Spans lezer could not read. It also flags a few valid constructs (a bare `(yield)`), so these are no verdict. */
  errors: Array<{ start: number; end: number }>;
}

// Loaded on the first Python file, not at start-up: decoding the parser's tables costs a few milliseconds and about
// a megabyte, which configuration-only CLI runs and server sessions never need. The bundles ship it as a file of its
// own (scripts/build.mjs), so they do not even compile it until then.
type PythonParser = (typeof import('@lezer/python'))['parser'];
let parser: PythonParser | undefined;

function pythonParser(): PythonParser {
  return (parser ??= (require('@lezer/python') as typeof import('@lezer/python')).parser);
}

export function parsePython(text: string): PythonSource {
  const tree = pythonParser().parse(text);
  const errors: PythonSource['errors'] = [];
  tree.iterate({
    enter(n) {
      if (n.type.isError) errors.push({ start: n.from, end: n.to });
    },
  });
  return { text, tree, top: tree.topNode, errors };
}

export function hasErrorIn(src: PythonSource, node: SyntaxNode): boolean {
  return src.errors.some((e) => e.start >= node.from && e.end <= node.to);
}

export function textOf(src: PythonSource, node: SyntaxNode): string {
  return src.text.slice(node.from, node.to);
}

export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function kid(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
}

export function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to && a.name === b.name;
}

export function isAncestor(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Nodes that open a new Python scope: names bound inside them are not the enclosing function's. */
export const SCOPES = new Set(['FunctionDefinition', 'ClassDefinition', 'LambdaExpression']);

/** Every descendant of `node` (pre-order); with `sameScope`, nested functions, classes and lambdas are skipped. */
export function descendants(node: SyntaxNode, sameScope = true): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = kids(node).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    if (sameScope && SCOPES.has(n.name)) continue;
    for (let c = n.lastChild; c; c = c.prevSibling) stack.push(c);
  }
  return out;
}

const BLOCKS = new Set(['Body', 'Script', 'StatementGroup']);
const NOT_STATEMENTS = new Set(['Comment', ':', ';']);

export function isStatement(node: SyntaxNode): boolean {
  return !!node.parent && BLOCKS.has(node.parent.name) && !NOT_STATEMENTS.has(node.name) && !node.type.isError;
}

/** The statements of a Body or Script, in order (comments left out). */
export function statementsOf(block: SyntaxNode): SyntaxNode[] {
  return kids(block).filter(isStatement);
}

/** The nearest statement holding `node` (the node itself when it is one). */
export function statementOf(node: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (isStatement(n)) return n;
  return null;
}

/** The statement directly in `block` that holds `node`. */
export function statementIn(block: SyntaxNode, node: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n && n.parent; n = n.parent) if (same(n.parent, block) && isStatement(n)) return n;
  return null;
}

/** The function or lambda whose own scope holds `node`. */
export function scopeOf(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (SCOPES.has(n.name)) return n;
  return null;
}

export interface Param {
  name: string;
  star: boolean;
  hasDefault: boolean;
}

/** Parameters of a `def` or lambda, with `*args`/`**kwargs` and defaults marked. */
export function paramsOf(src: PythonSource, fn: SyntaxNode): Param[] {
  const list = kid(fn, 'ParamList');
  if (!list) return [];
  const out: Param[] = [];
  let star = false;
  let expectName = true;
  for (const c of kids(list)) {
    if (c.name === ',') {
      star = false;
      expectName = true;
    } else if (c.name === '*' || c.name === '**') star = true;
    else if (c.name === 'AssignOp' && out.length) out[out.length - 1].hasDefault = true;
    else if (c.name === 'VariableName' && expectName) {
      out.push({ name: textOf(src, c), star, hasDefault: false });
      expectName = false;
    }
  }
  return out;
}

export interface Arg {
  /** The whole argument when it is a single expression node. */
  node: SyntaxNode | null;
  keyword: string | null;
  star: boolean;
}

/** Arguments of a call; an ArgList holding a bare generator expression (`f(x for x in y)`) yields no args. */
export function argsOf(src: PythonSource, call: SyntaxNode): Arg[] | null {
  const list = kid(call, 'ArgList');
  if (!list || kid(list, 'for')) return null;
  const out: Arg[] = [];
  let parts: SyntaxNode[] = [];
  const flush = () => {
    if (!parts.length) return;
    const star = parts[0].name === '*' || parts[0].name === '**';
    const kw = parts.length >= 3 && parts[0].name === 'VariableName' && parts[1].name === 'AssignOp';
    out.push({ node: parts.length === 1 ? parts[0] : kw && parts.length === 3 ? parts[2] : null, keyword: kw ? textOf(src, parts[0]) : null, star });
    parts = [];
  };
  for (const c of kids(list)) {
    if (c.name === '(' || c.name === ')') continue;
    if (c.name === ',') flush();
    else parts.push(c);
  }
  flush();
  return out;
}

/** `name` for `name(...)`, the attribute for `obj.attr(...)`. */
export function calleeName(src: PythonSource, call: SyntaxNode): string | null {
  const f = call.firstChild;
  if (!f) return null;
  if (f.name === 'VariableName') return textOf(src, f);
  if (f.name === 'MemberExpression') {
    const p = f.lastChild;
    return p && p.name === 'PropertyName' ? textOf(src, p) : null;
  }
  return null;
}

/** The value of a plain string literal ('x', "x", b'x', u'x'); null for f-strings, concatenations and escapes. */
export function stringValue(src: PythonSource, node: SyntaxNode): string | null {
  if (node.name !== 'String') return null;
  const raw = textOf(src, node);
  const m = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!m || m[3].includes('\\')) return null;
  return m[3];
}

/** `yield` anywhere in a function's own scope makes it a generator. */
export function isGenerator(fn: SyntaxNode): boolean {
  const body = kid(fn, 'Body');
  return !!body && descendants(body).some((n) => n.name === 'yield');
}

/** A statement that is only a string: a docstring, or a string used as a comment. */
export function isDocstring(s: SyntaxNode): boolean {
  return s.name === 'ExpressionStatement' && s.firstChild?.name === 'String' && same(s.firstChild, s.lastChild);
}
