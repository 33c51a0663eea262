// The script behind each WSGIScriptAlias of one analysis, resolved once and shared by the rules that read it
// (wsgi-script-missing, wsgi-callable-missing, django-settings-setdefault) and by Python documents asking which
// configs serve them.
import type { ConfigAst } from '../syntax/ast';
import type { ConfigModel, ScriptAlias } from '../model/model';
import { effectiveSetting } from '../model/scope';
import { variablesAt } from '../catalog/wsgi-reach';
import { substitute, type Substituted } from '../model/variables';
import type { ScriptLookup, ScriptResolution } from './scripts';

export interface AliasScript {
  alias: ScriptAlias;
  /** The target after ${VAR} substitution. */
  target: string;
  resolution: ScriptResolution;
}

export interface ScriptView {
  ast: ConfigAst;
  model: ConfigModel;
  seesWholeServer: boolean;
  scripts?: ScriptLookup;
}

const memo = new WeakMap<ConfigModel, { lookup: ScriptLookup; generation: number; byAlias: Map<ScriptAlias, AliasScript> }>();

/** Aliases whose target names one file we could look for (not `$1` of a Match, not a directory, not unknown ${VAR}). */
export function aliasScripts(view: ScriptView): Map<ScriptAlias, AliasScript> {
  const lookup = view.scripts;
  if (!lookup) return new Map();
  const hit = memo.get(view.model);
  if (hit && hit.lookup === lookup && hit.generation === lookup.generation) return hit.byAlias;
  const byAlias = new Map<ScriptAlias, AliasScript>();
  for (const alias of view.model.scriptAliases) {
    const raw = alias.target?.value;
    if (!raw || !alias.url || (alias.match && /\$\d/.test(raw))) continue;
    const target = scriptPathAt(raw, view.ast, alias.node.start, view.seesWholeServer);
    if (target.unresolved.length > 0) continue;
    byAlias.set(alias, { alias, target: target.text, resolution: lookup.resolve(target.text) });
  }
  memo.set(view.model, { lookup, generation: lookup.generation, byAlias });
  return byAlias;
}

/**
 * A script path as Apache reads it at `offset`: each ${VAR} replaced with the variables in effect there (the
 * Defines before it; in whole-server analysis also Debian's envvars). `unresolved` names those left unknown: such a
 * path is not looked for. Navigation reads script paths through this too, so it finds what the rules judged.
 */
export function scriptPathAt(raw: string, ast: ConfigAst, offset: number, wholeServer: boolean): Substituted {
  return raw.includes('${') ? substitute(raw, variablesAt(ast, offset, wholeServer)) : { text: raw, unresolved: [], inserted: [] };
}

/**
 * The callable mod_wsgi looks up: callable-object= / WSGICallableObject, else `application`. Undefined when it is
 * chosen per request (%{ENV:…}) or a section we cannot evaluate may change it. Other `%` values fall back to
 * `application` in mod_wsgi.
 */
export function callableName(model: ConfigModel, alias: ScriptAlias): string | undefined {
  const eff = effectiveSetting(model, alias, 'wsgicallableobject', 'callable-object');
  if (!eff.certain) return undefined;
  const v = eff.value;
  if (v === null || v === '') return 'application';
  if (v.startsWith('%{ENV:')) return undefined;
  return v.startsWith('%') ? 'application' : v;
}
