// Require names an authorization provider a loaded module registered (exact spelling), optionally after `not`.
// Providers can also be defined in the configuration: <AuthzProviderAlias>, LuaAuthzProvider,
// AuthnzFcgiDefineProvider. Some providers parse their arguments while Apache reads the line: `all` (exactly
// granted or denied), `ip` (addresses and subnets), `method` (HTTP methods httpd knows); `expr` is
// expression-syntax's. https://httpd.apache.org/docs/2.4/mod/mod_authz_core.html#require
import type { ArgChecker, ArgInput, ArgProblem } from './types';
import { replaceWord } from './types';
import { REQUIRE_PROVIDERS } from '../../catalog/data/keywords';
import { closestNames } from '../../catalog/names';
import { loadedModules } from '../../catalog/modules';
import { definedProviders } from './defined-providers';
import { validSubnet } from '../../catalog/ip-subnet';
import { unknownMethod } from './methods';
import { providerIndex } from '../../catalog/require-line';

export const checkRequire: ArgChecker = (input) => {
  const { words, node, ast } = input;
  const at = providerIndex(words[0]);
  const provider = words[at] ?? '';
  // The joint list is made only for a provider neither list names (the message and its fixes read it).
  if (REQUIRE_PROVIDERS.includes(provider)) return PROVIDER_ARGUMENTS[provider]?.(input, at + 1);
  const defined = definedProviders(ast).authz;
  if (defined.includes(provider)) return undefined;
  const known = [...REQUIRE_PROVIDERS, ...defined];
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

/** The arguments a provider parses while Apache reads the line; `from` is the index of its first argument. */
const PROVIDER_ARGUMENTS: Readonly<Record<string, (input: ArgInput, from: number) => ArgProblem | undefined>> = {
  all: checkAll,
  ip: checkIp,
  method: checkMethod,
};

/** mod_authz_core compares the rest of the line, as written, with granted and denied (any case). */
function checkAll(input: ArgInput, from: number): ArgProblem | undefined {
  const { node, words } = input;
  const args = node.args.slice(from);
  const apache = `Apache: "Argument for 'Require all' must be 'granted' or 'denied'".`;
  const first = args[0];
  if (!first) {
    const provider = node.args[from - 1];
    return { start: provider.start, end: provider.end, message: `Require all needs granted or denied after it. ${apache}` };
  }
  const word = words[from];
  const keyword = /^(granted|denied)$/i.test(word);
  if (keyword && first.quote === null && args.length === 1) return undefined;
  if (keyword && first.quote === null) {
    const last = args[args.length - 1];
    const drop = { title: `Remove the words after '${first.raw}'`, edits: [{ start: first.end, end: last.end, newText: '' }], preferred: true };
    return { start: args[1].start, end: last.end, message: `Require all takes one word: Apache compares the whole rest of the line with granted and denied. ${apache}`, fixes: [drop] };
  }
  if (keyword && args.length === 1 && !first.unterminated) {
    // The quotes are what Apache refuses: the fix removes just them.
    const unquote = { title: 'Remove the quotes', edits: [{ start: first.start, end: first.start + 1, newText: '' }, { start: first.end - 1, end: first.end, newText: '' }], preferred: true };
    return { start: first.start, end: first.end, message: `'${first.raw}': mod_authz_core does not remove quotes here. ${apache}`, fixes: [unquote] };
  }
  if (keyword) return { start: first.start, end: first.end, message: `'${first.raw}': mod_authz_core compares the line as written, quotes included. ${apache}` };
  const choices = closestNames(word, ['granted', 'denied'], 2);
  return { start: first.start, end: first.end, message: `'${word}' is neither granted nor denied. ${apache}`, fixes: args.length === 1 ? choices.map((c, i) => replaceWord(input, from, c, i === 0)) : [] };
}

/** mod_authz_host reads every word as an address or subnet (APR's apr_ipsubnet_create). */
function checkIp(input: ArgInput, from: number): ArgProblem | undefined {
  const { node, words } = input;
  if (words.length <= from) {
    const provider = node.args[from - 1];
    return { start: provider.start, end: provider.end, message: `Require ip needs at least one address or subnet (10.0.0.0/8, 2001:db8::/32). Apache: "'require ip' requires an argument".` };
  }
  for (let k = from; k < words.length; k++) {
    if (validSubnet(words[k])) continue;
    const w = node.args[k];
    return { start: w.start, end: w.end, message: `'${words[k]}' is not an address or subnet Apache can read (10.1.0.0/16, 10.1, 10.1.0.0/255.255.0.0, 2001:db8::/32; host names go with Require host). Apache: "ip address '${words[k]}' appears to be invalid".` };
  }
  return undefined;
}

/** Require method takes HTTP method names as httpd registers them (case-sensitive). */
function checkMethod(input: ArgInput, from: number): ArgProblem | undefined {
  for (let k = from; k < input.words.length; k++) {
    const problem = unknownMethod(input, k, `Invalid Method '${input.words[k]}'`);
    if (problem) return problem;
  }
  return undefined;
}
