// "Show Effective Process Group": for the WSGIScriptAlias under the cursor, which daemon process group and which
// Python interpreter (application group) its requests run in, and the directives that decide it.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIProcessGroup.html
import type { DirectiveNode, SectionNode } from '../syntax/ast';
import { enclosingVirtualHost, type ConfigModel, type ScriptAlias } from '../model/model';
import { daemonNamed, effectiveApplicationGroup, effectiveProcessGroup, GLOBAL, groupAccessibleFrom } from '../model/groups';
import { effectiveServerName, hostLabel, parseAddress, virtualHostOf } from '../model/hosts';
import { scopeSections } from '../model/scope';
import type { Effective } from '../model/scope';

/** Where an offset of the analysed text is, for people: `line 12` or `sites-enabled/shop.conf:12`. */
export type Describe = (offset: number) => string;

export type Mode = 'daemon' | 'embedded' | 'per-request' | 'missing-group' | 'inaccessible-group';

export interface GroupExplanation {
  alias: { url: string; target: string; at: string };
  mode: Mode;
  /** Group name in effect ('' for embedded mode). */
  processGroup: string;
  applicationGroup: string;
  /** One sentence for a notification. */
  summary: string;
  /** The reasons, one per line. */
  details: string[];
}

/** The alias on the cursor's line, else the only one of the cursor's virtual host, else the only one of the file. */
export function aliasAt(model: ConfigModel, offset: number): ScriptAlias | undefined {
  const on = model.scriptAliases.find((a) => offset >= a.node.start && offset <= a.node.end);
  if (on) return on;
  const host = model.vhosts.find((v) => offset >= v.node.start && offset <= v.node.end)?.node ?? null;
  const inHost = model.scriptAliases.filter((a) => a.vhost === host);
  if (host && inHost.length === 1) return inHost[0];
  return model.scriptAliases.length === 1 ? model.scriptAliases[0] : undefined;
}

/** How a directive's scope reads: `in <Directory /srv/app>`, `in <VirtualHost *:80>`, `at server level`. */
function scopeOf(node: DirectiveNode): string {
  const s: SectionNode | null = scopeSections(node)[0] ?? enclosingVirtualHost(node);
  return s ? `in <${s.name}${s.args.length ? ' ' + s.args.map((w) => w.raw).join(' ') : ''}>` : 'at server level';
}

function source(e: Effective, alias: ScriptAlias, option: string, directive: string, where: Describe): string {
  if (!e.from) return `no ${option}= option on the alias and no ${directive} applies to it`;
  if (e.from === alias.node) return `${option}=${e.value} on the WSGIScriptAlias itself`;
  return `${directive} ${e.value} ${scopeOf(e.from)} (${where(e.from.start)})`;
}

/** mod_wsgi's %{RESOURCE} name: `ServerName[:port]|/url`, the port only when it is not 80 or 443. */
function resourceName(model: ConfigModel, alias: ScriptAlias): string {
  const name = effectiveServerName(model, alias.vhost) ?? '<host>';
  const port = alias.vhost?.args[0] ? parseAddress(alias.vhost.args[0]).port : '*';
  const shownPort = port === '*' || port === '80' || port === '443' ? '' : `:${port}`;
  const url = (alias.url?.value ?? '/').toLowerCase().replace(/\/+$/, '') || '';
  return `${name}${shownPort}|${url}`;
}

export function explainProcessGroup(model: ConfigModel, alias: ScriptAlias, where: Describe): GroupExplanation {
  const url = alias.url?.value ?? '';
  const target = alias.target?.value ?? '';
  const group = effectiveProcessGroup(model, alias);
  const app = effectiveApplicationGroup(model, alias);
  const details: string[] = [`${alias.node.name} ${url} ${target} (${where(alias.node.start)}), ${hostLabel(virtualHostOf(model, alias.vhost))}.`];
  const name = group.value ?? '';
  let mode: Mode;
  let runs: string;
  details.push(`Process group: decided by ${source(group, alias, 'process-group', 'WSGIProcessGroup', where)}.`);
  if (name === '' || name === GLOBAL) {
    mode = 'embedded';
    runs = "embedded mode, inside Apache's own child processes";
    details.push(
      group.value === null
        ? "With no group chosen mod_wsgi runs the app embedded in Apache's child processes: options of any WSGIDaemonProcess do not apply."
        : "%{GLOBAL} (or an empty name) chooses embedded mode on purpose: the app runs in Apache's child processes.",
    );
  } else if (name.startsWith('%{')) {
    mode = 'per-request';
    runs = `a group chosen per request by ${name}`;
    details.push(`${name} is resolved for each request (SetEnv, SetEnvIf or RewriteRule [E=…] set it); when unset, the literal text is used as the group name and the request fails.`);
  } else {
    const daemon = daemonNamed(model, name);
    if (!daemon) {
      mode = 'missing-group';
      runs = `daemon group '${name}', which is not defined here`;
      details.push(`No WSGIDaemonProcess ${name} is in the configuration read: mod_wsgi answers such requests with an error (500) unless another file defines it.`);
    } else if (!groupAccessibleFrom(model, daemon, alias.vhost)) {
      mode = 'inaccessible-group';
      runs = `daemon group '${name}', which this host may not use`;
      details.push(`WSGIDaemonProcess ${name} (${where(daemon.node.start)}) sits in a virtual host with another ServerName: mod_wsgi refuses the request.`);
    } else {
      mode = 'daemon';
      runs = `daemon process group '${name}'`;
      const opts = ['processes', 'threads', 'python-home', 'user'].flatMap((k) => (daemon.options.has(k) ? [`${k}=${daemon.options.get(k)!.optionValue}`] : []));
      details.push(`WSGIDaemonProcess ${name} is defined ${daemon.vhost ? scopeOf(daemon.node) : 'at server level'} (${where(daemon.node.start)})${opts.length ? `: ${opts.join(' ')}` : ''}.`);
      if (!daemon.options.has('processes') && !daemon.options.has('threads')) details.push('Without processes= and threads= it runs one process with 15 threads.');
    }
  }
  if (!group.certain) details.push('A section that cannot be evaluated here (a regular expression, <If>, or a narrower <Location>) may choose another group for some requests.');

  const appValue = app.value ?? '%{RESOURCE}';
  const appName = appValue === GLOBAL || appValue === '' ? `${GLOBAL} (the main interpreter)` : appValue === '%{RESOURCE}' ? `%{RESOURCE} = '${resourceName(model, alias)}'` : appValue;
  details.push(`Application group: ${appName}, decided by ${source(app, alias, 'application-group', 'WSGIApplicationGroup', where)}.`);
  if (app.value === null) details.push('The default gives each host and URL its own sub-interpreter; C extensions such as numpy often need WSGIApplicationGroup %{GLOBAL}.');
  if (!app.certain) details.push('A section that cannot be evaluated here may choose another application group for some requests.');

  return {
    alias: { url, target, at: where(alias.node.start) },
    mode,
    processGroup: mode === 'embedded' ? '' : name,
    applicationGroup: app.value === null ? resourceName(model, alias) : appValue,
    summary: `WSGIScriptAlias ${url} runs in ${runs}, application group ${appName}.`,
    details,
  };
}
