// Directives whose (first) argument must be one of a few keywords, compared case-insensitively as Apache does,
// with Apache's message for anything else (measured with apache2 -t). FLAG directives need no entry: their
// On/Off check is generic. Directives with richer grammars (Options, AllowOverride, Header, LogLevel) have
// their own checkers in server/rules/arguments/. mod_wsgi's own switches are wsgi-directive-value's.

export interface KeywordRule {
  /** Canonical spellings, as suggested in fixes. */
  values: readonly string[];
  apache: string;
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
};

/** Values people write for On and Off; only these get a preferred fix. */
export const SWITCH_SYNONYMS: Readonly<Record<string, 'On' | 'Off'>> = {
  yes: 'On', true: 'On', '1': 'On', enable: 'On', enabled: 'On', y: 'On',
  no: 'Off', false: 'Off', '0': 'Off', disable: 'Off', disabled: 'Off', n: 'Off', none: 'Off',
};

/** Authorization providers the modules Debian ships register for Require (names are case-sensitive). */
export const REQUIRE_PROVIDERS: readonly string[] = [
  'all', 'env', 'method', 'expr', 'ip', 'host', 'forward-dns', 'local', 'user', 'valid-user', 'group', 'file-owner',
  'file-group', 'dbm-group', 'dbm-file-group', 'dbd-group', 'dbd-login', 'dbd-logout', 'ldap-user', 'ldap-group',
  'ldap-dn', 'ldap-attribute', 'ldap-filter', 'ssl', 'ssl-verify-client', 'wsgi-group',
];
