// The script behind each WSGIScriptAlias of one analysis, resolved once and shared by the rules that read it
// (wsgi-script-missing, wsgi-callable-missing, django-settings-setdefault) and by Python documents asking which
// configs serve them.
import type { ConfigAst } from '../syntax/ast';
import type { ConfigModel, ScriptAlias } from '../model/model';
import { effectiveSetting } from '../model/scope';
import { definesAt } from '../catalog/wsgi-reach';
import type { ScriptLookup, ScriptResolution } from './scripts';
import { substitute } from './defines';

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
    const target = substituteKnown(raw, view, alias.node.start);
    if (target === undefined) continue;
    byAlias.set(alias, { alias, target, resolution: lookup.resolve(target) });
  }
  memo.set(view.model, { lookup, generation: lookup.generation, byAlias });
  return byAlias;
}

/** ${VAR} replaced by the Define values known where the alias is read; undefined when one stays unknown. */
function substituteKnown(value: string, view: ScriptView, at: number): string | undefined {
  if (!value.includes('${')) return value;
  const known = new Map<string, string>();
  for (const [name, v] of definesAt(view.ast, at, view.seesWholeServer)) if (v !== null) known.set(name, v);
  const out = substitute(value, known);
  return out.includes('${') ? undefined : out;
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
