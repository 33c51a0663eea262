// Directives whose (first) argument must be one of a few keywords, compared case-insensitively as Apache does,
// with Apache's message for anything else (measured with apache2 -t). FLAG directives need no entry: their
// On/Off check is generic. Directives with richer grammars (Options, AllowOverride, Header, LogLevel) have
// their own checkers in server/rules/arguments/. mod_wsgi's own switches are wsgi-directive-value's.

export interface KeywordRule {
  /** Canonical spellings, as suggested in fixes. */
  values: readonly string[];
  /** Apache's refusal; `{value}` stands for the word as Apache read it, where its message quotes it. */
  apache: string;
  /** Compared exactly (a few modules use strcmp): `Always` is not `always` there. */
  exact?: true;
}

export const keywordRules: Readonly<Record<string, KeywordRule>> = {
  hostnamelookups: { values: ['On', 'Off', 'Double'], apache: "parameter must be 'on', 'off', or 'double'" },
  serversignature: { values: ['On', 'Off', 'EMail'], apache: 'ServerSignature: use one of: off | on | email' },
  usecanonicalname: { values: ['On', 'Off', 'DNS'], apache: "parameter must be 'on', 'off', or 'dns'" },
  acceptpathinfo: { values: ['On', 'Off', 'Default'], apache: 'AcceptPathInfo must be set to on, off or default' },
  allowencodedslashes: { values: ['On', 'Off', 'NoDecode'], apache: 'AllowEncodedSlashes must be On, Off, or NoDecode' },
  traceenable: { values: ['On', 'Off', 'Extended'], apache: "TraceEnable must be one of 'on', 'off', or 'extended'" },
  servertokens: {
    values: ['Prod', 'ProductOnly', 'Major', 'Minor', 'Min', 'Minimal', 'OS', 'Full'],
    apache: "ServerTokens takes 1 argument: 'Prod(uctOnly)', 'Major', 'Minor', 'Min(imal)', 'OS', or 'Full'",
  },
  enablesendfile: { values: ['On', 'Off'], apache: "parameter must be 'on' or 'off'" },
  enablemmap: { values: ['On', 'Off'], apache: "parameter must be 'on' or 'off'" },
  proxyvia: { values: ['Off', 'On', 'Full', 'Block'], apache: 'ProxyVia must be one of: off | on | full | block' },
  proxybadheader: { values: ['IsError', 'Ignore', 'StartBody'], apache: 'ProxyBadHeader must be one of: IsError | Ignore | StartBody' },
  sslengine: { values: ['On', 'Off', 'Optional'], apache: 'Argument must be On or Off' },
  satisfy: { values: ['All', 'Any'], apache: "Satisfy either 'any' or 'all'." },
  order: { values: ['Allow,Deny', 'Deny,Allow', 'Mutual-failure'], apache: 'unknown order' },
  // Found by giving every catalogue directive a made-up word (apache2 -t refused it), each value then run through
  // apache2 -t in both letter cases (2026-11-25).
  usecanonicalphysicalport: { values: ['On', 'Off'], apache: "parameter must be 'on' or 'off'" },
  protocolshonororder: { values: ['On', 'Off'], apache: "ProtocolsHonorOrder must be 'on' or 'off'" },
  authmerging: { values: ['Off', 'And', 'Or'], apache: 'AuthMerging must be one of: Off | And | Or' },
  authbasicusedigestalgorithm: { values: ['MD5', 'Off'], apache: 'Invalid algorithm in AuthBasicUseDigestAlgorithm: {value}' },
  // mod_auth_digest supports MD5 only (MD5-sess is refused too).
  authdigestalgorithm: { values: ['MD5'], apache: 'Unsupported algorithm in AuthDigestAlgorithm: {value}' },
  authldapdereferencealiases: { values: ['never', 'searching', 'finding', 'always'], apache: 'Unrecognized value for AuthLDAPDereferenceAliases directive', exact: true },
  ldapreferrals: { values: ['On', 'Off', 'Default'], apache: "LDAPReferrals must be 'on', 'off', or 'default'" },
  brotlialteretag: { values: ['AddSuffix', 'NoChange', 'Remove'], apache: "BrotliAlterETag accepts only 'AddSuffix', 'NoChange' and 'Remove'" },
  deflatealteretag: { values: ['AddSuffix', 'NoChange', 'Remove'], apache: "DeflateAlterETAG accepts only 'NoChange', 'AddSuffix', and 'Remove'" },
  xbithack: { values: ['Off', 'On', 'Full'], apache: 'XBitHack must be set to Off, On, or Full' },
  h2moderntlsonly: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2upgrade: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2direct: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2push: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2copyfiles: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2earlyhints: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2outputbuffering: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2proxyrequests: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  h2websockets: { values: ['On', 'Off'], apache: 'value must be On or Off' },
  luainherit: { values: ['none', 'parent-first', 'parent-last'], apache: "LuaInherit type of '{value}' not recognized, valid options are 'none', 'parent-first', and 'parent-last'" },
  luacodecache: { values: ['stat', 'forever', 'never'], apache: "LuaCodeCache type of '{value}' not recognized, valid options are 'never', 'stat', and 'forever'" },
  mddrivemode: { values: ['auto', 'always', 'manual'], apache: 'unknown MDDriveMode {value}' },
  mdrenewmode: { values: ['auto', 'always', 'manual'], apache: 'unknown MDDriveMode {value}' },
  mdmuststaple: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdbaseserver: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdserverstatus: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdcertificatestatus: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdstapling: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdstapleothers: { values: ['On', 'Off'], apache: "unknown '{value}', supported parameter values are 'on' and 'off'" },
  mdrequirehttps: { values: ['Off', 'Temporary', 'Permanent'], apache: "unknown '{value}', supported parameter values are 'temporary' and 'permanent'" },
  mdmatchnames: { values: ['all', 'servernames'], apache: "invalid argument, must be a 'all' or 'servernames'" },
  mdchallengedns01version: { values: ['1', '2'], apache: 'Only versions `1` and `2` are supported', exact: true },
  proxystatus: { values: ['Off', 'On', 'Full'], apache: 'ProxyStatus must be one of: off | on | full' },
  proxyfcgibackendtype: { values: ['FPM', 'GENERIC'], apache: "ProxyFCGIBackendType requires one of the following arguments: 'GENERIC', 'FPM'" },
  cookiestyle: { values: ['Netscape', 'Cookie', 'Cookie2', 'RFC2109', 'RFC2965'], apache: "Invalid CookieStyle keyword: '{value}'" },
  cookiesamesite: { values: ['None', 'Lax', 'Strict'], apache: "CookieSameSite accepts 'Strict', 'Lax', or 'None'" },
  sslverifyclient: { values: ['none', 'optional', 'require', 'optional_no_ca'], apache: "SSLVerifyClient: Invalid argument '{value}'" },
  sslproxyverify: { values: ['none', 'optional', 'require', 'optional_no_ca'], apache: "SSLProxyVerify: Invalid argument '{value}'" },
};

