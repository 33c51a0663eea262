// WSGI middleware as the rules see it: a function or method shaped (environ, start_response) that calls a wrapped
// application with that environ, and what it then does with the response iterable (PEP 3333).
import {
  argsOf,
  descendants,
  hasErrorIn,
  isGenerator,
  kid,
  kids,
  paramsOf,
  same,
  statementOf,
  stringValue,
  textOf,
  type PythonSource,
  type SyntaxNode,
} from './syntax';
import { transformOf, type Transform } from './transform';
import { consumerOf, type Consumer } from './consumer';

export interface Middleware {
  fn: SyntaxNode;
  /** `Class.method` or the function's name, for messages. */
  label: string;
  environ: string;
  startResponse: string;
  generator: boolean;
  calls: AppCall[];
}

export interface AppCall {
  call: SyntaxNode;
  /** What is passed where start_response goes: start_response itself, a wrapper, … */
  startResponseArg: SyntaxNode;
  /** How this function iterates the response; null when the response leaves it (returned, stored, handed on). */
  use: Use | null;
}

export interface Use extends Consumer {
  /** The statement of the function's own scope that holds the site. */
  statement: SyntaxNode;
  /** Set when the response is stored in a variable first (`result = app(environ, start_response)`). */
  variable: { name: string; assignment: SyntaxNode } | null;
  /** `iter()` stands between the call and the variable: closing the variable would not close the response. */
  wrapped: boolean;
  /** A `finally` (or `with closing(…)`) around the iteration closes the response. */
  closed: boolean;
  transform: Transform | null;
}

/** (environ, start_response) names when `fn` has the WSGI callable shape: (e, s), or (self, e, s) in a class. */
export function wsgiShape(src: PythonSource, fn: SyntaxNode): { environ: string; startResponse: string; method: boolean } | null {
  if (fn.name !== 'FunctionDefinition' || kid(fn, 'async')) return null;
  const params = paramsOf(src, fn);
  if (params.some((p) => p.star || p.hasDefault)) return null;
  const method = classOf(fn) !== null;
  const names = params.map((p) => p.name);
  if (method && names.length === 3) return { environ: names[1], startResponse: names[2], method };
  if (!method && names.length === 2) return { environ: names[0], startResponse: names[1], method };
  return null;
}

function classOf(fn: SyntaxNode): SyntaxNode | null {
  let p = fn.parent;
  if (p?.name === 'DecoratedStatement') p = p.parent;
  return p?.name === 'Body' && p.parent?.name === 'ClassDefinition' ? p.parent : null;
}

export function findMiddleware(src: PythonSource): Middleware[] {
  const out: Middleware[] = [];
  for (const fn of descendants(src.top, false)) {
    if (fn.name !== 'FunctionDefinition') continue;
    const shape = wsgiShape(src, fn);
    // A function the parser could not fully read is left alone: the tree there may not be what was meant.
    if (!shape || hasErrorIn(src, fn)) continue;
    const calls = appCalls(src, fn, shape);
    if (!calls.length) continue;
    const name = kid(fn, 'VariableName');
    const cls = classOf(fn);
    const clsName = cls && kid(cls, 'VariableName');
    const label = (clsName ? `${textOf(src, clsName)}.` : '') + (name ? textOf(src, name) : '?');
    out.push({ fn, label, ...shape, generator: isGenerator(fn), calls });
  }
  return out;
}

/** Start-response names of the WSGI-shaped functions around `fn` (and its own): calling those is not an app call. */
function outerStartResponses(src: PythonSource, fn: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (let p: SyntaxNode | null = fn; p; p = p.parent) {
    const s = p.name === 'FunctionDefinition' ? wsgiShape(src, p) : null;
    if (s) out.add(s.startResponse);
  }
  return out;
}

function appCalls(src: PythonSource, fn: SyntaxNode, shape: { environ: string; startResponse: string }): AppCall[] {
  const body = kid(fn, 'Body');
  if (!body) return [];
  const skip = outerStartResponses(src, fn);
  const calls: AppCall[] = [];
  for (const n of descendants(body)) {
    if (n.name !== 'CallExpression') continue;
    const args = argsOf(src, n);
    if (!args || args.length !== 2 || args.some((a) => a.keyword !== null || a.star || !a.node)) continue;
    const [env, sr] = [args[0].node!, args[1].node!];
    if (!mentions(src, env, shape.environ)) continue;
    if (sr.name !== 'VariableName' && sr.name !== 'MemberExpression') continue;
    const callee = n.firstChild!;
    if (callee.name === 'VariableName' && skip.has(textOf(src, callee))) continue;
    calls.push({ call: n, startResponseArg: sr, use: useOf(src, fn, n) });
  }
  return calls;
}

