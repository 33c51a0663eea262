// The mod_wsgi directives that take `name=value` options, which options each accepts, and lookups for hovers,
// completion and the wsgi-* rules. Facts from mod_wsgi 4.9.4 (src/server/mod_wsgi.c); summaries are ours.
import type { WsgiOptionDirective, WsgiOptionInfo, WsgiPositional } from './wsgi-option-types';
import { DAEMON_OPTIONS } from './wsgi-daemon-options';

export type { WsgiOptionDirective, WsgiOptionInfo, WsgiPositional, WsgiValueCheck } from './wsgi-option-types';
export { DAEMON_OPTIONS, OTHER_RELEASE_DAEMON_OPTIONS } from './wsgi-daemon-options';

const WSGI_DOCS = 'https://modwsgi.readthedocs.io/en/master/configuration-directives/';

const processGroup: WsgiOptionInfo = {
  name: 'process-group', valueType: 'daemon group name, %{GLOBAL} or %{ENV:variable}', check: { kind: 'non-empty' },
  range: 'a non-empty name', default: 'WSGIProcessGroup in effect (embedded mode when none)',
  summary: 'Daemon process group (a WSGIDaemonProcess name) that runs this script; %{GLOBAL} runs it embedded in Apache\'s children.',
  errors: ['Invalid name for WSGI process group.'], since: '4.1.0', example: 'process-group=site',
};

const applicationGroup: WsgiOptionInfo = {
  name: 'application-group', valueType: 'interpreter name, %{GLOBAL}, %{RESOURCE}, %{SERVER}, %{HOST} or %{ENV:variable}', check: { kind: 'non-empty' },
  range: 'a non-empty name', default: 'WSGIApplicationGroup in effect (%{RESOURCE} when none)',
  summary: 'Python sub-interpreter the script runs in; %{GLOBAL} is the main interpreter, which C extensions such as numpy need.',
  errors: ['Invalid name for WSGI application group.'], since: '4.1.0', example: 'application-group=%{GLOBAL}',
};

const callableObject: WsgiOptionInfo = {
  name: 'callable-object', valueType: 'Python name', check: { kind: 'non-empty' },
  range: 'a non-empty name', default: 'application',
  summary: 'Name of the WSGI callable that mod_wsgi looks up in the script.',
  errors: ['Invalid name for WSGI callable object.'], since: '4.1.0', example: 'callable-object=app',
};

const passAuthorization: WsgiOptionInfo = {
  name: 'pass-authorization', valueType: 'On or Off', check: { kind: 'on-off' },
  range: 'On or Off (any case)', default: 'WSGIPassAuthorization in effect (Off when none)',
  summary: 'On hands the HTTP Authorization header to the application as HTTP_AUTHORIZATION.',
  errors: ['Invalid value for authorization flag.'], since: '4.1.0', example: 'pass-authorization=On',
};

const script = (what: string, summary: string): WsgiPositional => ({
  name: 'script-path',
  summary,
  missingError: `Location of ${what} not supplied.`,
});

const aliasPositional = (match: boolean): WsgiPositional[] => [
  match
    ? { name: 'url-regex', summary: 'Regular expression matched against the URL path; groups can be used as $1…$9 in the target.', missingError: 'WSGIScriptAliasMatch requires at least two arguments, Map location pattern to target WSGI script file.' }
    : { name: 'url-path', summary: 'URL prefix the application is mounted at (/ for the whole site).', missingError: 'WSGIScriptAlias requires at least two arguments, Map location to target WSGI script file.' },
  { name: 'script-path', summary: 'WSGI script file (or a directory of them) that serves those URLs.', missingError: match ? 'WSGIScriptAliasMatch requires at least two arguments, Map location pattern to target WSGI script file.' : 'WSGIScriptAlias requires at least two arguments, Map location to target WSGI script file.' },
];

const directive = (name: string, positional: WsgiPositional[], options: WsgiOptionInfo[], what: string, required: WsgiOptionDirective['required'] = []): WsgiOptionDirective => ({
  name, positional, options, required, invalidOptionError: `Invalid option to WSGI ${what} definition.`, url: `${WSGI_DOCS}${name}.html`,
});

