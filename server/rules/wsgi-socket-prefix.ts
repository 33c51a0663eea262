// The daemon sockets live at WSGISocketPrefix. In a world-writable directory such as /tmp any local user may
// create files where Apache expects its sockets, and temp cleaners may delete the sockets of long-running daemons.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGISocketPrefix.html
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { normalizePath } from '../model/paths';
import { namedDirectives } from '../model/host-index';

const WORLD_WRITABLE = ['/tmp', '/var/tmp', '/dev/shm', '/run/shm', '/var/lock', '/run/lock'];

/** Safe places per distribution: the run directory Apache owns. */
const SAFE = [
  { path: '/var/run/apache2/wsgi', title: 'Use /var/run/apache2/wsgi (Debian, Ubuntu: the packaged default)' },
  { path: 'run/wsgi', title: 'Use run/wsgi (RHEL, Fedora, CentOS: relative to ServerRoot, i.e. /etc/httpd/run)' },
];

export const wsgiSocketPrefix: Rule = {
  id: 'wsgi-socket-prefix',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'WSGISocketPrefix under /tmp or another world-writable directory.',
  docUrl: `${WSGI_DOCS}WSGISocketPrefix.html`,
  check(ctx) {
    for (const d of namedDirectives(ctx.model, 'wsgisocketprefix')) {
      const w = d.args[0];
      if (!w) continue;
      const path = normalizePath(w.value);
      const place = WORLD_WRITABLE.find((p) => path === p || path.startsWith(p + '/'));
      if (!place) continue;
      ctx.report({
        start: w.start,
        end: w.end,
        message:
          `WSGISocketPrefix '${w.value}' puts the daemon sockets in ${place}, which every local user can write, and temp cleaners ` +
          `may delete sockets of long-running daemons (then requests fail with 503 "Unable to connect to WSGI daemon process"). ` +
          `Use a directory only Apache's user can write.`,
        // Which directory is right depends on the distribution, so neither fix is applied by --fix on its own.
        fixes: SAFE.map((s) => ({ title: s.title, edits: [{ start: w.start, end: w.end, newText: s.path }] })),
      });
    }
  },
};
