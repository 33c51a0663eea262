import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';
import { ruleTable } from '../../helpers/rule-table';

ruleTable('argument-count', {
  valid: [
    // the alias sections with their provider and name (a tag with no word at all is syntax-error's)
    '<AuthnProviderAlias file site-users>\n</AuthnProviderAlias>\n<AuthzProviderAlias ldap-group admins cn=admins>\n</AuthzProviderAlias>\n',
    // one path (or ~ and a pattern) per section; a quoted path with blanks is one word; ${VAR} is not judged
    '<Directory "/srv/my site">\n</Directory>\n<Files ~ "\\.py$">\n</Files>\n<LocationMatch ^/(a|b)>\n</LocationMatch>\n<Location ${PATHS}>\n</Location>\n<Location /a ${MORE}>\n</Location>\n<VirtualHost *:80 *:8080>\n</VirtualHost>\n',
    'ServerName example.com\nWSGIProcessGroup app\nSetEnv A\nSetEnv A b\nKeepAlive On\nAddType text/plain .txt .text\n',
    '<Location /app>\n  ProxyPass http://127.0.0.1:8000/\n</Location>\nProxyPass /api http://127.0.0.1:9000/\n',
    'Redirect /a /b\nRedirect 301 /a /b\nListen 80\nListen 443 https\nRewriteRule ^ - [L]\nSetEnvIf Host ^x HAS_X\n',
    // Free-form directives Apache does not count, and ${VAR} we cannot resolve.
    '<Directory /srv>\n  Options\n  AllowOverride\n</Directory>\nWSGIDaemonProcess app processes=2 threads=15\nServerName ${SITE_NAME}\n',
    // A known Define is substituted before counting, as Apache does.
    'Define SITE example.com\nServerName ${SITE}\n',
    // Skipped bodies are not judged.
    '<IfModule !mod_alias.c>\n  ServerName a b c\n</IfModule>\n',
  ],
  invalid: [
    // provider alias sections need the base provider and the alias name (verified with apache2 -t)
    { code: '«<AuthnProviderAlias file>»\n</AuthnProviderAlias>\n', message: ['<AuthnProviderAlias> directive requires additional arguments'] },
    { code: '«<AuthzProviderAlias ldap-group "">»\n</AuthzProviderAlias>\n', message: ['<AuthzProviderAlias> directive requires additional arguments'] },
    // TAKE_ARGV: a last "" is no argument (httpd's config.c), so Listen gets none here (verified with apache2 -t)
    { code: '«Listen ""»\n', message: ['Listen requires 1 or 2 arguments.'] },
    {
      // several paths in one section (found by running mutated cases through apache2 -t): Apache takes one
      code: '<Directory /srv/a «/srv/b /srv/c»>\n  Require all granted\n</Directory>\n',
      message: ['<Directory> takes one path (or ~ and a regular expression), but 3 are given', 'Multiple <Directory> arguments not (yet) supported', '<DirectoryMatch>'],
    },
    { code: '<Files ~ a «b»>\n</Files>\n', message: ['Multiple <Files> arguments'] },
    { code: '<LocationMatch ^/a «^/b»>\n</LocationMatch>\n', message: ['<LocationMatch> takes one URL path pattern', 'one pattern that matches them all'] },
    // A variable inside a word can only add words: two are there whatever ${X} holds (a word of only ${X} is not judged).
    { code: '<LocationMatch ^/a «^/${X}b»>\n</LocationMatch>\n', message: ['Multiple <LocationMatch> arguments'] },
    {
      code: 'WSGIProcessGroup app «other»\n',
      message: ['takes exactly one argument, but 2 are given', 'WSGIProcessGroup takes one argument'],
    },
    {
      code: 'DocumentRoot /var/www/my «site»\n',
      message: ['DocumentRoot takes exactly one argument'],
    },
    { code: '«ServerName»\n', message: ['none is given'] },
    { code: '«ServerName ""»\n', message: ['an empty "" counts as missing'] },
    { code: '«ErrorDocument 404»\n', message: ['exactly two arguments', 'ErrorDocument takes two arguments'] },
    { code: '«KeepAlive»\n', message: ['KeepAlive must be On or Off'] },
    { code: 'KeepAlive On «Off»\n', fixed: 'KeepAlive On\n', message: ['ignores the rest'], severity: 'warning' },
    // a backslash ending the kept word must not end the line (it would join the next line)
    { code: '<VirtualHost *:80>\nKeepAlive On\\ «Off»\n</VirtualHost>\n', fixed: '<VirtualHost *:80>\nKeepAlive On\\ \n</VirtualHost>\n' },
    { code: '«AddType text/plain»\n', message: ['at least two arguments'] },
    { code: 'Alias /a /b «/c»\n', message: ['one or two arguments', 'Alias takes 1-2 arguments'] },
    { code: '«RewriteRule ^/old»\n', message: ["RewriteRule: bad argument line '^/old'"] },
    { code: '«SetEnvIf Host ^x»\n', message: ['Missing envariable expression for SetEnvIf'] },
    { code: 'Listen 80 https «extra»\n', message: ['Listen requires 1 or 2 arguments.'] },
    { code: '<IfDefine MAYBE>\n  Timeout 1 «2»\n</IfDefine>\n', severity: 'warning' },
    { code: '«ProxyPass http://127.0.0.1:8000/»\n', message: ['outside <Location>', 'needs a path when not defined in a location'] },
  ],
});

// The rule reuses one word list from directive to directive: nothing of a longer line, or of a line whose
// variable is unknown, may be left over for the next. (Not a table case: the tables seed the fix-safety property.)
test('argument-count: each line is judged on its own words only', () => {
  const text = 'AddType text/plain .a .b .c\nServerName x\nDefine A x\nSetEnv ${A} ${NOPE} z\nServerName a\nServerName\n';
  const found = analyzeText('file:///words.conf', text).reports.filter((r) => r.rule === 'argument-count');
  assert.deepEqual(found.map((r) => [text.slice(r.start, r.end), r.message.includes('none is given')]), [['ServerName', true]]);
});
