// A daemon group defined inside one <VirtualHost> may only serve hosts with the same ServerName. Used from
// another host (or from server level for such a host), `apache2 -t` passes and every request gets 500:
// "Daemon process called '…' cannot be accessed by this WSGI application".
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { isSpecialGroupName } from '../model/model';
import { checkedAtParseTime, daemonNamed, effectiveProcessGroup, groupAccessibleFrom } from '../model/groups';
import { hostLabel, virtualHostOf } from '../model/hosts';

export const wsgiProcessGroupInaccessible: Rule = {
  id: 'wsgi-process-group-inaccessible',
  defaultSeverity: 'error',
  description: 'A daemon process group defined in one virtual host used from a host with another ServerName.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  requestTime: true,
  check(ctx) {
    const { model } = ctx;
    for (const ref of model.processGroupRefs) {
      const daemon = daemonNamed(model, ref.name);
      if (!daemon?.vhost || isSpecialGroupName(ref.name) || checkedAtParseTime(ref)) continue;
      let user = ref.vhost;
      let url: string | undefined;
      if (!ref.vhost) {
        // A server-level WSGIProcessGroup is inherited by every host: the hosts whose scripts it serves decide.
        const hit = model.scriptAliases.find((a) => effectiveProcessGroup(model, a).from === ref.node && !groupAccessibleFrom(model, daemon, a.vhost));
        const servesAny = model.scriptAliases.some((a) => effectiveProcessGroup(model, a).from === ref.node);
        if (!hit && (servesAny || groupAccessibleFrom(model, daemon, null))) continue;
        user = hit?.vhost ?? null;
        url = hit?.url?.value;
      } else if (groupAccessibleFrom(model, daemon, ref.vhost)) continue;
      const owner = hostLabel(virtualHostOf(model, daemon.vhost));
      ctx.report({
        start: ref.span.start,
        end: ref.span.end,
        message:
          `Daemon process group '${ref.name}' is defined inside ${owner}, so only hosts with the same ServerName may use it; ` +
          `requests ${url ? `for '${url}' ` : ''}in ${hostLabel(virtualHostOf(model, user))} get 500 ` +
          `("Daemon process called '${ref.name}' cannot be accessed by this WSGI application"). ` +
          `Define the group at server level, or a group of its own in this host.`,
      });
    }
  },
};
