// Argument values Apache rejects while it reads the line, judged the way each module parses them and stopping where
// Apache stops. Tables: On/Off for FLAG directives and keyword directives (data/keywords.ts), numbers as each module
// reads them (data/numbers.ts), lists of known words (data/word-lists.ts), the regular expressions Apache compiles
// (data/patterns.ts, and the Match sections' patterns here). Checkers of their own (arguments/): Options,
// AllowOverride(List), Header/RequestHeader, LogLevel, Require and its providers' arguments, Allow/Deny, Alias,
// LoadModule, Listen, Redirect(Match), SSLProtocol, AllowMethods, the expiry codes, RequestReadTimeout, the rewrite
// flags (data/rewrite-flags.ts), AuthnzFcgiCheckAuthnProvider, IndexOptions, ProxyPass(Match); and the <IfVersion>
// tag. Values with unknown ${VAR} are not judged.
import type { Fix, Rule, RuleContext } from './types';
import { APACHE_DOCS } from './types';
import { catalogueEntries } from './catalogue-entries';
import { isHtaccess, standingOf } from '../catalog/placement';
import type { ArgChecker, ArgInput, ArgProblem } from './arguments/types';
import { effectiveWords, hasCommentWord } from './arguments/words';
import { checkKeyword } from './arguments/keywords';
import { checkNumber } from './arguments/numbers';
import { checkWordList } from './arguments/word-lists';
import { wordListRules } from '../catalog/data/word-lists';
import { numberRules } from '../catalog/data/numbers';
import { keywordRules } from '../catalog/data/keywords';
import type { DirectiveInfo } from '../catalog/types';
import type { ConfigAst, DirectiveNode } from '../syntax/ast';
import { directiveInfo } from '../catalog/directives';
import { checkOptions } from './arguments/options';
import { checkAllowOverride } from './arguments/allow-override';
import { checkHeader } from './arguments/header';
import { checkLogLevel } from './arguments/log-level';
import { checkAlias } from './arguments/alias';
import { checkRequire } from './arguments/require';
import { checkLoadModule } from './arguments/load-module';
import { checkAllowDeny } from './arguments/allow-deny';
import { checkAllowOverrideList } from './arguments/allow-override-list';
import { checkAuthnzFcgiProvider } from './arguments/authnz-fcgi';
import { checkSslProtocol } from './arguments/ssl-protocol';
import { checkAllowMethods } from './arguments/allow-methods';
import { checkAuthnProvider } from './arguments/authn-provider';
import { checkListen } from './arguments/listen';
import { checkRedirect } from './arguments/redirect';
import { checkExpires } from './arguments/expires';
import { checkRequestReadTimeout } from './arguments/request-read-timeout';
import { checkPattern, confWord } from './arguments/patterns';
import { checkIndexOptions } from './arguments/index-options';
import { checkProxyPass } from './arguments/proxy-pass';
import { checkRewrite } from './arguments/rewrite';
import { patternRules, sectionPatterns } from '../catalog/data/patterns';
import { pcreCompileError } from '../catalog/wsgi-regex';
import { ifVersionProblem } from './arguments/if-version';

const CHECKERS: Readonly<Record<string, ArgChecker>> = {
  options: checkOptions,
  allowoverride: checkAllowOverride,
  allowoverridelist: checkAllowOverrideList,
  authnzfcgicheckauthnprovider: checkAuthnzFcgiProvider,
  sslprotocol: checkSslProtocol,
  sslproxyprotocol: checkSslProtocol,
  allowmethods: checkAllowMethods,
  authbasicprovider: checkAuthnProvider,
  authdigestprovider: checkAuthnProvider,
  authformprovider: checkAuthnProvider,
  listen: checkListen,
  redirect: checkRedirect,
  redirectmatch: checkRedirect,
  expiresdefault: checkExpires,
  expiresbytype: checkExpires,
  requestreadtimeout: checkRequestReadTimeout,
  rewriterule: checkRewrite,
  rewritecond: checkRewrite,
  indexoptions: checkIndexOptions,
  proxypass: checkProxyPass,
  proxypassmatch: checkProxyPass,
  header: checkHeader,
  requestheader: checkHeader,
  loglevel: checkLogLevel,
  alias: checkAlias,
  scriptalias: checkAlias,
  require: checkRequire,
  loadmodule: checkLoadModule,
  allow: checkAllowDeny,
  deny: checkAllowDeny,
};

export const invalidArgument: Rule = {
  id: 'invalid-argument',
  defaultSeverity: 'error',
  fixable: true,
  description: "An argument Apache refuses while reading the line: a keyword, number, list word, address, pattern or form the directive's module does not accept (On/Off, Options, IndexOptions, AllowOverride, Header, LogLevel, Require, Allow/Deny, Alias, LoadModule, Listen, Redirect, SSLProtocol, SSLOptions, RewriteRule flags, expiry codes …).",
  docUrl: `${APACHE_DOCS}directive-dict.html#Syntax`,
  perSection: true,
  check(ctx) {
    // Indexed: an iterator per analysis showed in the allocation profile.
    const directives = ctx.model.directives;
    const entries = catalogueEntries(ctx.model).directives;
    const htaccess = isHtaccess(ctx.uri);
    for (let i = 0; i < directives.length; i++) {
      const node = directives[i];
      const info = entries[i];
      if (!info || info.obsolete || info.notRegistered) continue;
      const checker = checkerFor(info, node.nameLower);
      if (!checker) continue;
      const standing = standingOf(node, ctx.ast);
      if (standing.reach === 'skipped') continue;
      const words = effectiveWords(node, ctx.ast);
      if (!words || hasCommentWord(node)) continue;
      const input = { node, words, info, standing, ast: ctx.ast, seesWholeServer: ctx.seesWholeServer, htaccess };
      const problem = checker(input);
      if (!problem) continue;
      const severity = standing.reach === 'maybe' ? 'warning' : problem.severity;
      ctx.report({ start: problem.start, end: problem.end, message: problem.message, fixes: fixesOf(checker, input, problem), severity });
    }
    checkSectionPatterns(ctx);
  },
};

