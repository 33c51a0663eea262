// `process-group=`, `application-group=` or `callable-object=` with nothing after `=` (or ""): mod_wsgi refuses
// an empty name ("Invalid name for WSGI process group." …) on WSGIScriptAlias, WSGIImportScript and the others.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, removal } from '../catalog/wsgi-edits';

const NAMED: Record<string, string> = {
  'process-group': 'Name a WSGIDaemonProcess group, or write %{GLOBAL} for embedded mode',
  'application-group': 'Name an interpreter, or write %{GLOBAL} for the main one',
  'callable-object': 'Name the WSGI callable in the script (application by default)',
};

export const wsgiEmptyOption: Rule = {
  id: 'wsgi-empty-option',
  defaultSeverity: 'error',
  fixable: true,
  description: 'An empty process-group=, application-group= or callable-object= on a mod_wsgi directive.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  perSection: true,
  check(ctx) {
    // Indexed: the allocation profile showed an iterator result per directive here.
    const all = wsgiDirectives(ctx);
    for (let i = 0; i < all.length; i++) {
      const args = all[i];
      if (args.directive.name === 'WSGIDaemonProcess') continue;
      for (const o of args.options) {
        const advice = NAMED[o.name];
        if (!advice || o.value.text !== '' || o.unresolved || !args.directive.options.some((x) => x.name === o.name)) continue;
        const raw = ctx.text.slice(o.start, o.end);
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, o.start, o.end),
          message: `'${raw}' is empty, and mod_wsgi refuses an empty ${o.name.replace('-', ' ')} name on ${args.directive.name}. ${advice}, or leave the option out.`,
          fixes: [{ title: `Remove '${raw}'`, preferred: true, edits: [removal(ctx.text, o.start, o.end)] }],
        });
      }
    }
  },
};
