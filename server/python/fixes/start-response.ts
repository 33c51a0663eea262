// What the middleware passes as start_response: the original (so the application's write() and headers bypass
// the middleware) or a local wrapper function, and the fixes that wrap it (write transformation, Content-Length).
import type { Fix, TextEditSpan } from '../../rules/types';
import { descendants, isDocstring, kid, paramsOf, statementOf, statementsOf, textOf, type PythonSource, type SyntaxNode } from '../syntax';
import { namesIn, scopeStatements } from '../scope';
import type { AppCall, Middleware } from '../middleware';
import { block, contentEnd, freshName, ownsLines } from '../text';
import { fresh, indentOf, layoutOf, lineStart, type Layout } from './common';

export type Passed =
  | { kind: 'original' }
  /** A `def` in the middleware; `forward` is its `return start_response(…)`, which hands back the original write(). */
  | { kind: 'wrapper'; def: SyntaxNode; forward: SyntaxNode | null };

/** What the call passes as start_response, when the rules can tell. */
export function passedStartResponse(src: PythonSource, mw: Middleware, call: AppCall): Passed | null {
  const arg = call.startResponseArg;
  if (arg.name !== 'VariableName') return null;
  const name = textOf(src, arg);
  if (name === mw.startResponse) return { kind: 'original' };
  const body = kid(mw.fn, 'Body')!;
  const def = scopeStatements(body).find((s) => s.name === 'FunctionDefinition' && textOf(src, kid(s, 'VariableName')!) === name);
  if (!def) return null;
  return { kind: 'wrapper', def, forward: forwardsOf(src, def, mw.startResponse)[0] ?? null };
}

/** The wrapper's `return start_response(…)` statements. */
function forwardsOf(src: PythonSource, def: SyntaxNode, startResponse: string): SyntaxNode[] {
  return descendants(kid(def, 'Body')!).filter((d) => {
    const v = d.name === 'ReturnStatement' ? d.lastChild : null;
    return v?.name === 'CallExpression' && v.firstChild?.name === 'VariableName' && textOf(src, v.firstChild) === startResponse;
  });
}

/** Wrapper parameter names that do not capture a name `expr` reads. */
function wrapperNames(l: Layout, avoid: Set<string>) {
  const pick = (base: string) => {
    const n = freshName(base, avoid);
    avoid.add(n);
    return n;
  };
  return { sr: fresh(l, '_start_response'), status: pick('status'), headers: pick('headers'), exc: pick('exc_info'), write: pick('write'), w: pick('_write') };
}

/** Names the new wrapper's own names must not shadow: the transformation was read from mw.fn, so these cover it. */
function avoidFor(src: PythonSource, param: string, mw: Middleware): Set<string> {
  const names = namesIn(src, mw.fn);
  names.add(param);
  return names;
}

/** Wraps start_response so the write() it returns applies `expr` (of `param`) to each chunk, like the iterable. */
export function writeFix(src: PythonSource, mw: Middleware, call: AppCall, param: string, expr: string): Fix | null {
  const passed = passedStartResponse(src, mw, call);
  if (!passed) return null;
  const l = layoutOf(src, mw);
  const n = wrapperNames(l, avoidFor(src, param, mw));
  const u = l.unit;
  const title = `Wrap start_response so write() applies ${expr} too`;
  if (passed.kind === 'original') {
    const stmt = statementOf(call.call);
    if (!stmt || !ownsLines(src, stmt)) return null;
    const lines = [
      `def ${n.sr}(${n.status}, ${n.headers}, ${n.exc}=None):`,
      `${u}${n.write} = ${mw.startResponse}(${n.status}, ${n.headers}, ${n.exc})`,
      `${u}def ${n.w}(${param}):`,
      `${u}${u}${n.write}(${expr})`,
      `${u}return ${n.w}`,
    ];
    const at = lineStart(src, stmt);
    return {
      title,
      preferred: true,
      edits: [
        { start: at, end: at, newText: block(lines, indentOf(src, stmt), l.eol) + l.eol },
        { start: call.startResponseArg.from, end: call.startResponseArg.to, newText: n.sr },
      ],
    };
  }
  const ret = passed.forward;
  // Several forwarding returns (one may be dead code after another): wrapping one would leave the finding.
  if (!ret || !ownsLines(src, ret) || forwardsOf(src, passed.def, mw.startResponse).length > 1) return null;
  const value = ret.lastChild!;
  const lines = [`${n.write} = ${textOf(src, value)}`, `def ${n.w}(${param}):`, `${u}${n.write}(${expr})`, `return ${n.w}`];
  const text = block(lines, indentOf(src, ret), l.eol).slice(indentOf(src, ret).length);
  return { title, preferred: true, edits: [{ start: ret.from, end: contentEnd(src.text, ret), newText: text }] };
}

/** Drops Content-Length from the headers the middleware forwards: in a new wrapper, or first thing in its own. */
export function contentLengthFix(src: PythonSource, mw: Middleware, call: AppCall): Fix | null {
  const passed = passedStartResponse(src, mw, call);
  if (!passed) return null;
  const l = layoutOf(src, mw);
  const title = 'Drop the Content-Length header the application set';
  const filter = (headers: string) => {
    const avoid = new Set([headers]);
    const k = freshName('name', avoid);
    avoid.add(k);
    const v = freshName('value', avoid);
    return `${headers} = [(${k}, ${v}) for ${k}, ${v} in ${headers} if ${k}.lower() != 'content-length']`;
  };
  if (passed.kind === 'original') {
    const stmt = statementOf(call.call);
    if (!stmt || !ownsLines(src, stmt)) return null;
    const n = wrapperNames(l, new Set([mw.startResponse]));
    const lines = [
      `def ${n.sr}(${n.status}, ${n.headers}, ${n.exc}=None):`,
      `${l.unit}${filter(n.headers)}`,
      `${l.unit}return ${mw.startResponse}(${n.status}, ${n.headers}, ${n.exc})`,
    ];
    const at = lineStart(src, stmt);
    const edits: TextEditSpan[] = [
      { start: at, end: at, newText: block(lines, indentOf(src, stmt), l.eol) + l.eol },
      { start: call.startResponseArg.from, end: call.startResponseArg.to, newText: n.sr },
    ];
    return { title, preferred: true, edits };
  }
  const params = paramsOf(src, passed.def);
  const body = kid(passed.def, 'Body');
  const first = body && statementsOf(body).find((s) => !isDocstring(s));
  if (params.length < 2 || params[1].star || !first || !ownsLines(src, first)) return null;
  const at = lineStart(src, first);
  return { title, preferred: true, edits: [{ start: at, end: at, newText: indentOf(src, first) + filter(params[1].name) + l.eol }] };
}
