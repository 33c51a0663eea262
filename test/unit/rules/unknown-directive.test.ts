import { ruleTable } from '../../helpers/rule-table';

ruleTable('unknown-directive', {
  valid: [
    // httpd drops one `>` ending a directive's name (verified with apache2 -t)
    '<Directory /srv>\n  Order allow,deny\n  Allow> from all\n</Directory>\nServerName> a.example\n',
    'ServerName example.com\nwsgiscriptalias / /srv/app/wsgi.py\nKEEPALIVE On\n',
    '<VirtualHost *:80>\n  <Directory /srv>\n    Require all granted\n  </Directory>\n</VirtualHost>\n',
    // Bodies Apache skips are not judged: a module Debian does not ship, and <IfModule !…> of one it does.
    '<IfModule mod_security2.c>\n  SecRuleEngine On\n</IfModule>\n<IfModule !mod_ssl.c>\n  Whatever x\n</IfModule>\n',
    // Inline Lua code and macro bodies are not configuration lines.
    '<LuaHookFixups fix>\n  function fix(r) return apache2.OK end\n</LuaHookFixups>\n<Macro Site $name>\n  Use Other $name\n  $directive on\n</Macro>\n',
    'Define D ServerName\n${D} example.com\n',
    // A LoadModule outside Debian's set may define names we do not know: a warning, checked below, not here.
    '<IfDefine !NOPE>\n  ServerAdmin root@localhost\n</IfDefine>\n',
  ],
  invalid: [
    {
      code: '«WSGIScriptAlas» / /srv/app/wsgi.py\n',
      fixed: 'WSGIScriptAlias / /srv/app/wsgi.py\n',
      message: ["Invalid command 'WSGIScriptAlas'", 'Did you mean WSGIScriptAlias'],
      severity: 'error',
    },
    {
      code: '<VirtualHost *:80>\n  «ServerNmae» example.com\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n  ServerName example.com\n</VirtualHost>\n',
    },
    {
      code: '<«VirtualHots» *:80>\n  ServerName a\n</VirtualHots>\n',
      fixed: '<VirtualHost *:80>\n  ServerName a\n</VirtualHost>\n',
      message: ["Invalid command '<VirtualHots'"],
    },
    // the closing tag spelled across a continuation cannot be renamed with it: no fix (found by the fix property)
    { code: '<«VirtualHots» *:80>\n  ServerName a\n</Vir\\\ntualHots>\n', message: ["Invalid command '<VirtualHots'"] },
    // its closing tag matched only by the parser's recovery: renamed, the tags would pair up otherwise, so no fix
    { code: '<VirtualHost *:80>\n<«VirtualHots» *:80>\n<VirtualHost *:80>\n  ServerName a\n</VirtualHots>\n</VirtualHost>\n' },
    // a closing tag in its body that closes nothing now (ignored): renamed, the section would end there and its own
    // closing tag would be stray, so no fix (found by the fix-safety fuzz, seed 3)
    { code: '<«VirtualHots» *:80>\n  </VirtualHost>\n  ServerName a\n</VirtualHots>\n' },
    { code: '«Frobnicate» yes\n', message: ['no module Apache ships defines it'], severity: 'error' },
    // A quoted name touching its argument: the rename keeps the two words apart.
    { code: "«'ServerNmae'»example.com\n", fixed: 'ServerName example.com\n' },
    {
      code: 'LoadModule security2_module /usr/lib/apache2/modules/mod_security2.so\n«SecRuleEngine» On\n',
      message: ['third-party module', 'security2_module'],
      severity: 'warning',
    },
    {
      // mod_jk's own directive, a letter pair from LogLevel: with a third-party module loaded, not an error
      // (the rename is offered, not preferred: --fix leaves the line alone)
      code: 'LoadModule jk_module /usr/lib/apache2/modules/mod_jk.so\n«JkLogLevel» info\n',
      message: ['Did you mean LogLevel? Or it may come from a third-party module this configuration loads (jk_module).'],
      severity: 'warning',
    },
    { code: '«Port» 80\n', message: ['no longer supported', 'Listen'], severity: 'error' },
    { code: '«WSGIPy3kWarningFlag» On\n', message: ['not registered by the mod_wsgi build Debian ships'], severity: 'error' },
    {
      code: '<IfModule mod_security2.c>\n  «ServerNme» x\n</IfModule>\n',
      fixed: '<IfModule mod_security2.c>\n  ServerName x\n</IfModule>\n',
      message: ['may skip this body'],
      severity: 'hint',
    },
  ],
});

// A whole server (it loads an MPM): a directive of a module it does not load stops Apache ("forgot a2enmod wsgi").
const MPM = 'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n';
const WSGI = 'LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\n';
ruleTable(
  'unknown-directive',
  {
    valid: [
      MPM + WSGI + 'WSGIScriptAlias / /srv/a/wsgi.py\n',
      // httpd runs every LoadModule while reading and looks directives up afterwards: a later LoadModule counts
      MPM + 'WSGIScriptAlias / /srv/a/wsgi.py\n' + WSGI,
      // the guard is read and skipped
      MPM + '<IfModule mod_wsgi.c>\n  WSGIScriptAlias / /srv/a/wsgi.py\n</IfModule>\n',
      // built into Debian's apache2 (mod_log_config)
      MPM + 'LogFormat "%h" short\n',
      // no MPM loaded: not a whole server's module list (a fragment), nothing is known of its modules
      'WSGIScriptAlias / /srv/a/wsgi.py\n',
    ],
    invalid: [
      {
        code: MPM + '«WSGIScriptAlias» / /srv/a/wsgi.py\n',
        message: ['WSGIScriptAlias belongs to mod_wsgi.c', 'a2enmod wsgi', "Invalid command 'WSGIScriptAlias'"],
        severity: 'error',
      },
      { code: MPM + '<VirtualHost *:80>\n  «RewriteEngine» On\n</VirtualHost>\n', message: ['mod_rewrite.c', 'a2enmod rewrite'] },
      // a section of a module not loaded
      { code: MPM + '<«Proxy» "balancer://app">\n</Proxy>\n', message: ["Invalid command '<Proxy'"] },
    ],
  },
  {},
  { asServer: true },
);
