// An option name the mod_wsgi directive does not know (a typo, an option of another directive, or one from
// another mod_wsgi release): mod_wsgi stops reading the line with "Invalid option to WSGI … definition.".
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { OTHER_RELEASE_DAEMON_OPTIONS, optionNamesLower, wsgiOptionDirectives } from '../catalog/wsgi-options';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, closest } from '../catalog/wsgi-edits';

export const wsgiUnknownOption: Rule = {
  id: 'wsgi-unknown-option',
  defaultSeverity: 'error',
  fixable: true,
  description: 'An option name that WSGIDaemonProcess, WSGIScriptAlias or another mod_wsgi directive does not accept.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    for (const args of wsgiDirectives(ctx)) {
      const known = optionNamesLower(args.directive);
      for (const o of args.options) {
        // A different case is wsgi-option-case; an unresolved ${VAR} in the name is not judged.
        if (o.name.includes('${') || known.has(o.name.toLowerCase())) continue;
        const names = args.directive.options.map((x) => x.name);
        const owner = wsgiOptionDirectives().find((d) => d !== args.directive && d.options.some((x) => x.name === o.name));
        const why = args.directive.name === 'WSGIDaemonProcess' ? OTHER_RELEASE_DAEMON_OPTIONS.get(o.name) : undefined;
        // A real option of another directive or release is no typo: no "did you mean".
        const guess = owner || why ? undefined : closest(o.name, names);
        // Inside a quoted word the name's text is not the name alone: renaming there would move the quote.
        const quoted = args.node.args.some((w) => w.quote !== null && w.start <= o.start && o.start < w.end);
        const detail = owner ? ` (it is an option of ${owner.name})` : why ? ` (it ${why}; Debian ships mod_wsgi 4.9.4)` : '';
        const hint = guess ? ` Did you mean '${guess}'?` : ` It accepts: ${names.join(', ')}.`;
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, o.start, o.nameEnd),
          message: `'${o.name}' is not an option of ${args.directive.name}${detail}, so mod_wsgi rejects the line.${hint}`,
          fixes: guess && !quoted ? [{ title: `Change to '${guess}'`, preferred: true, edits: [{ start: o.start, end: o.nameEnd, newText: guess }] }] : [],
        });
      }
    }
  },
};
