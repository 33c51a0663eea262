import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText } from '../../../server/service';
import { applyEdits, chooseFixes } from '../../../server/features/applyEdits';

ruleTable('wsgi-embedded-mode', {
  valid: [
    // process-group= on the alias
    'WSGIDaemonProcess site\nWSGIScriptAlias / /srv/site/wsgi.py process-group=site\n',
    // WSGIProcessGroup at the same level, before or after the alias
    '<VirtualHost *:80>\n  WSGIScriptAlias / /srv/site/wsgi.py\n  WSGIProcessGroup site\n  WSGIDaemonProcess site\n</VirtualHost>\n',
    // WSGIProcessGroup at server level is inherited by virtual hosts
    'WSGIDaemonProcess site\nWSGIProcessGroup site\n<VirtualHost *:80>\n  WSGIScriptAlias / /srv/site/wsgi.py\n</VirtualHost>\n',
    // WSGIProcessGroup in the script's <Directory>, <Files> or a <Location> covering the URL
    'WSGIDaemonProcess site\nWSGIScriptAlias /app /srv/site/wsgi.py\n<Directory /srv/site>\n  WSGIProcessGroup site\n</Directory>\n',
    'WSGIDaemonProcess site\nWSGIScriptAlias /app /srv/site/wsgi.py\n<Directory /srv>\n  <Files wsgi.py>\n    WSGIProcessGroup site\n  </Files>\n</Directory>\n',
    'WSGIDaemonProcess site\nWSGIScriptAlias /app /srv/site/wsgi.py\n<Location /app>\n  WSGIProcessGroup site\n</Location>\n',
    // embedded mode chosen on purpose
    'WSGIScriptAlias / /srv/site/wsgi.py\nWSGIProcessGroup %{GLOBAL}\n',
    'WSGIScriptAlias / /srv/site/wsgi.py process-group=%{GLOBAL}\n',
    // a group picked per request, and sections we cannot evaluate: not claimed to be embedded
    'WSGIScriptAlias / /srv/site/wsgi.py\nWSGIProcessGroup %{ENV:GROUP}\n',
    'WSGIScriptAlias / /srv/site/wsgi.py\n<If "%{HTTP_HOST} == \'a\'">\n  WSGIProcessGroup a\n</If>\n',
    'WSGIScriptAliasMatch ^/(\\w+) /srv/$1/wsgi.py\n<DirectoryMatch ^/srv/>\n  WSGIProcessGroup a\n</DirectoryMatch>\n',
  ],
  invalid: [
    {
      // the classic: a daemon group defined but nothing delegates to it (also wsgi-daemon-unused); same edit
      code: '<VirtualHost *:80>\n    ServerName shop.example.com\n    WSGIDaemonProcess shop python-home=/srv/shop/venv\n    «WSGIScriptAlias» / /srv/shop/wsgi.py\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n    ServerName shop.example.com\n    WSGIDaemonProcess shop python-home=/srv/shop/venv\n    WSGIProcessGroup shop\n    WSGIScriptAlias / /srv/shop/wsgi.py\n</VirtualHost>\n',
      message: ["'/'", 'embedded mode', 'WSGIProcessGroup'],
      severity: 'warning',
    },
    {
      // no group at all: a new one named after the ServerName
      code: '<VirtualHost *:443>\n  ServerName blog.example.com:443\n  «WSGIScriptAlias» /blog /srv/blog/app.wsgi\n</VirtualHost>\n',
      fixed: '<VirtualHost *:443>\n  ServerName blog.example.com:443\n  WSGIDaemonProcess blog.example.com\n  WSGIProcessGroup blog.example.com\n  WSGIScriptAlias /blog /srv/blog/app.wsgi\n</VirtualHost>\n',
    },
    {
      // no ServerName: named after the script's directory, made unique; another host's group is not offered
      code: '<VirtualHost *:80>\n  WSGIDaemonProcess blog\n  WSGIProcessGroup blog\n</VirtualHost>\n«WSGIScriptAlias» / /srv/blog/wsgi.py\n',
      fixed: '<VirtualHost *:80>\n  WSGIDaemonProcess blog\n  WSGIProcessGroup blog\n</VirtualHost>\nWSGIDaemonProcess blog-2\nWSGIProcessGroup blog-2\nWSGIScriptAlias / /srv/blog/wsgi.py\n',
    },
    {
      // a <Directory> that does not contain the script, a <Files> for another file: the group of this scope is offered
      code: 'WSGIDaemonProcess a\n<Directory /srv/other>\n  WSGIProcessGroup a\n</Directory>\n<Files other.py>\n  WSGIProcessGroup a\n</Files>\n«WSGIScriptAliasMatch» ^/x /srv/app/wsgi.py\n',
      fixed: 'WSGIDaemonProcess a\nWSGIProcessGroup a\n<Directory /srv/other>\n  WSGIProcessGroup a\n</Directory>\n<Files other.py>\n  WSGIProcessGroup a\n</Files>\nWSGIScriptAliasMatch ^/x /srv/app/wsgi.py\n',
    },
    {
      // the host's group already serves another alias through process-group=: the whole host may use it
      code: '<VirtualHost *:80>\n  WSGIDaemonProcess shop\n  «WSGIScriptAlias» / /srv/shop/wsgi.py\n  WSGIScriptAlias /api /srv/shop/api.py process-group=shop\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n  WSGIDaemonProcess shop\n  WSGIProcessGroup shop\n  WSGIScriptAlias / /srv/shop/wsgi.py\n  WSGIScriptAlias /api /srv/shop/api.py process-group=shop\n</VirtualHost>\n',
    },
    {
      // WSGIRestrictEmbedded On turns embedded requests into 500s: said in the message
      code: 'WSGIRestrictEmbedded On\n«WSGIScriptAlias» / /srv/app/wsgi.py\n',
      fixed: 'WSGIRestrictEmbedded On\nWSGIDaemonProcess app\nWSGIProcessGroup app\nWSGIScriptAlias / /srv/app/wsgi.py\n',
      message: ['500'],
    },
  ],
});

test('wsgi-embedded-mode: several embedded aliases of one host get one new group, not one each', () => {
  const text = '<VirtualHost *:80>\n  ServerName a.example\n  WSGIScriptAlias /api /srv/a/api.py\n  WSGIScriptAlias / /srv/a/wsgi.py\n</VirtualHost>\n';
  const reports = analyzeText('file:///a.conf', text).reports.filter((r) => r.rule === 'wsgi-embedded-mode');
  assert.equal(reports.length, 2);
  const fixed = applyEdits(text, chooseFixes(reports));
  assert.equal(fixed, '<VirtualHost *:80>\n  ServerName a.example\n  WSGIDaemonProcess a.example\n  WSGIProcessGroup a.example\n  WSGIScriptAlias /api /srv/a/api.py\n  WSGIScriptAlias / /srv/a/wsgi.py\n</VirtualHost>\n');
  assert.deepEqual(analyzeText('file:///a.conf', fixed).reports.filter((r) => r.rule === 'wsgi-embedded-mode'), []);
});
