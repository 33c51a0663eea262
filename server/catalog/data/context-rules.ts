// Place rules a few directives enforce themselves, with their own wording (measured with apache2 -t). The
// generic rule (override masks and "cannot occur within" checks) is in each entry's `places`.

export interface ContextRule {
  /** Where the directive must stand: inside a <VirtualHost>, in a per-directory section or .htaccess, in <MDomainSet>. */
  requires: 'virtualhost' | 'per-directory' | 'mdomainset';
  /** Apache's exact message when it is elsewhere. */
  apache: string;
}

const md = (name: string): ContextRule => ({ requires: 'mdomainset', apache: `${name} is only valid inside a '<MDomainSet' context, not here` });

export const contextRules: Readonly<Record<string, ContextRule>> = {
  serveralias: { requires: 'virtualhost', apache: 'ServerAlias only used in <VirtualHost>' },
  rewritebase: { requires: 'per-directory', apache: 'RewriteBase: only valid in per-directory config files' },
  mdmember: md('MDMember'),
  mdcertificatefile: md('MDCertificateFile'),
  mdcertificatekeyfile: md('MDCertificateKeyFile'),
};
