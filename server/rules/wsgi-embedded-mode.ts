// A WSGIScriptAlias nobody routed to a daemon group runs inside Apache's own worker processes: the app shares
// them with everything else, is reloaded by every Apache restart, and cannot have its own user or virtualenv.
// Choosing embedded mode explicitly (%{GLOBAL}) is respected.
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { accessibleGroups, effectiveProcessGroup, freshNameAmong, takenGroupNames, usedGroupNames } from '../model/groups';
import { hostNameOf, virtualHostOf } from '../model/hosts';
import { namedDirectives } from '../model/host-index';
import { scriptLocation } from '../model/scope';
import { basenameOf } from '../model/paths';
import { insertAbove, insertBelow } from '../model/edits';
import { contextSection, type DaemonGroup, type ScriptAlias } from '../model/model';
import type { DirectiveNode, SectionNode } from '../syntax/ast';

export const wsgiEmbeddedMode: Rule = {
  id: 'wsgi-embedded-mode',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A WSGIScriptAlias whose requests run in embedded mode because no daemon process group is in effect.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  check(ctx) {
    const { model, text } = ctx;
    const embedded = model.scriptAliases.filter((a) => {
      const group = effectiveProcessGroup(model, a);
      return group.value === null && group.certain && a.url && a.target;
    });
    // Nothing else is needed when no alias runs embedded (a config in daemon mode): not even a look at every directive.
    if (embedded.length === 0) return;
    const used = usedGroupNames(model);
    const restricted = namedDirectives(model, 'wsgirestrictembedded').some((d) => d.args[0]?.value.toLowerCase() === 'on');
    // What depends on the alias only through its host is worked out once per host (a config without daemon mode
    // has an embedded alias in every host): the first embedded alias, and the groups the host may delegate to.
    const anchors = new Map<SectionNode | null, ScriptAlias>();
    for (const a of embedded) if (!anchors.has(a.vhost)) anchors.set(a.vhost, a);
    const nearBy = new Map<SectionNode | null, DaemonGroup[]>();
    let accessible: ((scope: SectionNode | null) => DaemonGroup[]) | undefined;
    let taken: Set<string> | undefined;
    for (const alias of embedded) {
      const url = alias.url!.value;
      // Fixes for every embedded alias of a host insert at its first one, the same edit, so --fix adds one group.
      const anchor = anchors.get(alias.vhost)!;
      // A line inserted inside <Directory>, <Files> … would not apply to the alias: only insert in the host's own body.
      if (!inScope(anchor.node, alias)) {
        ctx.report({ start: alias.node.nameSpan.start, end: alias.node.nameSpan.end, message: embeddedMessage(url, restricted) });
        continue;
      }
      const serverName = virtualHostOf(model, alias.vhost)?.serverName?.args[0]?.value;
      const name = freshNameAmong((taken ??= takenGroupNames(model)), serverName ? hostNameOf(serverName) : basenameOf(scriptLocation(anchor).dir ?? '') || 'wsgi-app');
      const fixes: Fix[] = [];
      // Groups this alias could delegate to: those defined in its own scope, and unused ones it may reach.
      let near = nearBy.get(alias.vhost);
      if (!near) {
        near = (accessible ??= accessibleGroups(model))(alias.vhost).filter((d) => (d.vhost === alias.vhost || !used.names.has(d.name)) && /^[^\s"'\\#]+$/.test(d.name));
        nearBy.set(alias.vhost, near);
      }
      for (const d of near) {
        // Same edit as wsgi-daemon-unused's fix when the group sits in this scope, so --fix inserts it once.
        const edit = d.vhost === alias.vhost && inScope(d.node, alias) ? insertBelow(text, d.node.end, [`WSGIProcessGroup ${d.name}`], d.node.start) : insertAbove(text, anchor.node.start, [`WSGIProcessGroup ${d.name}`]);
        const state = used.names.has(d.name) ? '' : 'unused ';
        fixes.push({ title: `Delegate to the ${state}daemon group '${d.name}' (WSGIProcessGroup ${d.name})`, preferred: near.length === 1, edits: [edit] });
      }
      fixes.push({
        title: `Run in daemon mode: add WSGIDaemonProcess ${name} and WSGIProcessGroup ${name}`,
        preferred: near.length === 0,
        edits: [insertAbove(text, anchor.node.start, [`WSGIDaemonProcess ${name}`, `WSGIProcessGroup ${name}`])],
      });
      ctx.report({
        start: alias.node.nameSpan.start,
        end: alias.node.nameSpan.end,
        message: embeddedMessage(url, restricted),
        fixes,
      });
    }
  },
};

/** Whether a line at `node` stands in the alias's host's own body (not inside <Directory>, <Files> …). */
function inScope(node: DirectiveNode, alias: ScriptAlias): boolean {
  return contextSection(node) === alias.vhost;
}

function embeddedMessage(url: string, restricted: boolean): string {
  return (
    `Requests for '${url}' run in embedded mode (no process-group= and no WSGIProcessGroup in effect here): the app runs inside Apache's own worker processes` +
    (restricted ? `, and with WSGIRestrictEmbedded On every request fails with 500.` : `, sharing them with everything else.`) +
    ` Delegate it to a daemon group with WSGIProcessGroup, or write WSGIProcessGroup %{GLOBAL} if embedded mode is what you want.`
  );
}
