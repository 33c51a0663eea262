// WSGIProcessGroup (or process-group=) naming a group no WSGIDaemonProcess defines: `apache2 -t` says nothing,
// then every request gets 500 and the log says "No WSGI daemon process called '…' has been configured". A
// WSGIProcessGroup that no request consults (every WSGIScriptAlias it would apply to names its own group with
// process-group=, which mod_wsgi lets win) fails nothing yet: a warning then, about a line that only misleads.
import type { Fix, Rule, RuleContext } from './types';
import type { ProcessGroupRef } from '../model/model';
import { WSGI_DOCS } from './types';
import { isSpecialGroupName } from '../model/model';
import { checkedAtParseTime, daemonNamed } from '../model/groups';
import { isDynamic } from '../model/paths';
import { editDistance } from '../catalog/wsgi-edits';
import { effectiveSetting } from '../model/scope';
import { namedDirectivesAmong } from '../model/host-index';

export const wsgiUndefinedProcessGroup: Rule = {
  id: 'wsgi-undefined-process-group',
  defaultSeverity: 'error',
  fixable: true,
  description: 'WSGIProcessGroup or process-group= names a daemon process group that no WSGIDaemonProcess defines.',
  docUrl: `${WSGI_DOCS}WSGIProcessGroup.html`,
  requestTime: true,
  check(ctx) {
    const { model } = ctx;
    // The defined names, for "did you mean": gathered when the first undefined reference is found (most files have none).
    let defined: string[] | undefined;
    // With no WSGIDaemonProcess at all in a lone file, the groups are most likely defined in another file.
    const unsure = !ctx.seesWholeServer && model.daemons.length === 0;
    for (const ref of model.processGroupRefs) {
      if (isSpecialGroupName(ref.name) || isDynamic(ref.name) || daemonNamed(model, ref.name) || checkedAtParseTime(ref)) continue;
      defined ??= [...new Set(model.daemons.map((d) => d.name))];
      const limit = Math.max(2, Math.floor(ref.name.length / 3));
      const near = defined
        .map((name) => ({ name, distance: editDistance(ref.name, name) }))
        // Only names that stay one plain word when written in (no blanks, quotes, `#` or trailing `\`).
        .filter((c) => c.distance <= limit && /^[^\s"'\\#]+$/.test(c.name))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 3);
      const fixes: Fix[] = near.map((c, i) => ({
        title: `Change to '${c.name}'`,
        preferred: i === 0 && (near.length === 1 || near[1].distance > c.distance),
        edits: [{ start: ref.span.start, end: ref.span.end, newText: c.name }],
      }));
      const where = ctx.seesWholeServer ? 'the server configuration' : 'this file';
      const unused = consultedByNoRequest(ctx, ref);
      ctx.report({
        start: ref.span.start,
        end: ref.span.end,
        severity: unsure || unused ? 'warning' : undefined,
        message:
          (unused
            ? `No WSGIDaemonProcess in ${where} defines the process group '${ref.name}', but no request uses this line: every ` +
              `WSGIScriptAlias it applies to names its own group with process-group=, which wins. Correct the name or remove the line, ` +
              `before an alias without process-group= gets 500 from it ("No WSGI daemon process called '${ref.name}' has been configured").`
            : `No WSGIDaemonProcess in ${where} defines the process group '${ref.name}': Apache accepts the config, then answers ` +
              `every request for it with 500 ("No WSGI daemon process called '${ref.name}' has been configured").`) +
          (near.length ? ` Did you mean ${near.map((c) => `'${c.name}'`).join(' or ')}?` : '') +
          (unsure ? ' (This file defines no daemon groups; if another file of the server does, ignore this.)' : ''),
        fixes,
      });
    }
  },
};

/** Handlers that run WSGI scripts without an alias (a directory of .wsgi files): WSGIProcessGroup applies to them too. */
const HANDLER_DIRECTIVES = ['addhandler', 'sethandler', 'addtype', 'wsgihandlerscript'];

/**
 * Whether no request consults this WSGIProcessGroup line: the file (or the whole server) has aliases, each one's
 * process group is known for certain and comes from elsewhere (its own process-group=, a closer WSGIProcessGroup),
 * and nothing runs WSGI scripts by handler. A line outside any <VirtualHost> read in a lone file may apply to hosts
 * in other files: never said of it then.
 */
function consultedByNoRequest(ctx: RuleContext, ref: ProcessGroupRef): boolean {
  const { model } = ctx;
  if (ref.via !== 'WSGIProcessGroup' || (!ref.vhost && !ctx.seesWholeServer) || model.scriptAliases.length === 0) return false;
  const handlers = namedDirectivesAmong(model, HANDLER_DIRECTIVES);
  for (let i = 0; i < handlers.length; i++) {
    const h = handlers[i];
    if (h.nameLower === 'wsgihandlerscript' || h.args.some((w) => /^(wsgi-script|application\/x-httpd-wsgi)$/i.test(w.value))) return false;
  }
  for (const alias of model.scriptAliases) {
    if (alias.match) return false;
    const e = effectiveSetting(model, alias, 'wsgiprocessgroup', 'process-group');
    if (!e.certain || e.from === ref.node) return false;
  }
  return true;
}
