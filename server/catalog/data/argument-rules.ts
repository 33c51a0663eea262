// Word counts that directives with free-form arguments (RAW_ARGS, TAKE_ARGV) enforce themselves, with Apache's
// own message (measured with apache2 -t). Fixed forms (TAKE1 …) need no entry: config.c checks those.
// mod_wsgi's own directives are judged by the mod_wsgi rules.

export interface ArgumentRule {
  min: number;
  /** The minimum inside a per-directory section, where the section supplies the path (ProxyPass in <Location>). */
  minInSection?: number;
  max?: number;
  /** Apache's message (one per number of words given, when it differs); `{line}` stands for the arguments. */
  apache: string | readonly string[];
}

export const argumentRules: Readonly<Record<string, ArgumentRule>> = {
  listen: { min: 1, max: 2, apache: 'Listen requires 1 or 2 arguments.' },
  allowmethods: { min: 1, apache: "AllowMethods: No method or 'reset' keyword given" },
  authnzfcgidefineprovider: { min: 3, apache: ['AuthnzFcgiDefineProvider: No type given', 'AuthnzFcgiDefineProvider: No provider name given', 'AuthnzFcgiDefineProvider: No backend-address given'] },
  authnzfcgicheckauthnprovider: { min: 1, apache: 'AuthnzFcgiCheckAuthnProvider: No provider given' },
  addoutputfilterbytype: { min: 2, apache: 'AddOutputFilterByType requires at least two arguments' },
  mdomain: { min: 1, apache: 'needs at least one domain name' },
  mdprivatekeys: { min: 1, apache: 'needs to specify the private key type' },
  proxypass: { min: 2, minInSection: 1, apache: 'ProxyPass|ProxyPassMatch needs a path when not defined in a location' },
  proxypassmatch: { min: 2, minInSection: 1, apache: 'ProxyPass|ProxyPassMatch needs a path when not defined in a location' },
  proxypassreverse: { min: 2, minInSection: 1, apache: 'ProxyPassReverse needs a path when not defined in a location' },
  proxyhctemplate: { min: 1, apache: 'Missing template name for ProxyHCTemplate' },
  proxyhcexpr: { min: 1, apache: 'Missing expression name for ProxyHCExpr' },
  remoteipproxyprotocolexceptions: { min: 1, apache: 'RemoteIPProxyProtocolExceptions requires an argument' },
  rewritecond: { min: 2, apache: "RewriteCond: bad argument line '{line}'" },
  rewriterule: { min: 2, apache: "RewriteRule: bad argument line '{line}'" },
  sessioncookiename: { min: 1, apache: "SessionCookieName cannot be empty, or contain '=' or '&'." },
  sessioncookiename2: { min: 1, apache: "SessionCookieName2 cannot be empty, or contain '=' or '&'." },
  sessiondbdcookiename: { min: 1, apache: 'SessionDBDCookieName requires at least one argument!' },
  sessiondbdcookiename2: { min: 1, apache: 'SessionDBDCookieName2 requires at least one argument!' },
  setenvif: { min: 3, apache: ['Missing header-field name for SetEnvIf', 'Missing regular expression for SetEnvIf', 'Missing envariable expression for SetEnvIf'] },
  setenvifnocase: { min: 3, apache: ['Missing header-field name for SetEnvIfNoCase', 'Missing regular expression for SetEnvIfNoCase', 'Missing envariable expression for SetEnvIfNoCase'] },
  setenvifexpr: { min: 2, apache: ['Missing expression for SetEnvIfExpr', 'Missing envariable expression for SetEnvIfExpr'] },
  browsermatch: { min: 2, apache: ['Missing regular expression for BrowserMatch', 'Missing envariable expression for BrowserMatch'] },
  browsermatchnocase: { min: 2, apache: ['Missing regular expression for BrowserMatchNoCase', 'Missing envariable expression for BrowserMatchNoCase'] },
  sslcarevocationcheck: { min: 1, apache: "SSLCARevocationCheck: Invalid argument ''" },
  sslproxycarevocationcheck: { min: 1, apache: "SSLProxyCARevocationCheck: Invalid argument ''" },
  sslocspenable: { min: 1, apache: "SSLOCSPEnable: Invalid argument ''" },
  userdir: { min: 1, apache: 'UserDir requires an argument.' },
  mutex: { min: 1, apache: 'Mutex requires at least a mechanism argument' },
};
