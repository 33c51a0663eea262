import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText } from '../../../server/service';

ruleTable('directive-context', {
  valid: [
    'WSGIPythonHome /srv/venv\n<VirtualHost *:80>\n  WSGIDaemonProcess app\n  WSGIProcessGroup app\n  <Directory /srv/app>\n    WSGIProcessGroup app\n    Require all granted\n  </Directory>\n</VirtualHost>\n',
    // <IfModule> and <IfDefine> are transparent: the place is the enclosing one.
    '<IfModule mod_wsgi.c>\n  <IfDefine !X>\n    WSGIPythonHome /srv/venv\n  </IfDefine>\n</IfModule>\n<Directory /srv>\n  <IfModule mod_authz_core.c>\n    Require all granted\n  </IfModule>\n</Directory>\n',
    '<Directory /srv>\n  <Files wsgi.py>\n    <RequireAll>\n      Require all granted\n      Require not ip 10.0.0.1\n      <RequireNone>\n        Require ip 10.9.9.9\n      </RequireNone>\n    </RequireAll>\n  </Files>\n</Directory>\n',
    '<If "%{HTTPS} == \'on\'">\n  Header set X a\n</If>\n<ElseIf "true">\n  Header set X b\n</ElseIf>\n<Else>\n  Header set X c\n</Else>\n',
    // The <If> chain runs through transparent sections (apache2 -t accepts this <Else>).
    '<If "true">\n</If>\n<IfModule mod_headers.c>\n  <Else>\n  </Else>\n</IfModule>\n',
    '<VirtualHost *:80>\n  ServerAlias www.example.com\n  <Location />\n    RewriteBase /\n  </Location>\n</VirtualHost>\n',
    '<MDomainSet example.com>\n  MDMember www.example.com\n</MDomainSet>\n',
    // Skipped bodies are not judged, and Error is meant for exactly those.
    '<IfModule !mod_wsgi.c>\n  Error "mod_wsgi is required"\n  WSGIPythonHome x\n</IfModule>\n',
  ],
  invalid: [
    {
      code: '<Directory /srv>\n  «WSGIDaemonProcess» app\n</Directory>\n',
      message: ['not allowed inside <Directory>', 'at server level or inside <VirtualHost>', 'WSGIDaemonProcess not allowed in <Directory> context'],
    },
    {
      code: '<VirtualHost *:80>\n  «WSGIPythonHome» /srv/venv\n</VirtualHost>\n',
      message: ['WSGIPythonHome cannot occur within <VirtualHost> section', 'only appear at server level'],
    },
    { code: '«Require» all granted\n', message: ['Require not allowed here'] },
    { code: '<IfModule mod_authz_core.c>\n  «Require» all granted\n</IfModule>\n', message: ['Require not allowed here'] },
    { code: '<VirtualHost *:80>\n  «Require» all granted\n</VirtualHost>\n', message: ['Require not allowed in <VirtualHost> context'] },
    { code: '<Location />\n  <«Directory» /srv>\n  </Directory>\n</Location>\n', message: ['<Directory not allowed in <Location> context'] },
    { code: '<VirtualHost *:80>\n  <«VirtualHost» *:81>\n  </VirtualHost>\n</VirtualHost>\n', message: ['<VirtualHost> cannot occur within <VirtualHost> section'] },
    { code: '<Location />\n  <«Files» x>\n  </Files>\n</Location>\n', message: ['<Files> cannot occur within <Location> section'] },
    { code: '<Directory /srv>\n  <Limit GET>\n    <«If» "true">\n    </If>\n  </Limit>\n</Directory>\n', message: ['cannot occur within <Limit> or <LimitExcept> section'] },
    { code: '<If "true">\n</If>\n<Else>\n</Else>\n<«Else»>\n</Else>\n', message: ['without previous <If> or <ElseIf> section in same scope'] },
    { code: '<If "true">\n</If>\n<Directory /srv>\n  <«ElseIf» "false">\n  </ElseIf>\n</Directory>\n', message: ['must follow an <If> or <ElseIf>'] },
    { code: '«ServerAlias» www.example.com\n', message: ['ServerAlias only used in <VirtualHost>'] },
    { code: '«RewriteBase» /app\n', message: ['RewriteBase: only valid in per-directory config files'] },
    { code: '«MDMember» www.example.com\n', message: ["only valid inside a '<MDomainSet' context"] },
    { code: '«Error» "stop here"\n', message: ['always stops Apache'] },
    { code: '<Location />\n  «Require» not ip 10.0.0.1\n</Location>\n', message: ['negative Require directive has no effect in <RequireAny> directive'] },
    { code: '<Location />\n  <RequireAny>\n    <«RequireNone»>\n      Require ip 10.0.0.1\n    </RequireNone>\n  </RequireAny>\n</Location>\n', message: ['<RequireNone> directive has no effect in <RequireAny> directive'] },
    { code: '<Location />\n  <«RequireAll»>\n    <IfModule !mod_authz_core.c>\n      Require all granted\n    </IfModule>\n  </RequireAll>\n</Location>\n', message: ['<RequireAll> directive contains no authorization directives'] },
    // Apache may not read a body guarded by a -D flag: the same finding, as a warning.
    { code: '<IfDefine SSL>\n  «Require» all granted\n</IfDefine>\n', severity: 'warning' },
  ],
});

test('directive-context: .htaccess files accept only what AllowOverride can allow', () => {
  const text = 'Options -Indexes\nRequire all granted\nServerName example.com\n<Files x>\n  DocumentRoot /srv\n</Files>\nWSGIDaemonProcess x\n';
  const found = analyzeText('file:///srv/site/.htaccess', text).reports.filter((r) => r.rule === 'directive-context');
  assert.deepEqual(found.map((r) => text.slice(r.start, r.end)), ['ServerName', 'DocumentRoot']);
  assert.match(found[0].message, /not allowed in \.htaccess files.*500/);
});
