// mod_wsgi compares option names with strcmp: `Processes=2` or `Python-Home=…` is an invalid option even
// though directive names themselves are case-insensitive.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange } from '../catalog/wsgi-edits';

export const wsgiOptionCase: Rule = {
  id: 'wsgi-option-case',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A mod_wsgi option written in the wrong case; option names are case-sensitive.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    for (const args of wsgiDirectives(ctx)) {
      for (const o of args.options) {
        if (args.directive.options.some((x) => x.name === o.name)) continue;
        const known = args.directive.options.find((x) => x.name.toLowerCase() === o.name.toLowerCase());
        if (!known) continue;
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, o.start, o.nameEnd),
          message: `Option names are case-sensitive: ${args.directive.name} knows '${known.name}', not '${o.name}', so mod_wsgi rejects the line.`,
          fixes: [{ title: `Write '${known.name}'`, preferred: true, edits: [{ start: o.start, end: o.nameEnd, newText: known.name }] }],
        });
      }
    }
  },
};
