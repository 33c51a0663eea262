// The positional words of WSGIScriptAlias(Match), WSGIImportScript, WSGIHandlerScript … : a missing URL or
// script path fails configtest, and an option written before the path is read as the path itself (then the
// real path is an "Invalid option"; when nothing follows, Apache accepts a script literally named
// "process-group=x" and requests fail later).
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, removal } from '../catalog/wsgi-edits';
import { WsgiToken, hasEarlyOption, rejectsEarlyOption, wordsTakenAsPositional, type WsgiArguments } from '../catalog/wsgi-arguments';

export const wsgiScriptArgs: Rule = {
  id: 'wsgi-script-args',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A mod_wsgi script directive missing its URL, handler name or script path, or with an option before them.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  perSection: true,
  check(ctx) {
    const list = wsgiDirectives(ctx);
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      const d = args.directive;
      if (d.name === 'WSGIDaemonProcess') continue;
      // The common case, every positional word present and no option before them: nothing to say, and no list or
      // closure built for it (this runs for every WSGIScriptAlias).
      if (!hasEarlyOption(args) && args.positional.length === d.positional.length && !hasEmptyWord(args)) continue;
      const early = args.options.filter((o) => o.early);
      const wanted = d.positional.map((p) => p.name).join(' and ');
      const last = args.positional[args.positional.length - 1];
      // What mod_wsgi itself takes as the positional words: the first ones written, options included.
      const taken = wordsTakenAsPositional(args).map((w) => ({ start: w.start, empty: w instanceof WsgiToken && w.text === '' && !w.unresolved }));
      // mod_wsgi fails only when a real path follows the option; otherwise the option text becomes the path.
      const rejected = rejectsEarlyOption(args);
      for (const o of early) {
        const raw = ctx.text.slice(o.start, o.end);
        const slot = taken.findIndex((w) => w.start === o.start);
        const misread = slot >= 0 ? `mod_wsgi reads '${raw}' as the ${d.positional[slot].name}` : `'${raw}' comes before the ${d.positional[d.positional.length - 1].name}`;
        const finding = {
          ...apacheRange(ctx.text, args, o.start, o.end),
          message: `Options go after the ${wanted}: ${misread}${rejected ? ', so mod_wsgi rejects the line' : ', so requests will look for a script of that name'}.`,
          fixes: rejected
            ? [{ title: `Move '${raw}' after the ${d.positional[d.positional.length - 1].name}`, preferred: true, edits: [removal(ctx.text, o.start, o.end), { start: last.end, end: last.end, newText: ` ${raw}` }] }]
            : [],
        };
        if (rejected) reportRejected(ctx, args, finding);
        else ctx.report({ ...finding, severity: 'warning' });
      }
      const empty = taken.findIndex((w) => w.empty);
      if (taken.length === d.positional.length && empty < 0) continue;
      const missing = d.positional.slice(taken.length).map((p) => p.name);
      reportRejected(ctx, args, {
        ...apacheRange(ctx.text, args, args.node.start, args.node.end),
        message:
          empty >= 0
            ? `${d.name} has an empty ${d.positional[empty].name}; mod_wsgi needs the ${wanted} and rejects the line.`
            : `${d.name} needs the ${wanted}; the ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing, so mod_wsgi rejects the line.`,
      });
    }
  },
};

/** A positional word that is empty as mod_wsgi reads it (`""`, or a known ${VAR} that is empty). */
function hasEmptyWord(args: WsgiArguments): boolean {
  for (let i = 0; i < args.positional.length; i++) if (args.positional[i].text === '' && !args.positional[i].unresolved) return true;
  return false;
}
