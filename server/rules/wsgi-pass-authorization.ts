// pass-authorization= on WSGIScriptAlias(Match) and WSGIHandlerScript takes On or Off (any case); anything
// else, including nothing, fails configtest with "Invalid value for authorization flag.".
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { intendedFlag, onOff } from '../catalog/wsgi-values';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange } from '../catalog/wsgi-edits';

export const wsgiPassAuthorization: Rule = {
  id: 'wsgi-pass-authorization',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A pass-authorization= value other than On or Off.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  perSection: true,
  check(ctx) {
    for (const args of wsgiDirectives(ctx)) {
      if (!args.directive.options.some((o) => o.name === 'pass-authorization')) continue;
      for (const o of args.options) {
        if (o.name !== 'pass-authorization' || o.unresolved || onOff(o.value.text)) continue;
        const flag = intendedFlag(o.value.text);
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, o.start, o.end),
          message: `'${ctx.text.slice(o.start, o.end)}' must be On or Off; mod_wsgi rejects any other value.`,
          fixes: flag ? [{ title: `Write pass-authorization=${flag}`, preferred: true, edits: [{ start: o.value.start, end: o.value.end, newText: flag }] }] : [],
        });
      }
    }
  },
};
