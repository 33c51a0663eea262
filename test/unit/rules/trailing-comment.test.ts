import { ruleTable } from '../../helpers/rule-table';

ruleTable('trailing-comment', {
  valid: [
    '# a comment\nServerName a.example\n',
    // quoted, glued to a value, or a numeric uid: not comments
    'Header set X-Note "# not a comment"\nUser #33\nWSGIDaemonProcess a user=#1000\nRedirect /old /new#top\n',
    // a comment line ending in \\ continues, but it is still a comment line
    '# a long \\\n  comment\nServerName a.example\n',
  ],
  invalid: [
    {
      // a backslash before the comment must not end up last on the line (it would join the next line)
      code: 'AddType text/html .shtml\\ «# server-side includes»\nListen 80\n',
      fixed: '# server-side includes\nAddType text/html .shtml\\ \nListen 80\n',
    },
    // `comment\` glued to the next line's first word: they are one word, which the fix would split. Apache fails on
    // the last physical line of the continued line (3 here, found by running mutated cases through apache2 -t): an
    // error reaches it
    { code: 'WSGIApplicationGroup %{GLOBAL} «# comment\\\n"»\n', severity: 'error' },
    {
      // a lone CR is a blank to Apache, not a line end: the comment runs on to the LF
      code: 'AddType text/html .shtml «# ssi\rListen 80»\n',
      fixed: '# ssi\rListen 80\nAddType text/html .shtml\n',
    },
    {
      // mod_wsgi's option parser rejects '#': Apache fails
      code: '<VirtualHost *:80>\n    WSGIScriptAlias / /srv/app/wsgi.py «# main app»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n    # main app\n    WSGIScriptAlias / /srv/app/wsgi.py\n</VirtualHost>\n',
      message: ["'# main app'", 'WSGIScriptAlias', 'apache2 -t'],
      severity: 'error',
    },
    {
      code: 'WSGIDaemonProcess shop threads=15 «#tuned for 2 cores»\r\n',
      fixed: '#tuned for 2 cores\r\nWSGIDaemonProcess shop threads=15\r\n',
      severity: 'error',
    },
    {
      // Require all/ip reject it; other providers ignore extra words
      code: '<Directory /srv>\n\tRequire all granted\t«# open»\n</Directory>\n',
      fixed: '<Directory /srv>\n\t# open\n\tRequire all granted\n</Directory>\n',
      severity: 'error',
    },
    {
      // mod_headers reads the comment as the condition slot and more: "Too many arguments to directive"
      code: 'Header set X-Frame-Options DENY «# clickjacking»\n',
      fixed: '# clickjacking\nHeader set X-Frame-Options DENY\n',
      message: ['Apache refuses the line'],
      severity: 'error',
    },
    {
      // Require's providers read their own words: method refuses '#' ("Invalid Method '#'"), valid-user ignores them
      code: '<Directory /srv>\n  Require method GET «# reads only»\n  Require valid-user «# anyone logged in»\n</Directory>\n',
      fixed: '<Directory /srv>\n  # reads only\n  Require method GET\n  Require valid-user # anyone logged in\n</Directory>\n',
      severity: 'error',
    },
    {
      // list parsers that refuse '#' as a value: "Unknown keyword '#' for FileETag directive"
      code: 'FileETag MTime Size «# no inode: several servers»\n',
      fixed: '# no inode: several servers\nFileETag MTime Size\n',
      severity: 'error',
    },
    { code: '<Location /private>\n  AuthType Basic\n  AuthBasicProvider file «# htpasswd»\n</Location>\n', severity: 'error', fixed: '<Location /private>\n  AuthType Basic\n  # htpasswd\n  AuthBasicProvider file\n</Location>\n' },
    {
      code: '<Directory /srv>\n  Require valid-user «# anyone logged in»\n</Directory>\n',
      fixed: '<Directory /srv>\n  # anyone logged in\n  Require valid-user\n</Directory>\n',
      severity: 'warning',
    },
    {
      // the directive catalogue knows ServerName takes one argument: Apache fails
      code: '<VirtualHost *:80>\n  ServerName shop.example.com «# main site»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n  # main site\n  ServerName shop.example.com\n</VirtualHost>\n',
      severity: 'error',
    },
    {
      // On/Off directives ignore extra words (verified with apache2 -t): only a warning
      code: 'KeepAlive On «# reuse connections»\n',
      fixed: '# reuse connections\nKeepAlive On\n',
      severity: 'warning',
    },
    {
      // Apache accepts it (AddType takes a list): a warning, the words become extensions
      code: 'AddType text/html .shtml «# server-side includes»\n',
      fixed: '# server-side includes\nAddType text/html .shtml\n',
      severity: 'warning',
    },
    {
      // inside a continued directive: the comment leaves, the continuation stays
      code: 'WSGIDaemonProcess shop \\\n    threads=15 «# per process \\\n    processes=2»\n',
      fixed: '# per process\nWSGIDaemonProcess shop \\\n    threads=15 \\\n    processes=2\n',
      severity: 'error',
    },
    // Verified with apache2 -t: after None, AllowOverrideList refuses any other word; a list of names only drops
    // the unknown '#' and 'ends' with a log line (the checker's warning does not make the comment an error);
    // AuthnzFcgiCheckAuthnProvider reads '#' as an option name it does not know.
    { code: '<Directory /srv>\n  AllowOverrideList None «# none»\n</Directory>\n', fixed: '<Directory /srv>\n  # none\n  AllowOverrideList None\n</Directory>\n', severity: 'error' },
    { code: '<Directory /srv>\n  AllowOverrideList Redirect «# ends»\n</Directory>\n', fixed: '<Directory /srv>\n  # ends\n  AllowOverrideList Redirect\n</Directory>\n', severity: 'warning' },
    { code: '<Location />\n  AuthnzFcgiCheckAuthnProvider auth Authoritative On «# c»\n</Location>\n', fixed: '<Location />\n  # c\n  AuthnzFcgiCheckAuthnProvider auth Authoritative On\n</Location>\n', severity: 'error' },
    { code: '<Location />\n  AuthnzFcgiCheckAuthnProvider auth DefaultUser «#c»\n</Location>\n', fixed: '<Location />\n  #c\n  AuthnzFcgiCheckAuthnProvider auth DefaultUser\n</Location>\n', severity: 'warning' },
    // Listen takes an address and a protocol word (any): one comment word is a protocol, two are too many words
    // (verified with apache2 -t)
    { code: 'Listen 80 «#c»\n', fixed: '#c\nListen 80\n', severity: 'warning' },
    { code: 'Listen 80 «# web»\n', fixed: '# web\nListen 80\n', severity: 'error' },
  ],
});
