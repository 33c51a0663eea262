// WSGIScriptAliasMatch compiles its first argument with PCRE while Apache reads the config; a pattern PCRE
// refuses fails configtest ("Regular expression could not be compiled."). We compile, never run, the pattern.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { pcreCompileError } from '../catalog/wsgi-regex';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange } from '../catalog/wsgi-edits';

export const wsgiAliasRegex: Rule = {
  id: 'wsgi-alias-regex',
  defaultSeverity: 'error',
  description: 'A WSGIScriptAliasMatch pattern that does not compile as a regular expression.',
  docUrl: `${WSGI_DOCS}WSGIScriptAliasMatch.html`,
  perSection: true,
  check(ctx) {
    for (const args of wsgiDirectives(ctx, 'wsgiscriptaliasmatch')) {
      const pattern = args.positional[0];
      if (!pattern || pattern.unresolved || pattern.text === '') continue;
      const why = pcreCompileError(pattern.text);
      if (!why) continue;
      reportRejected(ctx, args, {
        ...apacheRange(ctx.text, args, pattern.start, pattern.end),
        message: `The WSGIScriptAliasMatch pattern '${pattern.text}' does not compile (${why}), so Apache rejects the line.`,
      });
    }
  },
};
