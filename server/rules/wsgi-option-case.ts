// mod_wsgi compares option names with strcmp: `Processes=2` or `Python-Home=…` is an invalid option even
// though directive names themselves are case-insensitive.
import type { Rule } from './types';
import type { WsgiOptionDirective, WsgiOptionInfo } from '../catalog/wsgi-options';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { optionsByName } from '../catalog/wsgi-options';
import { apacheRange } from '../catalog/wsgi-edits';

export const wsgiOptionCase: Rule = {
  id: 'wsgi-option-case',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A mod_wsgi option written in the wrong case; option names are case-sensitive.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    // No closure in these loops: a closure that captures the loop variable makes V8 allocate a scope for every
    // option (the closure itself is in sameButCase).
    const list = wsgiDirectives(ctx);
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      for (let k = 0; k < args.options.length; k++) {
        const o = args.options[k];
        if (optionsByName(args.directive).has(o.name)) continue;
        const known = sameButCase(args.directive, o.name);
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

/** The directive's option whose name differs from `name` only in case. */
function sameButCase(directive: WsgiOptionDirective, name: string): WsgiOptionInfo | undefined {
  const lower = name.toLowerCase();
  return directive.options.find((x) => x.name.toLowerCase() === lower);
}
