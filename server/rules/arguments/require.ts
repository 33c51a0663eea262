// Require names an authorization provider a loaded module registered (exact spelling), optionally after `not`.
// Providers can also be defined in the configuration: <AuthzProviderAlias>, LuaAuthzProvider,
// AuthnzFcgiDefineProvider. https://httpd.apache.org/docs/2.4/mod/mod_authz_core.html#require
import type { ConfigAst } from '../../syntax/ast';
import type { ArgChecker } from './types';
import { replaceWord } from './types';
import { REQUIRE_PROVIDERS } from '../../catalog/data/keywords';
import { closestNames } from '../../catalog/names';
import { loadedModules } from '../../catalog/modules';
import { forEachNode } from '../../syntax/parser';
import { runMemo } from '../run-memo';

export const checkRequire: ArgChecker = (input) => {
  const { words, node, ast } = input;
  const at = words[0] === 'not' ? 1 : 0;
  const provider = words[at] ?? '';
  // The joint list is made only for a provider neither list names (the message and its fixes read it).
  if (REQUIRE_PROVIDERS.includes(provider) || definedProviders(ast).includes(provider)) return undefined;
  const known = [...REQUIRE_PROVIDERS, ...definedProviders(ast)];
  const word = node.args[at] ?? node.args[0];
  const span = word ?? node.nameSpan;
  const close = closestNames(provider, known, 3);
  const exact = known.find((k) => k.toLowerCase() === provider.toLowerCase());
  const fixes = word ? (exact ? [exact] : close).map((c, i) => replaceWord(input, at, c, i === 0)) : [];
  const thirdParty = loadedModules(ast).thirdParty.length > 0;
  const what = provider ? `'${provider}' is not an authorization provider${exact ? ` (provider names are case-sensitive: ${exact})` : ''}` : 'Require needs a provider (all, ip, user, valid-user …)';
  return {
    start: span.start,
    end: span.end,
    message: `${what}. Apache: "Unknown Authz provider: ${provider}".`,
    fixes,
    severity: thirdParty && !exact ? 'warning' : undefined,
  };
};

const providersCache = runMemo<ConfigAst, string[]>();

function definedProviders(ast: ConfigAst): string[] {
  const hit = providersCache.get(ast);
  if (hit) return hit;
  const out: string[] = [];
  providersCache.set(ast, out);
  // forEachNode is iterative: sections can nest deeper than the call stack.
  forEachNode(ast.children, (n) => {
    if (n.kind === 'section') {
      if (n.nameLower === 'authzprovideralias' && n.args[1]) out.push(n.args[1].value);
    } else if (n.kind === 'directive') {
      if (n.nameLower === 'luaauthzprovider' && n.args[0]) out.push(n.args[0].value);
      if (n.nameLower === 'authnzfcgidefineprovider' && n.args[1]) out.push(n.args[1].value);
    }
  });
  return out;
}
