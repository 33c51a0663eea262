// Problems httpd's config reader stops at while it builds the section tree; the parser finds them all at once.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  fixable: true,
  description: 'Section tags Apache cannot read: unclosed, mismatched or stray tags, a missing `>`, a missing argument.',
  docUrl: `${APACHE_DOCS}core.html`,
  check(ctx) {
    for (const p of ctx.ast.problems) {
      if (p.kind === 'unterminated-quote') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message, fixes: p.fix ? [{ ...p.fix, preferred: true }] : [] });
    }
  },
};
