// Argument values Apache rejects while reading: On/Off for FLAG directives, keyword directives (data/keywords.ts),
// Options, AllowOverride, Header/RequestHeader, LogLevel, Require providers, and the Alias one-argument form
// outside <Location>.
// Each checker follows the module's own parsing and stops where Apache stops; values with unknown ${VAR} are
// not judged.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { directiveInfo } from '../catalog/directives';
import { standingOf } from '../catalog/placement';
import type { ArgChecker } from './arguments/types';
import { effectiveWords, hasCommentWord } from './arguments/words';
import { checkKeyword } from './arguments/keywords';
import { checkOptions } from './arguments/options';
import { checkAllowOverride } from './arguments/allow-override';
import { checkHeader } from './arguments/header';
import { checkLogLevel } from './arguments/log-level';
import { checkAlias } from './arguments/alias';
import { checkRequire } from './arguments/require';

const CHECKERS: Readonly<Record<string, ArgChecker>> = {
  options: checkOptions,
  allowoverride: checkAllowOverride,
  header: checkHeader,
  requestheader: checkHeader,
  loglevel: checkLogLevel,
  alias: checkAlias,
  scriptalias: checkAlias,
  require: checkRequire,
};

export const invalidArgument: Rule = {
  id: 'invalid-argument',
  defaultSeverity: 'error',
  fixable: true,
  description: 'An argument Apache refuses: not On/Off, an unknown keyword, a bad Options/AllowOverride/Header/LogLevel word, Alias with the wrong form.',
  docUrl: `${APACHE_DOCS}directive-dict.html#Syntax`,
  check(ctx) {
    for (const node of ctx.model.directives) {
      const info = directiveInfo(node.nameLower, false);
      if (!info || info.obsolete || info.notRegistered) continue;
      const standing = standingOf(node, ctx.ast);
      if (standing.reach === 'skipped') continue;
      const words = effectiveWords(node, ctx.ast);
      if (!words || hasCommentWord(node)) continue;
      const checker = CHECKERS[node.nameLower] ?? checkKeyword;
      const problem = checker({ node, words, info, standing, ast: ctx.ast });
      if (!problem) continue;
      const severity = standing.reach === 'maybe' ? 'warning' : problem.severity;
      ctx.report({ start: problem.start, end: problem.end, message: problem.message, fixes: problem.fixes, severity });
    }
  },
};
