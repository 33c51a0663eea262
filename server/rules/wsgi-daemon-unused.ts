// A WSGIDaemonProcess nobody delegates to: the application keeps running embedded in Apache's children and the
// daemon's options (python-home, threads, user …) silently do nothing.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { usedGroupNames } from '../model/groups';
import { insertBelow } from '../model/edits';

export const wsgiDaemonUnused: Rule = {
  id: 'wsgi-daemon-unused',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A WSGIDaemonProcess group that no WSGIProcessGroup, process-group= or WSGIImportScript uses.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    const used = usedGroupNames(ctx.model);
    // WSGIProcessGroup %{ENV:…} picks a group per request, so any group may be in use.
    if (used.dynamic) return;
    // A file that only defines groups (conf-enabled/wsgi.conf) is used from other files: say so, quietly, and
    // offer no fix, since where the WSGIProcessGroup belongs is in those other files.
    const partial = !ctx.seesWholeServer && ctx.model.scriptAliases.length === 0 && ctx.model.processGroupRefs.length === 0;
    for (const d of ctx.model.daemons) {
      if (!d.name || used.names.has(d.name)) continue;
      ctx.report({
        start: d.nameWord.start,
        end: d.nameWord.end,
        severity: partial ? 'information' : undefined,
        message:
          `Daemon process group '${d.name}' is defined but nothing delegates to it, so the application still runs ` +
          `embedded in Apache's own processes and options such as python-home are ignored. ` +
          `Add 'WSGIProcessGroup ${d.name}' (or process-group=${d.name} on the WSGIScriptAlias).` +
          (partial ? ` (This file has no WSGIScriptAlias; if another file of the server uses the group, all is well.)` : ''),
        // A name with blanks, quotes or `#` would be read as other words once written unquoted, and `%{…}` after
        // WSGIProcessGroup is expanded per request: no fix then.
        fixes: partial || !/^[^\s"'\\#]+$/.test(d.name) || d.name.includes('%{') ? [] : [
          {
            title: `Insert 'WSGIProcessGroup ${d.name}' after it`,
            preferred: true,
            edits: [insertBelow(ctx.text, d.node.end, [`WSGIProcessGroup ${d.name}`], d.node.start)],
          },
        ],
      });
    }
  },
};
