// AuthBasicProvider, AuthDigestProvider and AuthFormProvider name authentication providers: each word is looked up
// as written (the names are case-sensitive) among the providers the loaded modules registered and those the
// configuration defines (<AuthnProviderAlias>, AuthnzFcgiDefineProvider). An unknown name stops configtest
// ("Unknown Authn provider: x"), and so does a provider that cannot serve the scheme: Digest needs the password's
// hash, which anon and ldap cannot give. https://httpd.apache.org/docs/2.4/mod/mod_auth_basic.html#authbasicprovider
import type { ArgChecker, ArgInput } from './types';
import { replaceWord } from './types';
import { AUTHN_PROVIDERS, type AuthnScheme } from '../../catalog/data/keywords';
import { closestNames } from '../../catalog/names';
import { loadedModules } from '../../catalog/modules';
import { definedProviders } from './defined-providers';

/** Which scheme each directive serves, as its module names it in the refusal. */
const SCHEME: Record<string, AuthnScheme> = { authbasicprovider: 'Basic', authdigestprovider: 'Digest', authformprovider: 'Form' };

export const checkAuthnProvider: ArgChecker = (input) => {
  const { words, node, info, ast } = input;
  const scheme = SCHEME[info.name.toLowerCase()];
  if (!scheme) return undefined;
  const defined = definedProviders(ast).authn;
  for (let i = 0; i < words.length; i++) {
    const name = words[i];
    const shipped = AUTHN_PROVIDERS.find((p) => p.name === name);
    const alias = defined.get(name);
    if (shipped || alias !== undefined) {
      // An alias serves Digest when the provider it stands for does; a FastCGI provider never does.
      const digest = shipped ? shipped.digest : alias;
      if (scheme === 'Digest' && !digest) {
        const w = node.args[i];
        return { start: w.start, end: w.end, message: `The '${name}' provider cannot give the password hash Digest authentication needs (file, dbm, dbd and socache can). Apache: "The '${name}' Authn provider doesn't support Digest Authentication".` };
      }
      continue;
    }
    return unknown(input, i, [...AUTHN_PROVIDERS.map((p) => p.name), ...defined.keys()]);
  }
  return undefined;
};

function unknown(input: ArgInput, i: number, known: string[]) {
  const { words, node, ast } = input;
  const name = words[i];
  const w = node.args[i];
  const exact = known.find((k) => k.toLowerCase() === name.toLowerCase());
  const close = exact ? [exact] : closestNames(name, known, 3);
  // A third-party module (mod_authnz_external's 'external' …) may register the name: not an error then.
  const thirdParty = loadedModules(ast).thirdParty.length > 0;
  const what = exact ? `'${name}' is not an authentication provider: provider names are case-sensitive (${exact})` : `'${name}' is no authentication provider Apache ships (${AUTHN_PROVIDERS.map((p) => p.name).join(', ')}), nor one this configuration defines with <AuthnProviderAlias>`;
  return {
    start: w.start,
    end: w.end,
    message: `${what}${thirdParty && !exact ? '; a third-party module loaded here may register it' : ''}. Apache: "Unknown Authn provider: ${name}".`,
    severity: thirdParty && !exact ? ('warning' as const) : undefined,
    fixes: close.map((c, k) => replaceWord(input, i, c, k === 0 && close.length === 1)),
  };
}
