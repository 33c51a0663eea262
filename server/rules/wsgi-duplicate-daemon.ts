// Daemon group names are global to the whole server, across every <VirtualHost>: mod_wsgi refuses the second
// WSGIDaemonProcess with a name already used ("Name duplicates previous WSGI daemon definition.").
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import type { WsgiHead } from '../catalog/wsgi-arguments';
import { wsgiArgumentsOf, wsgiHeads, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, scopeOf, wholeLines } from '../catalog/wsgi-edits';

export const wsgiDuplicateDaemon: Rule = {
  id: 'wsgi-duplicate-daemon',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A WSGIDaemonProcess group name defined twice anywhere in the server; the second definition fails.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  // ServerName: the message names the host of the first definition (scopeOf).
  inputs: ['wsgidaemonprocess', 'servername'],
  check(ctx) {
    const first = new Map<string, WsgiHead>();
    // Only the group names are compared: the options are read (whole) only for a definition reported here.
    for (const args of wsgiHeads(ctx, 'wsgidaemonprocess')) {
      const name = args.positional[0];
      if (!name || name.text === '' || name.unresolved) continue;
      const earlier = first.get(name.text);
      if (!earlier) {
        first.set(name.text, args);
        continue;
      }
      // Removing is safe only for an identical definition in the same section: references keep resolving the same.
      const same = words(ctx.text, earlier) === words(ctx.text, args) && earlier.node.parent === args.node.parent;
      reportRejected(ctx, [earlier, args], {
        ...apacheRange(ctx.text, wsgiArgumentsOf(ctx, args), name.start, name.end),
        message: `Daemon process group '${name.text}' is already defined ${scopeOf(earlier.node)}; group names must be unique in the whole server, across all virtual hosts, so mod_wsgi rejects this second definition.`,
        fixes: same ? [{ title: 'Remove this repeated definition', preferred: true, edits: [{ ...wholeLines(ctx.text, args.node.start, args.lineEnd), newText: '' }] }] : [],
      });
    }
  },
};

function words(text: string, args: WsgiHead): string {
  return text.slice(args.node.start, args.lineEnd).replace(/\\\r?\n/g, ' ').trim().split(/\s+/).join(' ');
}
