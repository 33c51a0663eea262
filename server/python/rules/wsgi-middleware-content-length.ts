// Middleware that changes the body keeps the application's Content-Length header: if the size changed, the client
// waits for bytes that never come, or cuts the body short. Reported as information: whether the size changes is
// not something the code shows (upper() keeps ASCII lengths; compression and substitution do not).
import { PEP_3333, shortCode, type PythonRule } from './types';
import { descendants, stringValue, textOf, type PythonSource, type SyntaxNode } from '../syntax';
import { contentLengthFix, passedStartResponse } from '../fixes/start-response';

/** A string naming the header, in code: a docstring that only talks about it does not count. */
function mentionsContentLength(src: PythonSource, node: SyntaxNode): boolean {
  return descendants(node, false).some((n) => n.parent?.name !== 'ExpressionStatement' && stringValue(src, n)?.toLowerCase().includes('content-length'));
}

/** The module-level statement holding `node` (its class, or the factory around a closure). */
function topStatement(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.name !== 'Script') n = n.parent;
  return n;
}

export const wsgiMiddlewareContentLength: PythonRule = {
  id: 'wsgi-middleware-content-length',
  defaultSeverity: 'information',
  fixable: true,
  description: "WSGI middleware that changes the response body but forwards the application's Content-Length header.",
  docUrl: `${PEP_3333}#handling-the-content-length-header`,
  check(ctx) {
    for (const mw of ctx.middleware) {
      if (mentionsContentLength(ctx.source, topStatement(mw.fn))) continue;
      for (const call of mw.calls) {
        if (!call.use?.transform) continue;
        const passed = passedStartResponse(ctx.source, mw, call);
        if (!passed) continue;
        const fix = contentLengthFix(ctx.source, mw, call);
        ctx.report({
          start: call.startResponseArg.from,
          end: call.startResponseArg.to,
          message:
            `'${mw.label}' changes the body of ${shortCode(textOf(ctx.source, call.call))} but forwards its headers ` +
            `with the original Content-Length; if the size changes, clients wait for missing bytes or cut the body ` +
            `short. Drop the header (or set the new length).`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
