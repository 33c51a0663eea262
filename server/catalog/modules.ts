// Modules as <IfModule>, LogLevel and LoadModule name them: by file (`mod_ssl.c`, what the module calls itself)
// or by identifier (`ssl_module`). Debian's list is generated; a config that loads a module outside it may get
// directives from there that we do not know.
import type { ConfigAst } from '../syntax/ast';
import { forEachNode } from '../syntax/parser';
import { debianModules } from './data/apache-directives';
import type { ModuleFacts } from './types';
import { runMemo } from '../rules/run-memo';

const byId = new Map(debianModules.map((m) => [m.id.toLowerCase(), m]));
const byFile = new Map(debianModules.map((m) => [m.file.toLowerCase(), m]));

/** The Debian module a name means, as <IfModule> reads it (file name or identifier, case-insensitive). */
export function debianModule(name: string): ModuleFacts | undefined {
  const lower = name.toLowerCase();
  return byFile.get(lower) ?? byId.get(lower);
}

/** As LogLevel reads a module name: also the bare identifier (`rewrite` for `rewrite_module`). */
export function logLevelModule(name: string): ModuleFacts | undefined {
  return debianModule(name) ?? byId.get(`${name.toLowerCase()}_module`);
}

export interface LoadedModules {
  /** Identifiers of modules loaded with LoadModule whose identifier is not one Debian ships. */
  thirdParty: string[];
  /** Whether the text loads any module at all (a whole server does; a site file usually does not). */
  loadsAny: boolean;
}

const cache = runMemo<ConfigAst, LoadedModules>();

export function loadedModules(ast: ConfigAst): LoadedModules {
  const hit = cache.get(ast);
  if (hit) return hit;
  const result: LoadedModules = { thirdParty: [], loadsAny: false };
  forEachNode(ast.children, (node) => {
    if (node.kind !== 'directive' || node.nameLower !== 'loadmodule' || !node.args[0]) return;
    result.loadsAny = true;
    if (!byId.has(node.args[0].value.toLowerCase())) result.thirdParty.push(node.args[0].value);
  });
  cache.set(ast, result);
  return result;
}