/**
 * The pattern of a Match section (or of `<Directory ~ …>` and the like), which Apache compiles as it reads the tag,
 * and the operator and version of an <IfVersion> tag.
 */
function checkSectionPatterns(ctx: RuleContext): void {
  const sections = ctx.model.sections;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    const kind = sectionPatterns[section.nameLower];
    if (!kind && section.nameLower !== 'ifversion') continue;
    const standing = standingOf(section, ctx.ast);
    if (standing.reach === 'skipped') continue;
    const words = effectiveWords(section, ctx.ast);
    if (!kind) {
      const problem = words && ifVersionProblem(words);
      if (problem) {
        const w = section.args[problem.at];
        ctx.report({ start: w.start, end: w.end, message: `${problem.ours} Apache: "${problem.apache}".`, severity: standing.reach === 'maybe' ? 'warning' : undefined });
      }
      continue;
    }
    const at = kind === 'match' ? 0 : words?.[0] === '~' ? 1 : -1;
    if (!words || at < 0 || at >= words.length || words[at] === '') continue;
    const why = pcreCompileError(confWord(words[at]));
    if (!why) continue;
    const w = section.args[at];
    ctx.report({
      start: w.start,
      end: w.end,
      message: `The pattern '${words[at]}' of <${section.name}> does not compile (${why}). Apache: "Regex could not be compiled".`,
      severity: standing.reach === 'maybe' ? 'warning' : undefined,
    });
  }
}

function checkerFor(info: DirectiveInfo, nameLower: string): ArgChecker | undefined {
  return (
    CHECKERS[nameLower] ??
    (numberRules[nameLower] ? checkNumber : wordListRules[nameLower] ? checkWordList : patternRules[nameLower] ? checkPattern : judgedByKeyword(info, nameLower) ? checkKeyword : undefined)
  );
}

/**
 * Whether Apache refuses this directive's words as they stand, words that look like a comment included (Apache has
 * no comments after arguments, so they are arguments to it): what invalid-argument's checker says of them.
 * Undefined when no checker judges the directive, its words cannot be worked out, Apache may not read it, or the
 * checker only warns (Apache passes the line).
 * trailing-comment asks, to tell a comment that breaks the line from one Apache takes as harmless values.
 */
export function refusesArguments(node: DirectiveNode, ast: ConfigAst, seesWholeServer: boolean, uri: string): boolean | undefined {
  const info = directiveInfo(node.nameLower);
  const checker = info && !info.obsolete && !info.notRegistered ? checkerFor(info, node.nameLower) : undefined;
  if (!checker) return undefined;
  const standing = standingOf(node, ast);
  const words = standing.reach === 'active' ? effectiveWords(node, ast) : undefined;
  if (!words) return undefined;
  const problem = checker({ node, words, info: info!, standing, ast, seesWholeServer, htaccess: isHtaccess(uri) });
  // A warning is something Apache lets pass (a name it drops with a log line, a provider a module may add).
  return problem === undefined ? false : problem.severity === 'warning' ? undefined : true;
}

/**
 * The problem's fixes that do not fail again. Its own function: closures over the loop's variables would make
 * the loop allocate a context for every directive, problem or not.
 */
function fixesOf(checker: ArgChecker, input: ArgInput, problem: ArgProblem): Fix[] {
  const fixes = (problem.fixes ?? []).filter((f) => !failsAgain(checker, input, problem.start, f));
  // When the preferred word would fail again, the closest one left is preferred.
  if (fixes.length && problem.fixes?.some((f) => f.preferred) && !fixes.some((f) => f.preferred)) fixes[0] = { ...fixes[0], preferred: true };
  return fixes;
}

/**
 * checkKeyword judges only FLAG directives and those with a keyword table; the rest need no words worked out.
 * `nameLower` is the name `info` was looked up by, so it equals `info.name.toLowerCase()` without a new string.
 */
function judgedByKeyword(info: DirectiveInfo, nameLower: string): boolean {
  return info.args === 'FLAG' || keywordRules[nameLower] !== undefined;
}

/**
 * A fix replacing one word with a word Apache rejects again at the same place (`LogLevel nomod:info`) is none. On a
 * continued directive every error is the same place, Apache's last physical line (apache-lines.ts): there the fix
 * must leave nothing for the checker to refuse (`Require All granted\` before `</Location>` joins the tag to the
 * last word, so 'all' would fail on it again).
 */
function failsAgain(checker: ArgChecker, input: ArgInput, at: number, fix: Fix): boolean {
  const e = fix.edits.length === 1 ? fix.edits[0] : undefined;
  const k = e ? input.node.args.findIndex((w) => w.start === e.start && w.end === e.end) : -1;
  if (!e || k < 0) return false;
  const again = checker({ ...input, words: input.words.map((w, j) => (j === k ? e.newText.trim() : w)) });
  return again !== undefined && (again.start === at || input.node.lastLine > input.node.firstLine);
}