const TABLE: readonly WsgiOptionDirective[] = [
  directive('WSGIDaemonProcess', [{ name: 'group-name', summary: 'Name other directives use to delegate to this daemon group; unique in the whole server.', missingError: 'Name of WSGI daemon process not supplied.' }], [...DAEMON_OPTIONS], 'daemon process'),
  directive('WSGIScriptAlias', aliasPositional(false), [processGroup, applicationGroup, callableObject, passAuthorization], 'script alias'),
  directive('WSGIScriptAliasMatch', aliasPositional(true), [processGroup, applicationGroup, callableObject, passAuthorization], 'script alias'),
  directive('WSGIImportScript', [script('import script', 'Python file loaded into the named process and application group as soon as the daemon process starts.')], [processGroup, applicationGroup], 'import script', [
    { option: 'application-group', error: 'Name of WSGI application group required.' },
    { option: 'process-group', error: 'Name of WSGI process group required.' },
  ]),
  directive('WSGIDispatchScript', [script('dispatch script', 'Python file whose hook functions may pick the process group, application group or callable per request.')], [applicationGroup], 'dispatch script'),
  directive('WSGIAccessScript', [script('access script', 'Python file whose allow_access(environ, host) decides whether the client may proceed.')], [applicationGroup], 'access script'),
  directive('WSGIAuthUserScript', [script('auth user script', 'Python file whose check_password() (Basic) or get_realm_hash() (Digest) authenticates users.')], [applicationGroup], 'auth user script'),
  directive('WSGIAuthGroupScript', [script('auth group script', "Python file whose groups_for_user() lists a user's groups for Require wsgi-group.")], [applicationGroup], 'auth group script'),
  directive('WSGIHandlerScript', [
    { name: 'handler-name', summary: 'Handler name to use with SetHandler or AddHandler.', missingError: 'Name for handler script not supplied.' },
    { name: 'script-path', summary: 'Python file whose handle_request() serves the matching requests.', missingError: 'Location of handler script not supplied.' },
  ], [processGroup, applicationGroup, passAuthorization], 'handler script'),
];

const byName = new Map(TABLE.map((d) => [d.name.toLowerCase(), d]));

/** The option-bearing mod_wsgi directive with this (lower-case) name. */
export function wsgiOptionDirective(nameLower: string): WsgiOptionDirective | undefined {
  return byName.get(nameLower);
}

export function wsgiOptionDirectives(): readonly WsgiOptionDirective[] {
  return TABLE;
}

/** The option `option` (exact case, as mod_wsgi compares) of directive `directiveLower`, e.g. ('wsgidaemonprocess', 'threads'). */
export function wsgiOption(directiveLower: string, option: string): WsgiOptionInfo | undefined {
  const directive = byName.get(directiveLower);
  return directive && optionsByName(directive).get(option);
}

const exactNames = new Map<WsgiOptionDirective, ReadonlyMap<string, WsgiOptionInfo>>();

/** The directive's options by exact name (the first of a name in table order, as a search would find), built once. */
export function optionsByName(directive: WsgiOptionDirective): ReadonlyMap<string, WsgiOptionInfo> {
  let names = exactNames.get(directive);
  if (!names) {
    const built = new Map<string, WsgiOptionInfo>();
    for (const o of directive.options) if (!built.has(o.name)) built.set(o.name, o);
    exactNames.set(directive, (names = built));
  }
  return names;
}

/** Option names the directive accepts, in table order (for completion). */
export function wsgiOptionNames(directiveLower: string): string[] {
  return byName.get(directiveLower)?.options.map((o) => o.name) ?? [];
}

const lowerNames = new Map<WsgiOptionDirective, ReadonlySet<string>>();

/** The directive's option names in lower case (rules compare case-insensitively for every option they read). */
export function optionNamesLower(directive: WsgiOptionDirective): ReadonlySet<string> {
  let names = lowerNames.get(directive);
  if (!names) lowerNames.set(directive, (names = new Set(directive.options.map((o) => o.name.toLowerCase()))));
  return names;
}
