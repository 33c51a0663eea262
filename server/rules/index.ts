// Every rule, in the order their reports are listed. A new rule is one file plus one import and one list line here.
import type { Rule } from './types';
import { syntaxError } from './syntax-error';
import { unterminatedQuote } from './unterminated-quote';
import { includeNotFound } from './include-not-found';
import { includeTree } from './include-tree';
import { undefinedVariable } from './undefined-variable';
import { wsgiDaemonUnused } from './wsgi-daemon-unused';
import { wsgiPreforkEmbedded } from './wsgi-prefork-embedded';
import { wsgiEmbeddedMode } from './wsgi-embedded-mode';
import { wsgiUndefinedProcessGroup } from './wsgi-undefined-process-group';
import { wsgiProcessGroupInaccessible } from './wsgi-process-group-inaccessible';
import { wsgiScriptAliasOrder } from './wsgi-script-alias-order';
import { aliasTrailingSlash } from './alias-trailing-slash';
import { vhostMissingServername } from './vhost-missing-servername';
import { vhostDuplicateName } from './vhost-duplicate-name';
import { vhostDefaultFallback } from './vhost-default-fallback';
import { deprecatedAccessControl } from './deprecated-access-control';
import { wsgiScriptAccess } from './wsgi-script-access';
import { aliasAccess } from './alias-access';
import { wsgiRestrictEmbedded } from './wsgi-restrict-embedded';
import { wsgiPythonHome } from './wsgi-python-home';
import { wsgiSocketPrefix } from './wsgi-socket-prefix';
import { trailingComment } from './trailing-comment';
import { htaccessWsgi } from './htaccess-wsgi';
import { wsgiDaemonName } from './wsgi-daemon-name';
import { wsgiDuplicateDaemon } from './wsgi-duplicate-daemon';
import { wsgiUnknownOption } from './wsgi-unknown-option';
import { wsgiOptionCase } from './wsgi-option-case';
import { wsgiOptionSyntax } from './wsgi-option-syntax';
import { wsgiDaemonOptionValue } from './wsgi-daemon-option-value';
import { wsgiDaemonOptionConflict } from './wsgi-daemon-option-conflict';
import { wsgiScriptArgs } from './wsgi-script-args';
import { wsgiEmptyOption } from './wsgi-empty-option';
import { wsgiPassAuthorization } from './wsgi-pass-authorization';
import { wsgiAliasRegex } from './wsgi-alias-regex';
import { wsgiImportScriptGroups } from './wsgi-import-script-groups';
import { wsgiGroupUnreachable } from './wsgi-group-unreachable';
import { wsgiDirectiveValueRule } from './wsgi-directive-value';
import { unknownDirective } from './unknown-directive';
import { directiveContext } from './directive-context';
import { argumentCount } from './argument-count';
import { invalidArgument } from './invalid-argument';
import { listenDuplicate } from './listen-duplicate';
import { macroUse } from './macro-use';
import { expressionSyntax } from './expression-syntax';
import { wsgiScriptMissing } from './wsgi-script-missing';
import { wsgiCallableMissing } from './wsgi-callable-missing';
import { djangoSettingsSetdefaultConfig } from './django-settings-setdefault';

export const rules: readonly Rule[] = [
  syntaxError,
  unterminatedQuote,
  includeNotFound,
  includeTree,
  undefinedVariable,
  wsgiDaemonUnused,
  wsgiPreforkEmbedded,
  wsgiEmbeddedMode,
  wsgiUndefinedProcessGroup,
  wsgiProcessGroupInaccessible,
  wsgiScriptAliasOrder,
  aliasTrailingSlash,
  vhostMissingServername,
  vhostDuplicateName,
  vhostDefaultFallback,
  deprecatedAccessControl,
  wsgiScriptAccess,
  aliasAccess,
  wsgiRestrictEmbedded,
  wsgiPythonHome,
  wsgiSocketPrefix,
  trailingComment,
  htaccessWsgi,
  wsgiDaemonName,
  wsgiDuplicateDaemon,
  wsgiUnknownOption,
  wsgiOptionCase,
  wsgiOptionSyntax,
  wsgiDaemonOptionValue,
  wsgiDaemonOptionConflict,
  wsgiScriptArgs,
  wsgiEmptyOption,
  wsgiPassAuthorization,
  wsgiAliasRegex,
  wsgiImportScriptGroups,
  wsgiGroupUnreachable,
  wsgiDirectiveValueRule,
  unknownDirective,
  directiveContext,
  argumentCount,
  invalidArgument,
  listenDuplicate,
  macroUse,
  expressionSyntax,
  wsgiScriptMissing,
  wsgiCallableMissing,
  djangoSettingsSetdefaultConfig,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
