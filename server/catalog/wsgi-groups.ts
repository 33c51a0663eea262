// The daemon groups a mod_wsgi directive can reach while Apache reads the config, for the checks mod_wsgi makes
// on WSGIScriptAlias (with both process-group and application-group) and WSGIImportScript: the group must be
// defined earlier, globally or in a virtual host with the same ServerName (compared as written, case-sensitive).
import type { RuleContext } from '../rules/types';
import type { SectionNode } from '../syntax/ast';
import { directivesNamed, enclosingVirtualHost } from '../model/model';
import { wsgiHeads } from './wsgi-scan';
import type { WsgiHead } from './wsgi-arguments';
import { definesAt, reachOf } from './wsgi-reach';
import { environmentOf, substitute } from '../model/variables';

export interface DaemonDef {
  name: string;
  /** The WSGIDaemonProcess read up to its name (wsgiArgumentsOf gives its options). */
  args: WsgiHead;
  vhost: SectionNode | null;
}

const defsCache = new WeakMap<readonly WsgiHead[], readonly DaemonDef[]>();

/**
 * Every WSGIDaemonProcess Apache may read, in document order. Built once per model and view (keyed by
 * wsgiHeads' list, which is one per model and view): two rules ask. Shared: read it, never change it.
 */
export function daemonDefs(ctx: RuleContext): readonly DaemonDef[] {
  const list = wsgiHeads(ctx, 'wsgidaemonprocess');
  const hit = defsCache.get(list);
  if (hit) return hit;
  const defs: DaemonDef[] = [];
  for (let i = 0; i < list.length; i++) {
    const args = list[i];
    const name = args.positional[0];
    if (name && name.text !== '' && !name.unresolved) defs.push({ name: name.text, args, vhost: enclosingVirtualHost(args.node) });
  }
  const kept = defs.slice();
  defsCache.set(list, kept);
  return kept;
}

/**
 * The host part of the ServerName in effect for `vhost` (null: the main server) at `offset`: null when none
 * is set yet, undefined when we cannot know (a ${VAR} we cannot resolve, a block Apache may skip).
 */
export function serverNameAt(ctx: RuleContext, vhost: SectionNode | null, offset: number): string | null | undefined {
  let host: string | null | undefined = null;
  for (const d of directivesNamed(ctx.model, 'servername')) {
    if (d.start >= offset) break;
    if (enclosingVirtualHost(d) !== vhost || !d.args[0]) continue;
    const vars = definesAt(ctx.ast, d.start, ctx.seesWholeServer);
    const reach = reachOf(d, vars, ctx.seesWholeServer).reach;
    if (reach === 'skipped') continue;
    const value = substitute(d.args[0].value, { defined: vars, environment: environmentOf(ctx.ast) });
    // set_server_name: drop a scheme://, then cut at the first ':' (the port).
    host = reach === 'maybe' || value.unresolved.length > 0 ? undefined : value.text.replace(/^.*?:\/\//, '').split(':')[0];
  }
  return host;
}

/** Why mod_wsgi refuses `def` from a directive in `vhost` at `offset`, or null when it is reachable. */
export function unreachable(ctx: RuleContext, def: DaemonDef, vhost: SectionNode | null, offset: number): { kind: 'accessible' | 'matchable'; here: string | null; there: string | null } | null {
  if (!def.vhost || def.vhost === vhost) return null;
  const here = serverNameAt(ctx, vhost, offset);
  const there = serverNameAt(ctx, def.vhost, offset);
  if (here === undefined || there === undefined) return null;
  if (here !== null && there !== null) return here === there ? null : { kind: 'accessible', here, there };
  return here === there ? null : { kind: 'matchable', here, there };
}
