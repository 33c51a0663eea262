// WSGIImportScript preloads a script into one daemon group and one interpreter when the daemon starts, so
// mod_wsgi requires both process-group= and application-group= ("Name of WSGI … group required.").
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { enclosingVirtualHost } from '../model/model';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { daemonDefs } from '../catalog/wsgi-groups';
import { apacheRange } from '../catalog/wsgi-edits';
import { WsgiOptionToken, rejectsEarlyOption, wordsTakenAsPositional } from '../catalog/wsgi-arguments';

export const wsgiImportScriptGroups: Rule = {
  id: 'wsgi-import-script-groups',
  defaultSeverity: 'error',
  fixable: true,
  description: 'WSGIImportScript without both process-group= and application-group=.',
  docUrl: `${WSGI_DOCS}WSGIImportScript.html`,
  check(ctx) {
    const defs = daemonDefs(ctx);
    for (const args of wsgiDirectives(ctx, 'wsgiimportscript')) {
      // mod_wsgi takes the first word as the script path whatever it holds: an option written there is the path,
      // not an option. When a path follows it, mod_wsgi rejects that path as an option before it looks for the
      // groups (wsgi-script-args reports it, with the fix that moves the option).
      if (rejectsEarlyOption(args)) continue;
      const taken = wordsTakenAsPositional(args);
      const has = (name: string) => args.options.some((o) => o.name === name && !taken.includes(o));
      // Without a script path an added option would become the path (mod_wsgi takes the first word as it).
      const pathGiven = taken.length === args.directive.positional.length;
      const at = args.node.end;
      const vhost = enclosingVirtualHost(args.node);
      // Daemon groups defined before it that it can surely use: global ones and those of its own virtual host.
      const candidates = [...new Set(defs.filter((d) => d.args.node.start < at && (!d.vhost || d.vhost === vhost)).map((d) => d.name))];
      for (const option of ['application-group', 'process-group']) {
        if (has(option)) continue;
        // Written, but as the first word: the fix is a script path before it, which only the author knows.
        const asPath = taken.find((w): w is WsgiOptionToken => w instanceof WsgiOptionToken && w.name === option);
        // A group name that is not one plain word (blanks, quotes, a backslash) cannot be written after `=` as is.
        const value = option === 'application-group' ? '%{GLOBAL}' : candidates.length === 1 && /^[^\s"'\\#]+$/.test(candidates[0]) ? candidates[0] : undefined;
        // After an unclosed quote, or a last word `key=` (mod_wsgi takes the next word as its value), the added
        // words would be read as part of that value.
        const last = args.node.args[args.node.args.length - 1];
        const open = last?.unterminated || last?.raw.endsWith('=');
        const fixes: Fix[] = value && !open && !asPath && pathGiven ? [{ title: `Add ${option}=${value}`, preferred: true, edits: [{ start: at, end: at, newText: ` ${option}=${value}` }] }] : [];
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, args.node.nameSpan.start, args.node.nameSpan.end),
          message:
            `WSGIImportScript needs both process-group= and application-group= (the daemon group and interpreter to preload the script into); ${option}= is missing, so mod_wsgi rejects the line.` +
            (asPath ? ` '${ctx.text.slice(asPath.start, asPath.end)}' is the first word, which mod_wsgi reads as the script path: write the path before it.` : '') +
            (option === 'application-group' ? ' %{GLOBAL}, the main interpreter, is the usual choice.' : ''),
          fixes,
        });
      }
    }
  },
};
