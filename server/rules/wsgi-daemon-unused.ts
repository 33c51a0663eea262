// A WSGIDaemonProcess nobody delegates to: the application keeps running embedded in Apache's children and the
// daemon's options (python-home, threads, user …) silently do nothing.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { lineIndentation, lineEndOf, eolOf } from '../syntax/text-edits';

export const wsgiDaemonUnused: Rule = {
  id: 'wsgi-daemon-unused',
  defaultSeverity: 'warning',
  description: 'A WSGIDaemonProcess group that no WSGIProcessGroup, process-group= or WSGIImportScript uses.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    const used = new Set(ctx.model.processGroupRefs.map((r) => r.name));
    for (const d of ctx.model.daemons) {
      if (used.has(d.name)) continue;
      const at = lineEndOf(ctx.text, d.node.end);
      ctx.report({
        start: d.nameWord.start,
        end: d.nameWord.end,
        message:
          `Daemon process group '${d.name}' is defined but nothing delegates to it, so the application still runs ` +
          `embedded in Apache's own processes and options such as python-home are ignored. ` +
          `Add 'WSGIProcessGroup ${d.name}' (or process-group=${d.name} on the WSGIScriptAlias).`,
        fixes: [
          {
            title: `Insert 'WSGIProcessGroup ${d.name}' after it`,
            preferred: true,
            edits: [{ start: at, end: at, newText: `${eolOf(ctx.text)}${lineIndentation(ctx.text, d.node.start)}WSGIProcessGroup ${d.name}` }],
          },
        ],
      });
    }
  },
};
