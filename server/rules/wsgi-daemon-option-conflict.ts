// script-user and script-group both restrict which WSGI script files a daemon group will run, by owner; mod_wsgi
// allows only one of them ("Only one of script-user and script-group allowed.").
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, removal } from '../catalog/wsgi-edits';

export const wsgiDaemonOptionConflict: Rule = {
  id: 'wsgi-daemon-option-conflict',
  defaultSeverity: 'error',
  fixable: true,
  description: 'WSGIDaemonProcess with both script-user and script-group, which mod_wsgi refuses.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    for (const args of wsgiDirectives(ctx, 'wsgidaemonprocess')) {
      // The last occurrence of each wins in mod_wsgi; an empty value is already an error of its own.
      const last = (name: string) => args.options.filter((o) => o.name === name && o.value.text !== '').pop();
      const user = last('script-user');
      const group = last('script-group');
      if (!user || !group || user.unresolved || group.unresolved) continue;
      const second = user.start > group.start ? user : group;
      const name = args.positional[0]?.text ?? '';
      reportRejected(ctx, args, {
        ...apacheRange(ctx.text, args, second.start, second.end),
        message: `Daemon group '${name}' gives both script-user and script-group; mod_wsgi accepts only one of them (scripts must be owned by that user, or by that group).`,
        fixes: [user, group].map((o) => ({ title: `Remove '${ctx.text.slice(o.start, o.end)}'`, edits: [removal(ctx.text, o.start, o.end)] })),
      });
    }
  },
};