/** Values people write for On and Off; only these get a preferred fix. */
export const SWITCH_SYNONYMS: Readonly<Record<string, 'On' | 'Off'>> = {
  yes: 'On', true: 'On', '1': 'On', enable: 'On', enabled: 'On', y: 'On',
  no: 'Off', false: 'Off', '0': 'Off', disable: 'Off', disabled: 'Off', n: 'Off', none: 'Off',
};

/** The scheme an authentication directive serves, as its module names it when a provider cannot serve it. */
export type AuthnScheme = 'Basic' | 'Digest' | 'Form';

/**
 * Authentication providers the modules Debian ships register (AuthBasicProvider, AuthDigestProvider,
 * AuthFormProvider; names are case-sensitive), and whether each can give the password hash Digest needs. Verified
 * with apache2 -t (2.4.71, every module of the apache2 package and mod_wsgi loaded): anon and ldap are refused by
 * AuthDigestProvider.
 */
export const AUTHN_PROVIDERS: ReadonlyArray<{ name: string; digest: boolean }> = [
  { name: 'file', digest: true },
  { name: 'dbm', digest: true },
  { name: 'anon', digest: false },
  { name: 'dbd', digest: true },
  { name: 'socache', digest: true },
  { name: 'ldap', digest: false },
  // mod_wsgi's, for WSGIAuthUserScript (its script may define get_realm_hash too)
  { name: 'wsgi', digest: true },
];

/** Authorization providers the modules Debian ships register for Require (names are case-sensitive). */
export const REQUIRE_PROVIDERS: readonly string[] = [
  'all', 'env', 'method', 'expr', 'ip', 'host', 'forward-dns', 'local', 'user', 'valid-user', 'group', 'file-owner',
  'file-group', 'dbm-group', 'dbm-file-group', 'dbd-group', 'dbd-login', 'dbd-logout', 'ldap-user', 'ldap-group',
  'ldap-dn', 'ldap-attribute', 'ldap-filter', 'ssl', 'ssl-verify-client', 'wsgi-group',
];
