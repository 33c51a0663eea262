// Does the middleware change the response data it iterates, and if so by which expression of one chunk? Needed by
// wsgi-middleware-write (the write() callable must apply the same change) and wsgi-middleware-content-length.
import { bindingsOf, namesIn, scopeStatements } from './scope';
import { freshName } from './text';
import { descendants, kid, kids, same, statementsOf, textOf, type PythonSource, type SyntaxNode } from './syntax';
import type { Use } from './middleware';

/** `each`: every chunk `param` becomes `expr`. `opaque`: data changes in a way no single expression states. */
export type Transform = { kind: 'each'; param: string; expr: string } | { kind: 'opaque' };

const OPAQUE: Transform = { kind: 'opaque' };

export function transformOf(src: PythonSource, fn: SyntaxNode, use: Omit<Use, 'transform'>): Transform | null {
  const pieces: Transform[] = [];
  const nodes = use.chain.some((c) => same(c, use.site)) ? use.chain : [...use.chain, use.site];
  for (const n of nodes) {
    const t = pieceOf(src, fn, n, use);
    if (t) pieces.push(t);
  }
  if (pieces.length === 0) return null;
  return pieces.length === 1 ? pieces[0] : OPAQUE;
}

function pieceOf(src: PythonSource, fn: SyntaxNode, n: SyntaxNode, use: Omit<Use, 'transform'>): Transform | null {
  if (n.name === 'ForStatement') return loopTransform(src, n);
  if (n.name === 'ArgList' || n.name.endsWith('ComprehensionExpression')) return comprehensionTransform(src, n);
  if (n.name === 'CallExpression') {
    const f = n.firstChild ? textOf(src, n.firstChild) : '';
    if (f === 'filter') return OPAQUE;
    if (f === 'map') {
      const fnArg = kid(n, 'ArgList')?.firstChild?.nextSibling;
      const param = freshName('data', namesIn(src, fn));
      return fnArg ? { kind: 'each', param, expr: `${textOf(src, fnArg)}(${param})` } : OPAQUE;
    }
    // An eager call (b''.join …) buffers the body; a change made to the buffer afterwards is a transformation.
    return same(use.site, n) ? bufferTransform(src, fn, use.statement, n) : null;
  }
  return null;
}

/** Target names between `for` and `in`, or null when the target is not a single name. */
function singleTarget(src: PythonSource, forToken: SyntaxNode): string | null {
  const t = forToken.nextSibling;
  return t && t.name === 'VariableName' && t.nextSibling?.name === 'in' ? textOf(src, t) : null;
}

function loopTransform(src: PythonSource, loop: SyntaxNode): Transform | null {
  const body = kid(loop, 'Body');
  if (!body) return null;
  const yields = descendants(body).filter((d) => d.name === 'YieldStatement' || d.name === 'YieldExpression');
  if (yields.length === 0) return null;
  const param = singleTarget(src, loop.firstChild!);
  if (yields.some((y) => kid(y, 'from'))) return OPAQUE;
  const values = yields.map((y) => (y.lastChild && y.lastChild.name !== 'yield' ? y.lastChild : null));
  if (param && values.every((v) => v && v.name === 'VariableName' && textOf(src, v) === param)) return null;
  const stmts = statementsOf(body);
  if (param && stmts.length === 1 && stmts[0].name === 'YieldStatement' && values[0] && yields.length === 1) {
    return { kind: 'each', param, expr: textOf(src, values[0]) };
  }
  return OPAQUE;
}

/** `(expr for x in it)`, `[expr for x in it]`, `f(expr for x in it)`: one `for`, no `if`, one target. */
function comprehensionTransform(src: PythonSource, node: SyntaxNode): Transform | null {
  const parts = kids(node);
  const fors = parts.filter((p) => p.name === 'for');
  if (fors.length !== 1 || parts.some((p) => p.name === 'if') || node.name.startsWith('Dictionary')) return OPAQUE;
  const param = singleTarget(src, fors[0]);
  const elements = parts.slice(1, parts.indexOf(fors[0]));
  if (!param || elements.length !== 1) return OPAQUE;
  const e = elements[0];
  if (e.name === 'VariableName' && textOf(src, e) === param) return null;
  return { kind: 'each', param, expr: textOf(src, e) };
}

/**
 * `body = b''.join(response)`: a change when what the function returns or yields is built from `body` but is not
 * `body` itself, or when `body` is rebound later. Per-chunk equivalents of a whole-body change are not derived.
 */
function bufferTransform(src: PythonSource, fn: SyntaxNode, statement: SyntaxNode, site: SyntaxNode): Transform | null {
  if (statement.name === 'ReturnStatement') {
    // `return [shrink(b''.join(response))]`: the body returned is built from the buffer, not the buffer itself.
    const v = statement.lastChild;
    return v && v.name !== 'return' && elementsOf(v).some((e) => e.from <= site.from && site.to <= e.to && !same(e, site)) ? OPAQUE : null;
  }
  if (statement.name !== 'AssignStatement') return null;
  const target = statement.firstChild;
  if (!target || target.name !== 'VariableName' || target.nextSibling?.name !== 'AssignOp') return null;
  const name = textOf(src, target);
  const body = kid(fn, 'Body')!;
  const later = scopeStatements(body).filter((s) => s.from >= statement.to);
  if (later.some((s) => bindingsOf(src, s).some((b) => b.name === name))) return OPAQUE;
  for (const d of descendants(body)) {
    if (d.from < statement.to || !['ReturnStatement', 'YieldStatement', 'YieldExpression'].includes(d.name)) continue;
    const v = d.lastChild;
    if (!v || v.name === 'return' || v.name === 'yield') continue;
    for (const e of elementsOf(v)) {
      const uses = e.name === 'VariableName' ? [e] : descendants(e).filter((x) => x.name === 'VariableName');
      if (uses.some((u) => textOf(src, u) === name) && !(e.name === 'VariableName' && textOf(src, e) === name)) return OPAQUE;
    }
  }
  return null;
}

/** The items of a returned `[a, b]` or `(a, b)`, else the value itself. */
function elementsOf(v: SyntaxNode): SyntaxNode[] {
  return v.name === 'ArrayExpression' || v.name === 'TupleExpression' ? kids(v).filter((k) => !/^[[\](),]$/.test(k.name)) : [v];
}
