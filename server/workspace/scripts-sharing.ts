// Whether a WSGIScriptAlias's application shares its process with another application: every embedded alias of
// the server runs in Apache's own children, and every alias delegated to one daemon group runs in its processes.
// Separate application groups (sub-interpreters) keep their Python modules apart, but not os.environ, which is
// the process's. The default application group, %{RESOURCE}, is one per host:port and URL.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIApplicationGroup.html
import type { ConfigModel, ScriptAlias } from '../model/model';
import { effectiveApplicationGroup, effectiveProcessGroup, runsEmbedded } from '../model/groups';
import { effectiveServerName, parseAddress, virtualHostOf } from '../model/hosts';
import type { AliasScript } from './scripts-alias';

export interface SharedProcess {
  /** Another alias serving a different script in the same process, in another application group. */
  partner: ScriptAlias;
  partnerTarget: string;
  /** '' for embedded mode, else the daemon group's name. */
  group: string;
}

/** The process an alias's requests run in: '' embedded, a daemon group name; undefined when chosen per request. */
export function processOf(model: ConfigModel, alias: ScriptAlias): string | undefined {
  const g = effectiveProcessGroup(model, alias);
  if (!g.certain) return undefined;
  if (runsEmbedded(g)) return '';
  return g.value!.startsWith('%{') ? undefined : g.value!;
}

/** The application group as mod_wsgi names it, enough to tell two apart; undefined when chosen per request. */
export function applicationGroupOf(model: ConfigModel, alias: ScriptAlias): string | undefined {
  const a = effectiveApplicationGroup(model, alias);
  if (!a.certain) return undefined;
  const v = a.value;
  const host = () => {
    const first = virtualHostOf(model, alias.vhost)?.addresses[0];
    const port = first ? parseAddress(first).port : '*';
    return (effectiveServerName(model, alias.vhost) ?? '').toLowerCase() + (port === '80' || port === '443' || port === '*' ? '' : `:${port}`);
  };
  if (v === null || v === '%{RESOURCE}') return `${host()}|${(alias.url?.value ?? '').toLowerCase()}`;
  if (v === '%{GLOBAL}' || v === '') return '';
  if (v === '%{SERVER}') return host();
  return v.startsWith('%{') ? undefined : `=${v}`;
}

export function targetOf(alias: ScriptAlias, scripts: ReadonlyMap<ScriptAlias, AliasScript>): string {
  return scripts.get(alias)?.target ?? alias.target?.value ?? '';
}

/** The script an alias runs: the workspace file when found (two paths may name one file), else its target. */
function scriptOf(alias: ScriptAlias, scripts: ReadonlyMap<ScriptAlias, AliasScript>): string {
  const r = scripts.get(alias)?.resolution;
  return r?.kind === 'found' ? r.file : targetOf(alias, scripts);
}

/** Process and application group per alias, computed once and kept on the alias (aliases are the model's own objects). */
function groupsOf(model: ConfigModel, alias: ScriptAlias): Readonly<{ group: string | undefined; app: string | undefined }> {
  return (alias.groups ??= { group: processOf(model, alias), app: applicationGroupOf(model, alias) });
}

/** The first other application sharing this alias's process, if the configuration shows one. */
export function sharedProcess(model: ConfigModel, alias: ScriptAlias, scripts: ReadonlyMap<ScriptAlias, AliasScript>): SharedProcess | undefined {
  const { group, app } = groupsOf(model, alias);
  if (group === undefined || app === undefined) return undefined;
  const script = scriptOf(alias, scripts);
  for (const other of model.scriptAliases) {
    if (other === alias || !other.url || !other.target) continue;
    // The same script under two URLs is the same application: it sets the same settings module.
    const theirs = groupsOf(model, other);
    if (scriptOf(other, scripts) === script || theirs.group !== group) continue;
    const otherApp = theirs.app;
    if (otherApp !== undefined && otherApp !== app) return { partner: other, partnerTarget: targetOf(other, scripts), group };
  }
  return undefined;
}

export function processLabel(group: string): string {
  return group === '' ? "Apache's own processes (embedded mode)" : `daemon group '${group}'`;
}
