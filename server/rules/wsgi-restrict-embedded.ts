// When every app runs in a daemon group, WSGIRestrictEmbedded On stops mod_wsgi from also starting Python in
// every Apache worker (memory, start-up time) and turns a forgotten WSGIProcessGroup into a clear 500 instead
// of the app silently running embedded.
import type { Node } from '../syntax/ast';
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { effectiveProcessGroup, runsEmbedded } from '../model/groups';
import { enclosingVirtualHost } from '../model/model';
import { namedDirectives } from '../model/host-index';
import { insertAbove } from '../model/edits';

/** The outermost <VirtualHost> around a node, or the node itself: a place at server level above it. */
function serverLevelAnchor(node: Node): Node {
  let anchor: Node = node;
  for (let v = enclosingVirtualHost(node); v; v = enclosingVirtualHost(v)) anchor = v;
  return anchor;
}

export const wsgiRestrictEmbedded: Rule = {
  id: 'wsgi-restrict-embedded',
  defaultSeverity: 'hint',
  fixable: true,
  description: 'Every WSGIScriptAlias runs in daemon mode but WSGIRestrictEmbedded On is absent.',
  docUrl: `${WSGI_DOCS}WSGIRestrictEmbedded.html`,
  check(ctx) {
    const { model } = ctx;
    const first = model.daemons[0];
    if (!first || model.scriptAliases.length === 0) return;
    if (namedDirectives(model, 'wsgirestrictembedded').length > 0) return;
    // WSGIRestrictEmbedded is allowed at server level only; a lone file of <VirtualHost> blocks cannot hold it,
    // so ask for it only where the file configures mod_wsgi at server level (or is the whole server).
    // (The whole server needs no look at every directive.)
    if (!ctx.seesWholeServer && !model.directives.some((d) => d.nameLower.startsWith('wsgi') && !enclosingVirtualHost(d))) return;
    if (model.scriptAliases.some((a) => runsEmbedded(effectiveProcessGroup(model, a)))) return;
    ctx.report({
      start: first.node.nameSpan.start,
      end: first.node.nameSpan.end,
      message:
        `Every WSGIScriptAlias here runs in a daemon process group, yet mod_wsgi still starts Python in each Apache worker. ` +
        `Add 'WSGIRestrictEmbedded On' at server level to stop that and to make a forgotten WSGIProcessGroup fail loudly.`,
      fixes: [{ title: "Insert 'WSGIRestrictEmbedded On' at server level", edits: [insertAbove(ctx.text, serverLevelAnchor(first.node).start, ['WSGIRestrictEmbedded On'])] }],
    });
  },
};
