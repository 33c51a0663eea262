// An application may send data through the write() callable start_response returns instead of its iterable
// (legacy frameworks do). Middleware that changes the iterable's chunks but hands the original start_response
// through lets that data bypass the change.
import { PEP_3333, shortCode, type PythonRule } from './types';
import { textOf } from '../syntax';
import { passedStartResponse, writeFix } from '../fixes/start-response';

export const wsgiMiddlewareWrite: PythonRule = {
  id: 'wsgi-middleware-write',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'WSGI middleware that transforms the response iterable but lets data sent through write() pass unchanged.',
  docUrl: `${PEP_3333}#the-write-callable`,
  check(ctx) {
    for (const mw of ctx.middleware) {
      for (const call of mw.calls) {
        const t = call.use?.transform;
        const passed = t && passedStartResponse(ctx.source, mw, call);
        if (!t || !passed || (passed.kind === 'wrapper' && !passed.forward)) continue;
        const how = passed.kind === 'original' ? `passes ${mw.startResponse} through unchanged` : `returns the original write() from '${textOf(ctx.source, call.startResponseArg)}'`;
        const change = t.kind === 'each' ? `applies ${shortCode(t.expr, 40)} to the response chunks` : 'changes the response data';
        const fix = t.kind === 'each' ? writeFix(ctx.source, mw, call, t.param, t.expr) : null;
        ctx.report({
          start: call.startResponseArg.from,
          end: call.startResponseArg.to,
          message:
            `'${mw.label}' ${change} of ${shortCode(textOf(ctx.source, call.call))} but ${how}, so data the ` +
            `application sends through write() bypasses the change. Wrap start_response so the write() it returns ` +
            `applies the same change.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
