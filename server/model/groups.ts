// Daemon process groups and the application groups scripts run in: which group serves a WSGIScriptAlias, which
// groups a scope may use, and which references Apache itself already checks when it reads the config.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIProcessGroup.html
import type { SectionNode } from '../syntax/ast';
import type { ConfigModel, DaemonGroup, ProcessGroupRef, ScriptAlias } from './model';
import { isSpecialGroupName } from './model';
import { effectiveServerName } from './hosts';
import { effectiveSetting, type Effective } from './scope';
import { firstDaemonNamed } from './host-index';

export const GLOBAL = '%{GLOBAL}';

/** The process group serving an alias: `process-group=`, else WSGIProcessGroup in effect; null value = embedded. */
export function effectiveProcessGroup(model: ConfigModel, alias: ScriptAlias): Readonly<Effective> {
  return effectiveSetting(model, alias, 'wsgiprocessgroup', 'process-group');
}

/** The Python interpreter (application group): `application-group=`, else WSGIApplicationGroup; default %{RESOURCE}. */
export function effectiveApplicationGroup(model: ConfigModel, alias: ScriptAlias): Readonly<Effective> {
  return effectiveSetting(model, alias, 'wsgiapplicationgroup', 'application-group');
}

/** Embedded mode: no group at all, or %{GLOBAL} / an empty name. */
export function runsEmbedded(group: Effective): boolean {
  return group.value === null || group.value === GLOBAL || group.value === '';
}

export function daemonNamed(model: ConfigModel, name: string): DaemonGroup | undefined {
  return firstDaemonNamed(model, name);
}

/**
 * Whether requests handled in `scope` (a <VirtualHost>, or null for the main server) may use the group. mod_wsgi
 * allows a group defined at server level everywhere, and one defined in a <VirtualHost> only from hosts with the
 * same ServerName (hosts without one inherit the main server's).
 */
export function groupAccessibleFrom(model: ConfigModel, daemon: DaemonGroup, scope: SectionNode | null): boolean {
  if (!daemon.vhost || daemon.vhost === scope) return true;
  return effectiveServerName(model, daemon.vhost) === effectiveServerName(model, scope);
}

/**
 * References mod_wsgi resolves while Apache reads the config (WSGIImportScript, and a WSGIScriptAlias that names
 * both process-group= and application-group= without `%{`): `apache2 -t` itself fails on a bad group there, and
 * the validation rules report that as an error where Apache does.
 */
export function checkedAtParseTime(ref: ProcessGroupRef): boolean {
  if (ref.via === 'WSGIImportScript') return true;
  const n = ref.node.nameLower;
  if (ref.via !== 'process-group' || (n !== 'wsgiscriptalias' && n !== 'wsgiscriptaliasmatch')) return false;
  const app = ref.node.args.filter((w) => w.key === 'application-group').pop()?.optionValue;
  const target = ref.node.args[1]?.value ?? '';
  // %{GLOBAL} is the one application group mod_wsgi resolves while reading (to the main interpreter).
  const appResolved = app !== undefined && app !== '' && (app === GLOBAL || !app.includes('%{'));
  return appResolved && ref.name !== '' && !ref.name.includes('%{') && !(n.endsWith('match') && target.includes('$'));
}

/** Names of daemon groups some reference may select at request time (`%{ENV:…}` can select any of them). */
export function usedGroupNames(model: ConfigModel): { names: Set<string>; dynamic: boolean } {
  const names = new Set<string>();
  let dynamic = false;
  for (const r of model.processGroupRefs) {
    if (r.name.startsWith('%{ENV:')) dynamic = true;
    else if (!isSpecialGroupName(r.name)) names.add(r.name);
  }
  return { names, dynamic };
}

/**
 * A group name neither defined nor named anywhere yet: the preferred name (ServerName or script directory), made
 * unique. A name some WSGIProcessGroup already points at would put other applications in the new group.
 */
export function freshGroupName(model: ConfigModel, preferred: string): string {
  return freshNameAmong(takenGroupNames(model), preferred);
}

/** The names freshGroupName avoids: every defined group and every referenced one. */
export function takenGroupNames(model: ConfigModel): Set<string> {
  return new Set([...model.daemons.map((d) => d.name), ...model.processGroupRefs.map((r) => r.name)]);
}

/** freshGroupName with the taken names worked out once by the caller (a rule asking per alias). */
export function freshNameAmong(taken: ReadonlySet<string>, preferred: string): string {
  const base = preferred.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'wsgi-app';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/**
 * The daemon groups requests in a scope may use (groupAccessibleFrom), in document order, for any number of
 * scopes: each group's server name is worked out once, instead of per scope and group. A group is usable from a
 * scope when it stands at server level, or when its host's server name is the scope's (its own host included).
 */
export function accessibleGroups(model: ConfigModel): (scope: SectionNode | null) => DaemonGroup[] {
  const everywhere: number[] = [];
  const byServerName = new Map<string | null, number[]>();
  model.daemons.forEach((d, i) => {
    if (!d.vhost) everywhere.push(i);
    else {
      const name = effectiveServerName(model, d.vhost);
      const list = byServerName.get(name);
      if (list) list.push(i);
      else byServerName.set(name, [i]);
    }
  });
  return (scope) => {
    const named = byServerName.get(effectiveServerName(model, scope)) ?? [];
    // Both lists hold indexes into model.daemons in increasing order: merge them.
    const out: DaemonGroup[] = [];
    let i = 0;
    let j = 0;
    while (i < everywhere.length || j < named.length) out.push(model.daemons[j >= named.length || (i < everywhere.length && everywhere[i] < named[j]) ? everywhere[i++] : named[j++]]);
    return out;
  };
}
