// The prefork MPM with an application in embedded mode: every one of Apache's (many, single-threaded) children
// loads its own Python interpreter and a copy of the application: the worst case for memory and start-up.
// https://modwsgi.readthedocs.io/en/master/user-guides/processes-and-threading.html
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { effectiveProcessGroup, runsEmbedded } from '../model/groups';
import { namedDirectives } from '../model/host-index';

export const wsgiPreforkEmbedded: Rule = {
  id: 'wsgi-prefork-embedded',
  defaultSeverity: 'warning',
  description: 'The prefork MPM is loaded and an application runs in embedded mode.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    const { model } = ctx;
    const prefork = namedDirectives(model, 'loadmodule').find((d) => d.args[0]?.value === 'mpm_prefork_module');
    if (!prefork) return;
    for (const alias of model.scriptAliases) {
      const group = effectiveProcessGroup(model, alias);
      if (!group.certain || !runsEmbedded(group) || !alias.url) continue;
      ctx.report({
        start: alias.node.nameSpan.start,
        end: alias.node.nameSpan.end,
        message:
          `'${alias.url.value}' runs in embedded mode under the prefork MPM (loaded by LoadModule mpm_prefork_module): ` +
          `each of Apache's single-threaded child processes loads its own Python and a copy of the application, ` +
          `multiplying memory use and start-up time. Run the application in a WSGIDaemonProcess group, or switch ` +
          `to the event MPM.`,
      });
    }
  },
};
