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
  /** AllowOverride class needed in .htaccess (e.g. `FileInfo`, `AuthConfig`), when allowed there. */
  override?: string;
  args: ArgumentForm;
  /** Usage line, e.g. `WSGIProcessGroup name|%{GLOBAL}|%{ENV:variable}`. */
  syntax: string;
  default?: string;
  /** One line, in our own words. */
  summary: string;
  /** Official documentation page. */
  url: string;
}
