// The flags mod_rewrite knows in RewriteRule's and RewriteCond's "[...]" field, and the values it refuses while it
// reads the line. Verified with apache2 -t on Debian's 2.4.71, 2026-11-25: every name below in five letter cases,
// each with a letter added, dropped or put in front, every other first letter, R= with every number from 100 to 999
// and the words and signs around them, BNE with and without a value, and the other flags with made-up values.

export interface RewriteFlag {
  /** The short and long names, compared whole in any (ASCII) letter case. */
  names: readonly string[];
  /**
   * mod_rewrite tests this flag's first letter and then never refuses what follows it: every name that starts
   * with the letter (any case) is read as this flag (`[Dance]` is DPI).
   */
  anyAfterFirstLetter?: true;
  /**
   * What configtest checks in the value after '=': `status` (R: a number must be a status code httpd knows; a
   * word is not checked), `required` (BNE: a value must be there). Other values are only read when a request runs.
   */
  value?: 'status' | 'required';
}

export const REWRITE_RULE_FLAGS: readonly RewriteFlag[] = [
  { names: ['B', 'backrefescaping'] },
  { names: ['BNE'], value: 'required' },
  // Not 'backrefnoplus', the manual's spelling: 2.4.71 refuses it.
  { names: ['BNP', 'backrefernoplus'] },
  { names: ['BCTLS'] },
  { names: ['C', 'chain'] },
  { names: ['CO', 'cookie'] },
  { names: ['DPI', 'discardpath', 'D'], anyAfterFirstLetter: true },
  { names: ['E', 'env'] },
  { names: ['END'] },
  { names: ['F', 'forbidden'] },
  { names: ['G', 'gone'] },
  { names: ['H', 'handler'] },
  { names: ['L', 'last'] },
  { names: ['N', 'next'] },
  { names: ['NC', 'nocase'] },
  { names: ['NE', 'noescape'] },
  { names: ['NS', 'nosubreq'] },
  { names: ['P', 'proxy'] },
  { names: ['PT', 'passthrough'] },
  { names: ['QSA', 'qsappend'] },
  { names: ['QSD', 'qsdiscard'] },
  { names: ['QSL', 'qslast'] },
  { names: ['R', 'redirect'], value: 'status' },
  { names: ['S', 'skip'] },
  { names: ['T', 'type'] },
  { names: ['UNC'] },
  { names: ['UnsafeAllow3F'] },
  { names: ['UnsafePrefixStat'] },
];

export const REWRITE_COND_FLAGS: readonly RewriteFlag[] = [{ names: ['NC', 'nocase'] }, { names: ['OR', 'ornext'] }, { names: ['NV', 'novary'] }];

/** Words R= takes instead of a number (any letter case); any other word is not checked at configtest either. */
export const REDIRECT_WORDS: readonly string[] = ['permanent', 'temp', 'seeother'];

/** The status codes httpd 2.4.71 knows: R= with a number not among them stops configtest. */
export const KNOWN_STATUS_CODES: ReadonlySet<number> = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Apache's refusals; `{name}` is the directive, `{value}` the flag's name or value as mod_rewrite quotes it. */
export const REWRITE_FLAG_REFUSALS = {
  delimiters: '{name}: bad flag delimiters',
  unknown: "{name}: unknown flag '{value}'",
  status: "RewriteRule: invalid HTTP response code '{value}' for flag 'R'",
  required: "RewriteRule: flag 'BNE' wants a list of characters (i.e. [BNE=...])",
} as const;
