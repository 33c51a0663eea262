// Directives that take a list of words, each of which must be one of a set (any letter case), with Apache's message
// for the first word it does not know. Measured with apache2 -t on Debian's 2.4.71, 2026-11-25: every value
// accepted, prefixes and letter case tried, the message for an unknown word. Rules between the words (None with
// others in ForceLanguagePriority, Any with Handlers in MultiviewsMatch) are not judged here.

export interface WordListRule {
  values: readonly string[];
  /** Each word may carry one + or - (a doubled one is read as part of the name). */
  signs?: true;
  /** Words that may not carry a sign, with Apache's refusal of one that does (`{value}`: the word without it). */
  unsigned?: { values: readonly string[]; apache: string };
  /** Words starting so (any letter case) are accepted as they are: `MaxRedirects=5`. */
  keyed?: readonly string[];
  /** Apache's refusal; `{value}` is the word as it quotes it (without its sign). */
  apache: string;
}

export const wordListRules: Readonly<Record<string, WordListRule>> = {
  ssloptions: {
    values: ['StdEnvVars', 'ExportCertData', 'FakeBasicAuth', 'StrictRequire', 'OptRenegotiate', 'LegacyDNStringFormat'],
    signs: true,
    apache: "SSLOptions: Illegal option '{value}'",
  },
  rewriteoptions: {
    values: ['Inherit', 'InheritBefore', 'InheritDown', 'InheritDownBefore', 'IgnoreInherit', 'AllowNoSlash', 'AllowAnyURI', 'MergeBase', 'IgnoreContextInfo', 'LegacyPrefixDocRoot'],
    keyed: ['MaxRedirects='],
    apache: "RewriteOptions: unknown option '{value}'",
  },
  httpprotocoloptions: {
    values: ['Strict', 'Unsafe', 'RegisteredMethods', 'LenientMethods', 'Allow0.9', 'Require1.0'],
    apache: "HttpProtocolOptions accepts 'Unsafe' or 'Strict' (default), 'RegisteredMethods' or 'LenientMethods' (default), and 'Require1.0' or 'Allow0.9' (default)",
  },
  fileetag: {
    values: ['INode', 'MTime', 'Size', 'Digest', 'All', 'None'],
    signs: true,
    unsigned: { values: ['All', 'None'], apache: "FileETag keyword '{value}' cannot be used with '+' or '-'" },
    apache: "Unknown keyword '{value}' for FileETag directive",
  },
  forcelanguagepriority: { values: ['None', 'Prefer', 'Fallback'], apache: 'Invalid ForceLanguagePriority option {value}' },
  multiviewsmatch: { values: ['Any', 'NegotiatedOnly', 'Filters', 'Handlers'], apache: "Unrecognized option '{value}'" },
};

/**
 * IndexOptions (mod_autoindex), whose words follow more rules than a plain list: checked by
 * arguments/index-options.ts. Read from add_opts in httpd 2.4's modules/generators/mod_autoindex.c and verified with
 * apache2 -t on Debian's 2.4.71, 2026-11-26 (1,039 configs): every word in three letter cases, with and without + and -, None before and after each, each `Name=`
 * with widths around its minimum, atoi's readings (blanks, signs, trailing text, overflow cut to 32 bits).
 */
export interface IndexOptionsRule {
  /** Display features: bare, they replace the inherited ones; with + or -, they add to or take from them. */
  switches: readonly string[];
  /** Words that change a setting but no feature: a bare one may follow None. */
  settings: readonly string[];
  /** `Name` and `Name=value` words. */
  valued: readonly IndexValuedOption[];
  /** None: clears every feature; it takes no sign, and no bare feature may follow it in the same section. */
  none: { word: string; signed: string; combined: string };
  /** Apache's refusal of a word it does not know (an empty one, `+` alone, a doubled sign included). */
  unknown: string;
}

export interface IndexValuedOption {
  name: string;
  /** The word without `=`: taken with any sign, only as `-Name` (Apache's refusal otherwise), or unknown. */
  bare: 'any' | { minusOnly: string } | 'unknown';
  /** Apache's refusal of `-Name=value`, when it refuses one. */
  minusWithValue?: string;
  /** The value is a width read with C's atoi (a `*` first means "fit the longest"): 0, or at least `min`. */
  width?: { min: number; apache: string };
}

export const indexOptionsRule: IndexOptionsRule = {
  switches: [
    'FancyIndexing', 'FoldersFirst', 'HTMLTable', 'IconsAreLinks', 'IgnoreCase', 'IgnoreClient', 'ScanHTMLTitles',
    'SuppressColumnSorting', 'SuppressDescription', 'SuppressHTMLPreamble', 'SuppressIcon', 'SuppressLastModified',
    'SuppressSize', 'SuppressRules', 'TrackModified', 'VersionSort', 'XHTML', 'ShowForbidden', 'AddAltClass',
  ],
  settings: ['UseOldDateFormat'],
  valued: [
    { name: 'IconWidth', bare: 'any', minusWithValue: "Cannot combine '-' with IconWidth=n" },
    { name: 'IconHeight', bare: 'any', minusWithValue: "Cannot combine '-' with IconHeight=n" },
    {
      name: 'NameWidth',
      bare: { minusOnly: "NameWidth with no value may only appear as '-NameWidth'" },
      minusWithValue: "Cannot combine '-' with NameWidth=n",
      width: { min: 5, apache: 'NameWidth value must be greater than 5' },
    },
    {
      name: 'DescriptionWidth',
      bare: { minusOnly: "DescriptionWidth with no value may only appear as '-DescriptionWidth'" },
      minusWithValue: "Cannot combine '-' with DescriptionWidth=n",
      width: { min: 12, apache: 'DescriptionWidth value must be greater than 12' },
    },
    { name: 'Type', bare: 'unknown' },
    { name: 'Charset', bare: 'unknown' },
  ],
  none: { word: 'None', signed: "Cannot combine '+' or '-' with 'None' keyword", combined: "Cannot combine other IndexOptions keywords with 'None'" },
  unknown: 'Invalid directory indexing option',
};
