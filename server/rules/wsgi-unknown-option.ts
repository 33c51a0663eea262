// An option name the mod_wsgi directive does not know (a typo, an option of another directive, or one from
// another mod_wsgi release): mod_wsgi stops reading the line with "Invalid option to WSGI … definition.".
import type { Rule, RuleContext } from './types';
import type { WsgiArguments, WsgiOptionToken } from '../catalog/wsgi-arguments';
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
  perSection: true,
  check(ctx) {
    // The report is built in reportUnknown: a closure here that captured the loop variables would make V8
    // allocate a scope for every option, known or not.
    const list = wsgiDirectives(ctx);
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      const known = optionNamesLower(args.directive);
      for (let k = 0; k < args.options.length; k++) {
        const o = args.options[k];
        // A different case is wsgi-option-case; an unresolved ${VAR} in the name is not judged.
        // `known.has(o.name)` first: most names are known as written, and toLowerCase makes a new string.
        if (o.name.includes('${') || known.has(o.name) || known.has(o.name.toLowerCase())) continue;
        reportUnknown(ctx, args, o);
      }
    }
  },
};

/** Reports option `o`, which `args.directive` does not know in any case. */
function reportUnknown(ctx: RuleContext, args: WsgiArguments, o: WsgiOptionToken): void {
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
