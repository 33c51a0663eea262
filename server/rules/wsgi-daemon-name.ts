// WSGIDaemonProcess takes the group name first. Without one mod_wsgi fails ("Name of WSGI daemon process not
// supplied."); an option written first is accepted but becomes the name (`processes=2` names a group).
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiOption } from '../catalog/wsgi-options';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange } from '../catalog/wsgi-edits';

export const wsgiDaemonName: Rule = {
  id: 'wsgi-daemon-name',
  defaultSeverity: 'error',
  description: 'WSGIDaemonProcess without a group name, or with an option where the name belongs.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    const list = wsgiDirectives(ctx, 'wsgidaemonprocess');
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      const name = args.positional[0];
      if (!name || (name.text === '' && !name.unresolved)) {
        const node = args.node;
        reportRejected(ctx, args, {
          ...apacheRange(ctx.text, args, node.start, name ? name.end : node.nameSpan.end),
          message: `WSGIDaemonProcess needs a group name before its options (e.g. 'WSGIDaemonProcess site processes=2'); mod_wsgi rejects it without one.`,
        });
        continue;
      }
      const eq = name.text.indexOf('=');
      if (name.quoted || eq <= 0 || !wsgiOption('wsgidaemonprocess', name.text.slice(0, eq))) continue;
      ctx.report({
        start: name.start,
        end: name.end,
        severity: 'warning',
        message: `The first word of WSGIDaemonProcess is the group name, so this defines a group literally named '${name.text}'. Put the name first: 'WSGIDaemonProcess NAME ${name.text} …'.`,
      });
    }
  },
};
