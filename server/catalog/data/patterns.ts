// Directives whose argument is a regular expression Apache compiles (PCRE) while it reads the line, with the word
// that holds it and Apache's refusal (ProxyPass and ProxyPassMatch: proxyPassRules). Verified with apache2 -t on
// Debian's 2.4.71, 2026-11-25 (ProxyRemoteMatch, ProxyPass, ProxyPassMatch and the backslashes: 2026-11-26).

export interface PatternRule {
  /** Index of the pattern among the words. */
  at: number;
  /** A leading `!` negates the match and is not part of the pattern (mod_rewrite). */
  negatable?: true;
  /**
   * The module splits the line itself and keeps every backslash (mod_rewrite); the others get their words from
   * httpd's word reader, which turns `\\` into `\` before the pattern is compiled.
   */
  rawBackslashes?: true;
  /** Apache's refusal; `{value}` is the pattern (without its `!`). */
  apache: string;
}

const compiled = (at: number): PatternRule => ({ at, apache: 'Regular expression could not be compiled.' });

export const patternRules: Readonly<Record<string, PatternRule>> = {
  aliasmatch: compiled(0),
  scriptaliasmatch: compiled(0),
  rewriterule: { at: 0, negatable: true, rawBackslashes: true, apache: "RewriteRule: cannot compile regular expression '{value}'" },
  rewritecond: { at: 1, negatable: true, rawBackslashes: true, apache: "RewriteCond: cannot compile regular expression '{value}'" },
  setenvif: { at: 1, apache: 'SetEnvIf regex could not be compiled.' },
  setenvifnocase: { at: 1, apache: 'SetEnvIfNoCase regex could not be compiled.' },
  browsermatch: { at: 0, apache: 'BrowserMatch regex could not be compiled.' },
  browsermatchnocase: { at: 0, apache: 'BrowserMatchNoCase regex could not be compiled.' },
  // after the remote proxy's URL is checked (a bad one is refused first, on the same line)
  proxyremotematch: { at: 0, apache: 'Regular expression for ProxyRemoteMatch could not be compiled.' },
};

/**
 * ProxyPass and ProxyPassMatch (mod_proxy's add_pass), checked by arguments/proxy-pass.ts. Outside <Location> and
 * <Proxy> the first word is the pattern (ProxyPassMatch), or the word after `~` (ProxyPass); inside them there is
 * no such word: the section's path is the pattern, compiled always (ProxyPassMatch) or when it holds a wildcard
 * (ProxyPass: `*`, `?`, `[…]`). Apache compiles it after reading the other words. Verified with apache2 -t on
 * Debian's 2.4.71, 2026-11-26.
 */
export interface ProxyPassRule {
  /** Outside a section: the first word is the pattern, or only after a `~` word (several are skipped). */
  pattern: 'first' | 'after-tilde';
  /** Apache's refusal of a first word `~`, where the pattern needs none. */
  tildeRefused?: string;
  /** Inside <Location>/<Proxy>: when the section's path is compiled. */
  sectionPath: 'always' | 'wildcard';
  apache: string;
}

/**
 * What add_pass refuses in the words after the target URL, before it compiles the pattern (the parameters' values
 * are read later, by the worker, and are not judged), and its refusal of a "unix:" URL with no scheme after `|`.
 */
export const proxyPassWords = {
  /** Words taken without `=` (any letter case). */
  flags: ['nocanon', 'interpolate', 'noquery'],
  /** Values of `mapping=` (any letter case). */
  mappings: ['encoded', 'servlet'],
  notKeyValue: "Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'.",
  /** The same refusal inside <Location>/<Proxy> when the first word starts with `/` (a path where the URL belongs). */
  pathInSection: 'ProxyPass|ProxyPassMatch can not have a path when defined in a location.',
  unknownMapping: 'unknown mapping',
  unixUrl: 'ProxyPass|ProxyPassMatch uses an invalid "unix:" URL',
} as const;

export const proxyPassRules: Readonly<Record<string, ProxyPassRule>> = {
  proxypass: { pattern: 'after-tilde', sectionPath: 'wildcard', apache: 'Regular expression could not be compiled.' },
  proxypassmatch: { pattern: 'first', tildeRefused: "ProxyPassMatch invalid syntax ('~' usage).", sectionPath: 'always', apache: 'Regular expression could not be compiled.' },
};

/** Sections whose tag holds a pattern: the Match forms, and the others after `~`. */
export const sectionPatterns: Readonly<Record<string, 'match' | 'tilde'>> = {
  directorymatch: 'match', locationmatch: 'match', filesmatch: 'match', proxymatch: 'match',
  directory: 'tilde', location: 'tilde', files: 'tilde', proxy: 'tilde',
};
