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
