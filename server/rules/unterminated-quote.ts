// Apache accepts an unclosed quote (it reads to the end of the line), so this is a warning, not an error:
// the value almost never is what the author meant.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';

export const unterminatedQuote: Rule = {
  id: 'unterminated-quote',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A quoted argument whose closing quote is missing.',
  docUrl: `${APACHE_DOCS}../configuring.html#syntax`,
  check(ctx) {
    for (const p of ctx.ast.problems) {
      if (p.kind !== 'unterminated-quote') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message, fixes: p.fix ? [{ ...p.fix, preferred: true }] : [] });
    }
  },
};
