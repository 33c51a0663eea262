// The auth providers a configuration defines itself, beside those the loaded modules register: read in one walk
// of the tree for both Require (authorization) and AuthBasicProvider and its kin (authentication). The walk is
// shared per tree; the incremental analysis re-reads per-section findings when a defining line is edited
// (SURROUNDINGS in incremental.ts).
import type { ConfigAst } from '../../syntax/ast';
import { AUTHN_PROVIDERS } from '../../catalog/data/keywords';
import { forEachNode } from '../../syntax/parser';
import { runMemo } from '../run-memo';

export interface DefinedProviders {
  /** Authorization provider names: <AuthzProviderAlias>, LuaAuthzProvider, AuthnzFcgiDefineProvider. */
  authz: string[];
  /**
   * Authentication provider names, each with whether it serves Digest: <AuthnProviderAlias> (as its base provider
   * does; an unknown base is taken to), AuthnzFcgiDefineProvider of type authn or authnz (never).
   */
  authn: Map<string, boolean>;
}

const cache = runMemo<ConfigAst, DefinedProviders>();

export function definedProviders(ast: ConfigAst): DefinedProviders {
  const hit = cache.get(ast);
  if (hit) return hit;
  const out: DefinedProviders = { authz: [], authn: new Map() };
  cache.set(ast, out);
  // forEachNode is iterative: sections can nest deeper than the call stack.
  forEachNode(ast.children, (n) => {
    if (n.kind === 'section') {
      if (n.nameLower === 'authzprovideralias' && n.args[1]) out.authz.push(n.args[1].value);
      if (n.nameLower === 'authnprovideralias' && n.args[1]) out.authn.set(n.args[1].value, AUTHN_PROVIDERS.find((p) => p.name === n.args[0].value)?.digest ?? true);
    } else if (n.kind === 'directive') {
      if (n.nameLower === 'luaauthzprovider' && n.args[0]) out.authz.push(n.args[0].value);
      if (n.nameLower === 'authnzfcgidefineprovider' && n.args[1]) {
        out.authz.push(n.args[1].value);
        if (/^authnz?$/i.test(n.args[0]?.value ?? '')) out.authn.set(n.args[1].value, false);
      }
    }
  });
  return out;
}
