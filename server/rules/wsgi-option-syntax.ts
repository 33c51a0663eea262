// mod_wsgi options are `name=value` with nothing between the name and `=`: `threads = 5`, a bare word or `=5`
// fail configtest. After `=` blanks are skipped, so `threads= 5` works, and `process-group= application-group=x`
// quietly names the process group "application-group=x"; that one is a warning.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange } from '../catalog/wsgi-edits';
import type { WsgiArguments } from '../catalog/wsgi-arguments';

export const wsgiOptionSyntax: Rule = {
  id: 'wsgi-option-syntax',
  defaultSeverity: 'error',
  fixable: true,
  description: 'Text where a mod_wsgi directive expects name=value options: spaces around =, a bare word, a missing name.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    const list = wsgiDirectives(ctx);
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      const d = args.directive.name;
      for (const m of args.malformed) {
        if (m.unresolved) continue;
        const range = apacheRange(ctx.text, args, m.start, m.end);
        if (m.kind === 'spaced') {
          const value = m.value && (m.value.text || m.value.quoted) ? ctx.text.slice(m.value.start, m.value.end) : '';
          const joined = `${ctx.text.slice(m.start, m.nameEnd)}=${value}`;
          // A quote the value opens and never closes would, joined, swallow the rest of the line: no fix then.
          const open = !closesItsQuote(value);
          reportRejected(ctx, args, {
            ...range,
            message: `${d} options are written name=value with no space before '=': mod_wsgi rejects '${m.name} =…'; write '${joined}'.`,
            fixes: value && !open ? [{ title: `Write '${joined}'`, preferred: true, edits: [{ start: m.start, end: m.end, newText: joined }] }] : [],
          });
        } else if (m.kind === 'equals') {
          reportRejected(ctx, args, { ...range, message: `'${m.name}' has no option name before '=', so mod_wsgi rejects the line.` });
        } else {
          const option = args.directive.options.find((o) => o.name === m.name);
          const message = option
            ? `'${m.name}' needs a value: mod_wsgi only takes name=value options, e.g. '${option.example}'.`
            : `'${m.name}' is not a name=value option; after its ${args.directive.positional.map((p) => p.name).join(' and ')} ${d} takes only options, so mod_wsgi rejects the line.${spaceInPath(args, m.start) ? ' A path with a space must be quoted.' : ''}`;
          reportRejected(ctx, args, { ...range, message });
        }
      }
      for (let k = 0; k < args.options.length; k++) {
        const o = args.options[k];
        if (!o.detached || o.unresolved || (!o.value.text && !o.value.quoted)) continue;
        const eq = o.nameEnd;
        ctx.report({
          start: o.start,
          end: o.end,
          severity: 'warning',
          message: `Blank after '${o.name}=': mod_wsgi skips it and takes the next word, '${o.value.text}', as the value of ${o.name}. Remove the blank if that is meant, or give ${o.name} its own value.`,
          fixes: [{ title: `Join '${o.name}=' and its value`, preferred: true, edits: [{ start: eq + 1, end: o.value.start, newText: '' }] }],
        });
      }
    }
  },
};

/** The word right after an unquoted path: most likely the rest of a path with a space in it. */
function spaceInPath(args: WsgiArguments, at: number): boolean {
  const last = args.positional[args.positional.length - 1];
  const next = [...args.options.map((o) => o.start), ...args.malformed.map((x) => x.start)].filter((s) => s > (last?.end ?? Infinity));
  return !!last && !last.quoted && last.text.includes('/') && Math.min(...next) === at && args.directive.name !== 'WSGIDaemonProcess';
}

/** False when `value` opens a quote it may not close (backslashes and continuations inside are not judged). */
function closesItsQuote(value: string): boolean {
  const q = value[0];
  if (q !== '"' && q !== "'") return true;
  return value.length >= 2 && value.endsWith(q) && !/[\\\r\n]/.test(value);
}
