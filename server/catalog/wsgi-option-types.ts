// Shapes of the mod_wsgi option tables (WSGIDaemonProcess, WSGIScriptAlias … `name=value` options).

/** What mod_wsgi checks about a value while the config is read (everything else is accepted as written). */
export type WsgiValueCheck =
  /** C atoi() (or apr_atoi64 with bits 64): leading digits count, text without digits reads as 0. */
  | { kind: 'int'; min: number; max?: number; bits?: 64 }
  /** 0 (the default) or at least `min`. */
  | { kind: 'buffer'; min: number }
  /** Octal digits only (strtol base 8 must consume the whole value). */
  | { kind: 'octal' }
  /** Must start with `/`. */
  | { kind: 'absolute-path' }
  | { kind: 'non-empty' }
  /** On or Off, any case. */
  | { kind: 'on-off' }
  /** Non-empty and not root (name `root`, uid `#0`). */
  | { kind: 'user' }
  | { kind: 'any' };

export interface WsgiOptionInfo {
  /** Exact, case-sensitive name (mod_wsgi compares with strcmp). */
  name: string;
  /** What the value is, in words (e.g. `integer`, `absolute path`). */
  valueType: string;
  check: WsgiValueCheck;
  /** The range mod_wsgi enforces, in words. */
  range: string;
  default: string;
  /** One or two sentences in our own words. */
  summary: string;
  /** mod_wsgi's own configtest messages for this option, verbatim (facts, for hovers and tests). */
  errors: readonly string[];
  /** First mod_wsgi 4.x release that accepts it (`4.1.0` means 4.1.0 or earlier). */
  since: string;
  /** A typical `name=value`. */
  example: string;
}

export interface WsgiPositional {
  name: string;
  summary: string;
  /** mod_wsgi's message when it is missing, verbatim. */
  missingError: string;
}

/** A mod_wsgi directive that mod_wsgi parses itself: positional words, then `name=value` options. */
export interface WsgiOptionDirective {
  name: string;
  positional: readonly WsgiPositional[];
  options: readonly WsgiOptionInfo[];
  /** Options mod_wsgi refuses the directive without (WSGIImportScript), with its message. */
  required: ReadonlyArray<{ option: string; error: string }>;
  /** mod_wsgi's message for anything that is not a known `name=value`, verbatim. */
  invalidOptionError: string;
  url: string;
}
