// `#` starts a comment only at the start of a line; after arguments its words are more arguments. Apache then
// fails where they break the directive's argument count or its own parsing (an error), and otherwise takes
// them as values (`ServerAlias a.example # old` adds the aliases '#' and 'old').
import type { ConfigAst, DirectiveNode } from '../syntax/ast';
import { refusesArguments } from './invalid-argument';
import { isCommentWord } from './arguments/words';
import type { ArgumentForm } from '../catalog/types';
import type { Rule } from './types';
import { directiveInfo } from '../catalog/directives';
import { argumentRules } from '../catalog/data/argument-rules';
import { insertAbove, removalOf } from '../model/edits';

/** Argument counts each fixed form accepts (FLAG ignores extra words: verified with apache2 -t). */
const COUNTS: Partial<Record<ArgumentForm, readonly number[]>> = {
  NO_ARGS: [0], TAKE1: [1], TAKE2: [2], TAKE3: [3], TAKE12: [1, 2], TAKE13: [1, 3], TAKE23: [2, 3], TAKE123: [1, 2, 3],
};

/**
 * Directives parsing their own arguments that reject a `#` word (verified with apache2 -t): mod_wsgi's
 * `key=value` option parsers, address and keyword lists. The others invalid-argument judges are asked through its
 * checkers (Require's providers, Header's condition slot …).
 */
const REJECTS: Record<string, true> = {
  wsgiscriptalias: true, wsgiscriptaliasmatch: true, wsgidaemonprocess: true, wsgiimportscript: true, wsgidispatchscript: true,
  wsgiaccessscript: true, wsgiauthuserscript: true, wsgiauthgroupscript: true, wsgihandlerscript: true, wsgitrustedproxies: true,
  loglevel: true, options: true, allowoverride: true, allow: true, deny: true,
  // Keyword and list parsers that name '#' in their refusal (each run through apache2 -t with a comment after a
  // valid value: "Unknown Authn provider: #", "Mutex type c …").
  regexdefaultoptions: true, mutex: true,
  authbasicprovider: true, authdigestprovider: true, authformprovider: true, authdigestqop: true,
  charsetoptions: true, extfilteroptions: true,
  proxyerroroverride: true, allowconnect: true, sslocspenable: true, sslcarevocationcheck: true,
  sslproxycarevocationcheck: true, mdcertificateauthority: true,
};

function apacheFails(d: DirectiveNode, ast: ConfigAst, seesWholeServer: boolean, uri: string): boolean | undefined {
  if (REJECTS[d.nameLower]) return true;
  const count = COUNTS[directiveInfo(d.nameLower)?.args as ArgumentForm];
  if (count && !count.includes(d.args.length)) return true;
  // A module's own count (Listen takes one or two words: `Listen 80 #c` passes, `Listen 80 # c` does not).
  const own = argumentRules[d.nameLower]?.max;
  if (own !== undefined && d.args.length > own) return true;
  // The words as the directive's own parser reads them (Header's condition slot, a keyword list …).
  return refusesArguments(d, ast, seesWholeServer, uri) || (count ? false : undefined);
}

export const trailingComment: Rule = {
  id: 'trailing-comment',
  defaultSeverity: 'warning',
  fixable: true,
  description: "A '#' after a directive's arguments: Apache has no trailing comments and reads the words as arguments.",
  docUrl: 'https://httpd.apache.org/docs/2.4/configuring.html#syntax',
  perSection: true,
  check(ctx) {
    const { text } = ctx;
    const directives = ctx.model.directives;
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i];
      let lineEnd = -1;
      // Indexed: an iterator per directive showed in the allocation profile.
      for (let k = 0; k < d.args.length; k++) {
        const w = d.args[k];
        if (w.start < lineEnd || !isCommentWord(w)) continue;
        // The comment runs to the end of its physical line; a continuation `\` there stays.
        lineEnd = physicalLineEnd(text, w.start);
        const continued = lineEnd < d.end;
        let end = continued ? lineEnd - 1 : lineEnd;
        while (end > w.start && /\s/.test(text[end - 1])) end--;
        const comment = text.slice(w.start, end);
        const fails = apacheFails(d, ctx.ast, ctx.seesWholeServer, ctx.uri);
        // `comment\` + a line starting with a word: the two are one word, which the fix would split: no fix.
        const next = text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
        const glued = continued && /\S/.test(text[lineEnd - 2] ?? ' ') && /\S/.test(text[next] ?? ' ');
        ctx.report({
          start: w.start,
          // Apache reports a failing line on the last physical line of a continued one: the finding reaches it.
          end: fails && continued ? Math.max(end, d.end) : end,
          severity: fails ? 'error' : undefined,
          message:
            `Apache has no trailing comments: '${comment}' is read as more ${d.name} arguments` +
            (fails ? `, so Apache refuses the line (apache2 -t fails here).` : `, which Apache may take as values: rarely what was meant.`) +
            ` Put the comment on its own line above.`,
          fixes: glued ? [] : [
            {
              title: 'Move the comment to its own line above',
              edits: [insertAbove(text, d.start, [comment]), continued && text[end] === '\\' ? { ...removalOf(text, w.start, end), newText: ' ' } : removalOf(text, w.start, end)],
            },
          ],
        });
      }
    }
  },
};

/** Where the physical line holding `offset` ends: before its LF or CRLF (a lone CR is a blank, to Apache and the lexer). */
function physicalLineEnd(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const e = lf < 0 ? text.length : lf;
  return e > offset && text[e - 1] === '\r' ? e - 1 : e;
}
