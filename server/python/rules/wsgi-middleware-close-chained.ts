// The alternative to wsgi-middleware-close's try/finally for generator middleware. A generator body starts only
// when the server first asks for data, so the wrapped application is called late, and if the server closes the
// generator before that, nothing runs at all. Calling the application at once and returning an iterable whose
// close() delegates keeps the timing a pass-through middleware would have.
import { PEP_3333, shortCode, type PythonRule } from './types';
import { textOf } from '../syntax';
import { chainedFix } from '../fixes/closing-iterable';

export const wsgiMiddlewareCloseChained: PythonRule = {
  id: 'wsgi-middleware-close-chained',
  defaultSeverity: 'information',
  fixable: true,
  description: "Generator middleware could call the application at once and return an iterable whose close() closes the application's response.",
  docUrl: `${PEP_3333}#specification-details`,
  check(ctx) {
    for (const mw of ctx.middleware) {
      for (const call of mw.calls) {
        if (!call.use || call.use.closed || call.use.lazy) continue;
        const fix = chainedFix(ctx.source, mw, call);
        if (!fix) continue;
        ctx.report({
          start: call.call.from,
          end: call.call.to,
          message:
            `'${mw.label}' is a generator, so ${shortCode(textOf(ctx.source, call.call))} runs only once the server ` +
            `starts iterating, and its response is closed only when the generator ends. Where that timing matters, ` +
            `call the application at once and return an iterable whose close() also closes its response.`,
          fixes: [fix],
        });
      }
    }
  },
};
