// Two virtual hosts on the same address and port listing the same name: Apache picks the first host that lists
// a name, so the second never receives those requests.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { hostLabel, hostNameOf, hostsByAddress } from '../model/hosts';

export const vhostDuplicateName: Rule = {
  id: 'vhost-duplicate-name',
  defaultSeverity: 'warning',
  description: 'The same ServerName/ServerAlias in two virtual hosts on the same address and port.',
  docUrl: `${APACHE_DOCS}core.html#serveralias`,
  inputs: ['servername', 'serveralias'],
  check(ctx) {
    const reported = new Set<number>();
    // forEach and indexed loops: the allocation profile showed an iterator result per host and per name here.
    hostsByAddress(ctx.model).forEach((hosts, address) => {
      const owner = new Map<string, (typeof hosts)[number]>();
      for (let i = 0; i < hosts.length; i++) {
        const v = hosts[i];
        for (let k = 0; k < v.names.length; k++) {
          const w = v.names[k];
          const name = hostNameOf(w.value);
          const first = owner.get(name);
          if (!first) owner.set(name, v);
          else if (first !== v && !reported.has(w.start)) {
            reported.add(w.start);
            ctx.report({
              start: w.start,
              end: w.end,
              message:
                `'${name}' is already a name of ${hostLabel(first)} on ${address}, which comes first: requests for '${name}' ` +
                `go there and never reach ${hostLabel(v)}. Remove the name from one of the two hosts.`,
            });
          }
        }
      }
    });
  },
};
