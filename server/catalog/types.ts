// Shapes of the catalogue: facts about directives, as typed data. Hover, completion and validation all read
// these tables; prose lives here once and is rendered in one place.

/** Where a directive may stand. `directory` covers <Directory>, <Location>, <Files> and their *Match forms, <If>, <Proxy>. */
export type ContextName = 'server' | 'virtualhost' | 'directory' | 'htaccess';

/** Apache's argument forms (cmd_how in httpd's command tables). */
export type ArgumentForm =
  | 'NO_ARGS'
  | 'TAKE1'
  | 'TAKE2'
  | 'TAKE3'
  | 'TAKE12'
  | 'TAKE13'
  | 'TAKE23'
  | 'TAKE123'
  | 'ITERATE'
  | 'ITERATE2'
  | 'FLAG'
  | 'RAW_ARGS'
  | 'TAKE_ARGV';

export interface DirectiveInfo {
  /** Canonical spelling, e.g. `WSGIDaemonProcess`; sections without `<`, e.g. `VirtualHost`. */
  name: string;
  /** Module that registers it, as `apache2 -L` names it (e.g. `core.c`, `mod_wsgi.c`). */
  module: string;
  /** The section form (`<VirtualHost …>`) rather than a plain directive. */
  section: boolean;
  contexts: readonly ContextName[];
  /**
   * AllowOverride class needed in .htaccess (e.g. `FileInfo`, `AuthConfig`, `AuthConfig or Limit`), when allowed
   * there; absent for directives allowed in .htaccess under any AllowOverride other than None.
   */
  override?: string;
  args: ArgumentForm;
  /** Usage line, e.g. `WSGIProcessGroup name|%{GLOBAL}|%{ENV:variable}`. */
  syntax: string;
  default?: string;
  /** One line, in our own words. */
  summary: string;
  /** Official documentation page. */
  url: string;
  /** Exactly where Apache accepts it and how it refuses the other places (from `apache2 -t` itself). */
  places: Readonly<Record<PlaceName, Placement>>;
  /** Other modules that register the same name (mod_cgi and mod_cgid both register ScriptLog). */
  alsoIn?: readonly string[];
  /** Registered only to explain its removal: Apache rejects it wherever it stands. */
  obsolete?: boolean;
  /** Left out of the build Debian ships (the reason); Apache answers "Invalid command" for it. */
  notRegistered?: string;
}

/**
 * The kinds of place Apache tells apart when it decides whether a directive may stand somewhere: top level, a
 * <VirtualHost>, each kind of per-directory section, <Limit>/<LimitExcept>, and <RequireAll>/<RequireAny>/<RequireNone>
 * (`authz`). <IfModule>, <IfDefine> and the other conditional sections are transparent.
 */
export type PlaceName = 'server' | 'virtualhost' | 'directory' | 'location' | 'files' | 'if' | 'proxy' | 'limit' | 'authz';
export const PLACE_NAMES: readonly PlaceName[] = ['server', 'virtualhost', 'directory', 'location', 'files', 'if', 'proxy', 'limit', 'authz'];

/**
 * `allowed`; `override`: refused by the section's override mask ("X not allowed here" / "X not allowed in <Y>
 * context"); `handler`: refused by the directive's own check ("X cannot occur within <Y> section").
 */
export type Placement = 'allowed' | 'override' | 'handler';

/** One generated line of server/catalog/data/apache-directives.ts; directives.ts turns it into a DirectiveInfo. */
export interface DirectiveFacts {
  name: string;
  module: string;
  alsoIn?: readonly string[];
  section?: boolean;
  args: ArgumentForm;
  /** One character per PLACE_NAMES entry: `+` allowed, `o` override refusal, `h` handler refusal. */
  places: string;
  /** AllowOverride classes (`|`-separated) needed in .htaccess, `any`, or absent when not allowed there. */
  htaccess?: string;
  syntax?: string;
  default?: string;
  /**
   * Manual page and anchor (`mpm_common#listen`), `wsgi` for mod_wsgi's pattern, or '' when no page exists;
   * absent for the usual page: the module's, anchored by the lower-cased name.
   */
  page?: string;
  obsolete?: boolean;
  notRegistered?: string;
}

/** A module Debian ships: `id` as LoadModule and <IfModule> know it (`ssl_module`), `file` its name (`mod_ssl.c`). */
export interface ModuleFacts {
  id: string;
  file: string;
  /** Compiled into the apache2 binary: always loaded. */
  builtIn?: boolean;
}