function mentions(src: PythonSource, node: SyntaxNode, name: string): boolean {
  if (node.name === 'VariableName') return textOf(src, node) === name;
  return descendants(node).some((d) => d.name === 'VariableName' && textOf(src, d) === name);
}

/** Climbs over `iter(…)` and parentheses: they hand the same response on. */
function unwrap(src: PythonSource, node: SyntaxNode): { node: SyntaxNode; wrapped: boolean } {
  let cur = node;
  let wrapped = false;
  for (;;) {
    const p = cur.parent;
    if (p?.name === 'ParenthesizedExpression') cur = p;
    else if (p?.name === 'ArgList' && p.parent && isIterOf(src, p.parent, cur)) {
      cur = p.parent;
      wrapped = true;
    } else return { node: cur, wrapped };
  }
}

function isIterOf(src: PythonSource, call: SyntaxNode, arg: SyntaxNode): boolean {
  const f = call.firstChild;
  const args = argsOf(src, call);
  return !!f && f.name === 'VariableName' && textOf(src, f) === 'iter' && args?.length === 1 && same(args[0].node, arg);
}

function useOf(src: PythonSource, fn: SyntaxNode, call: SyntaxNode): Use | null {
  const { node, wrapped } = unwrap(src, call);
  const assign = node.parent;
  if (assign?.name === 'AssignStatement' && same(assign.lastChild, node)) {
    const parts = kids(assign);
    if (parts.length !== 3 || parts[0].name !== 'VariableName' || textOf(src, parts[1]) !== '=') return null;
    const name = textOf(src, parts[0]);
    const body = kid(fn, 'Body')!;
    for (const ref of descendants(body)) {
      if (ref.name !== 'VariableName' || ref.from < assign.to || textOf(src, ref) !== name) continue;
      const consumer = consumerOf(src, ref);
      if (consumer) return complete(src, fn, consumer, { name, assignment: assign }, wrapped);
    }
    return null;
  }
  const consumer = consumerOf(src, node);
  return consumer ? complete(src, fn, consumer, null, wrapped) : null;
}

function complete(src: PythonSource, fn: SyntaxNode, c: Consumer, variable: Use['variable'], wrapped: boolean): Use | null {
  const statement = statementOf(c.site);
  if (!statement) return null;
  const closed = variable !== null && !wrapped && closeGuaranteed(src, fn, statement, variable.name);
  const use: Use = { ...c, statement, variable, wrapped, closed, transform: null };
  use.transform = transformOf(src, fn, use);
  return use;
}

/** A `try` whose `finally` closes `name` around the statement, or a `with closing(name)` block. */
export function closeGuaranteed(src: PythonSource, fn: SyntaxNode, statement: SyntaxNode, name: string): boolean {
  for (let a = statement.parent; a && !same(a, fn); a = a.parent) {
    if (a.name === 'Body' && a.parent?.name === 'TryStatement' && same(kid(a.parent, 'Body'), a)) {
      const fin = finallyBody(a.parent);
      if (fin && closesName(src, fin, name)) return true;
    }
    if (a.name === 'WithStatement') {
      for (const item of kids(a)) {
        const args = item.name === 'CallExpression' ? argsOf(src, item) : null;
        const f = item.firstChild;
        if (args?.length === 1 && args[0].node && f && textOf(src, f).endsWith('closing') && textOf(src, args[0].node) === name) return true;
      }
    }
  }
  return false;
}

export function finallyBody(tryStmt: SyntaxNode): SyntaxNode | null {
  const parts = kids(tryStmt);
  const at = parts.findIndex((p) => p.name === 'finally');
  return at >= 0 && parts[at + 1]?.name === 'Body' ? parts[at + 1] : null;
}

/** `name.close` (called, or passed on) or `getattr(name, 'close', …)` inside `node`. */
export function closesName(src: PythonSource, node: SyntaxNode, name: string): boolean {
  return descendants(node).some((d) => {
    if (d.name === 'MemberExpression') {
      const [obj, , prop] = kids(d);
      return obj?.name === 'VariableName' && textOf(src, obj) === name && prop?.name === 'PropertyName' && textOf(src, prop) === 'close';
    }
    if (d.name === 'CallExpression' && d.firstChild && textOf(src, d.firstChild) === 'getattr') {
      const args = argsOf(src, d);
      return !!args && args.length >= 2 && !!args[0].node && textOf(src, args[0].node) === name && !!args[1].node && stringValue(src, args[1].node) === 'close';
    }
    return false;
  });
}
