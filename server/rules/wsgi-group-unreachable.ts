// When WSGIScriptAlias(Match) names both process-group= and application-group= (no %{…}), or for
// WSGIImportScript, mod_wsgi preloads the script and checks the daemon group while reading the config: it must
// be defined earlier ("not yet configured"), and a group defined in a <VirtualHost> is usable only from virtual
// hosts with the same ServerName ("not accessible"; "not matchable" when just one side has a ServerName).
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { enclosingVirtualHost } from '../model/model';
import type { WsgiArguments, WsgiOptionToken } from '../catalog/wsgi-arguments';
import { wsgiDirectivesWhere, reportRejected } from '../catalog/wsgi-scan';
import { daemonDefs, unreachable, type DaemonDef } from '../catalog/wsgi-groups';
import { apacheRange, closest, scopeOf, wholeLines } from '../catalog/wsgi-edits';

export const wsgiGroupUnreachable: Rule = {
  id: 'wsgi-group-unreachable',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A daemon group that mod_wsgi checks at startup (process-group= with application-group=, WSGIImportScript) but that is not defined earlier or not reachable from here.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  check(ctx) {
    const defs = daemonDefs(ctx);
    // Only the directives checkedGroup can pick, and of those only lines that may name both groups: the others
    // are never read. Indexed: the allocation profile showed an iterator result per directive here.
    const all = wsgiDirectivesWhere(ctx, CHECKED, BOTH_GROUPS);
    for (let i = 0; i < all.length; i++) {
      const args = all[i];
      const pg = checkedGroup(args);
      if (!pg) continue;
      const name = pg.value.text;
      const range = apacheRange(ctx.text, args, pg.value.start, pg.value.end);
      const earlier = defs.find((d) => d.name === name && d.args.node.start < args.node.start);
      const why = 'mod_wsgi checks the group while reading the config because ' + (args.directive.name === 'WSGIImportScript' ? 'WSGIImportScript preloads into it' : 'both process-group and application-group are given');
      if (!earlier) {
        const later = defs.find((d) => d.name === name);
        if (later) {
          reportRejected(ctx, [args, later.args], { ...range, message: `Daemon group '${name}' is defined only further down (${scopeOf(later.args.node)}); ${why}, so its WSGIDaemonProcess must come first.`, fixes: moveUp(ctx.text, later, args) });
          continue;
        }
        // Only groups this line can use (judged, as below, by the first definition of the name): a guess from
        // another virtual host would be rejected in turn.
        const before = defs.filter((d) => d.args.node.start < args.node.start);
        const usable = [...new Set(before.map((d) => d.name))].filter((n) => !unreachable(ctx, before.find((d) => d.name === n)!, enclosingVirtualHost(args.node), args.node.start));
        const guess = closest(name, usable);
        const finding = {
          ...range,
          message: `No WSGIDaemonProcess named '${name}' is defined before this line; ${why}, so it rejects the line${ctx.seesWholeServer ? '' : ' unless a file read earlier defines the group'}.${guess ? ` Did you mean '${guess}'?` : ''}`,
          fixes: guess ? [{ title: `Change to '${guess}'`, preferred: true, edits: [{ start: pg.value.start, end: pg.value.end, newText: guess }] }] : [],
        };
        if (ctx.seesWholeServer) reportRejected(ctx, args, finding);
        else ctx.report({ ...finding, severity: 'warning' });
        continue;
      }
      const problem = unreachable(ctx, earlier, enclosingVirtualHost(args.node), args.node.start);
      if (!problem) continue;
      const here = problem.here === null ? 'no ServerName is set' : `the ServerName is ${problem.here}`;
      const there = problem.there === null ? ' (a virtual host without ServerName)' : '';
      reportRejected(ctx, [args, earlier.args], {
        ...range,
        message: `Daemon group '${name}' is defined ${scopeOf(earlier.args.node)}${there}, but where this ${args.directive.name} stands ${here}; ${why}, and a group defined in a <VirtualHost> can be used only under the same ServerName. Define the group at server level or in this virtual host.`,
      });
    }
  },
};

/** The directives checkedGroup can return a group for, and the options it needs on them. */
const CHECKED = ['wsgiscriptalias', 'wsgiscriptaliasmatch', 'wsgiimportscript'];
const BOTH_GROUPS = ['process-group', 'application-group'];

/** The process-group= mod_wsgi checks on this directive, if it checks one. */
function checkedGroup(args: WsgiArguments): WsgiOptionToken | undefined {
  const pg = lastOption(args, 'process-group');
  const ag = lastOption(args, 'application-group');
  if (!pg || !ag || pg.unresolved || ag.unresolved || pg.value.text === '' || ag.value.text === '' || pg.value.text === '%{GLOBAL}') return undefined;
  if (args.options.some((o) => o.early)) return undefined;
  if (args.directive.name === 'WSGIImportScript') return pg;
  if (args.directive.name !== 'WSGIScriptAlias' && args.directive.name !== 'WSGIScriptAliasMatch') return undefined;
  const ag2 = ag.value.text === '%{GLOBAL}' ? '' : ag.value.text;
  const target = args.positional[1];
  if (pg.value.text.includes('%{') || ag2.includes('%{') || !target || target.unresolved) return undefined;
  return args.directive.name === 'WSGIScriptAliasMatch' && target.text.includes('$') ? undefined : pg;
}

/** The last option of that name (`options.filter(…).pop()` without the list: asked of every mod_wsgi directive). */
function lastOption(args: WsgiArguments, name: string): WsgiOptionToken | undefined {
  for (let i = args.options.length - 1; i >= 0; i--) if (args.options[i].name === name) return args.options[i];
  return undefined;
}

/** Moves the later WSGIDaemonProcess above the directive, when both sit in the same section. */
function moveUp(text: string, def: DaemonDef, user: WsgiArguments): Fix[] {
  if (def.args.node.parent !== user.node.parent) return [];
  const from = wholeLines(text, def.args.node.start, def.args.lineEnd);
  const to = wholeLines(text, user.node.start, user.node.start).start;
  let moved = text.slice(from.start, from.end);
  if (!/[\r\n]$/.test(moved)) moved += text.includes('\r\n') ? '\r\n' : '\n';
  return [{ title: `Move WSGIDaemonProcess ${def.name} above this line`, preferred: true, edits: [{ start: to, end: to, newText: moved }, { ...from, newText: '' }] }];
}
