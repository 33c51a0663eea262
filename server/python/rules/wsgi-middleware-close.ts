// Middleware that iterates the wrapped application's response must see that its close() is called, as a server
// would: that is where applications release database connections, files and locks (PEP 3333).
import { PEP_3333, shortCode, type PythonRule } from './types';
import { textOf } from '../syntax';
import { tryFinallyFix } from '../fixes/try-finally';
import { lazyReturnFix } from '../fixes/closing-iterable';

export const wsgiMiddlewareClose: PythonRule = {
  id: 'wsgi-middleware-close',
  defaultSeverity: 'warning',
  fixable: true,
  description: "WSGI middleware that iterates the wrapped application's response without making sure its close() is called.",
  docUrl: `${PEP_3333}#specification-details`,
  check(ctx) {
    for (const mw of ctx.middleware) {
      for (const call of mw.calls) {
        const use = call.use;
        if (!use || use.closed) continue;
        const code = shortCode(textOf(ctx.source, call.call));
        const message = use.lazy
          ? `'${mw.label}' returns a lazy iterator over the response of ${code}, and nothing will call that response's ` +
            `close(), so the application's clean-up never runs. Return an iterable whose close() closes the response.`
          : `'${mw.label}' iterates the response of ${code} without making sure its close() is called when iteration ` +
            `ends, fails or the client disconnects, so the application's clean-up may never run. Keep a reference to ` +
            `it, iterate inside try, and call close() in finally when it has one.`;
        const fix = use.lazy ? lazyReturnFix(ctx.source, mw, call) : tryFinallyFix(ctx.source, mw, call);
        ctx.report({ start: call.call.from, end: call.call.to, message, fixes: fix ? [fix] : [] });
      }
    }
  },
};
