import { ruleTable } from '../../helpers/rule-table';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';

const ALIAS = 'WSGIScriptAlias / /srv/shop/shop/wsgi.py process-group=shop\n';

ruleTable('wsgi-script-access', {
  valid: [
    ALIAS + '<Directory /srv/shop/shop>\n  <Files wsgi.py>\n    Require all granted\n  </Files>\n</Directory>\n',
    // an ancestor directory, a wildcard, a <Location> covering the URL, 2.2's Allow from all
    ALIAS + '<Directory /srv/>\n  Require all granted\n</Directory>\n',
    ALIAS + '<Directory /srv/*/shop>\n  Require ip 10.0.0.0/8\n</Directory>\n',
    ALIAS + '<Location />\n  Require valid-user\n</Location>\n',
    ALIAS + '<Directory /srv/shop/shop>\n  Order allow,deny\n  Allow from all\n</Directory>\n',
    // regex sections may match: not claimed missing
    ALIAS + '<DirectoryMatch "^/srv/.*">\n  Require all granted\n</DirectoryMatch>\n',
    // a target we cannot know
    'WSGIScriptAliasMatch ^/(\\w+) /srv/$1/wsgi.py\n',
  ],
  invalid: [
    {
      code: '<VirtualHost *:80>\n    WSGIScriptAlias / «/srv/shop/shop/wsgi.py»\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n</VirtualHost>\n',
      fixed:
        '<VirtualHost *:80>\n    WSGIScriptAlias / /srv/shop/shop/wsgi.py\n    <Directory /srv/shop/shop>\n        <Files wsgi.py>\n            Require all granted\n        </Files>\n    </Directory>\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n</VirtualHost>\n',
      message: ["'wsgi.py'", "'/srv/shop/shop'", '403'],
      severity: 'information',
    },
    {
      // a grant in another host does not count; a directory target gets a plain <Directory>; denied is no grant
      code: '<VirtualHost *:80>\n  <Directory /srv/apps>\n    Require all granted\n  </Directory>\n</VirtualHost>\n<Directory /srv/apps>\n  Require all denied\n</Directory>\nWSGIScriptAlias /apps/ «"/srv/apps/"»\n',
      fixed:
        '<VirtualHost *:80>\n  <Directory /srv/apps>\n    Require all granted\n  </Directory>\n</VirtualHost>\n<Directory /srv/apps>\n  Require all denied\n</Directory>\nWSGIScriptAlias /apps/ "/srv/apps/"\n<Directory /srv/apps>\n    Require all granted\n</Directory>\n',
    },
    {
      // an alias misplaced inside <Directory>: a <Directory> block may not go below it there, so no fix
      code: '<Directory /srv/app>\n  WSGIScriptAlias / «/srv/a.wsgi»\n</Directory>\n',
    },
    // a file name with a wildcard character would be a pattern in <Files>: no fix
    { code: 'WSGIScriptAlias / «/srv/app/[a].wsgi»\n' },
    {
      // several scripts of one directory in one host: each finding offers the same single block, below the last alias
      code: '<VirtualHost *:80>\n    WSGIScriptAlias /x «/srv/app/x.wsgi»\n    WSGIScriptAlias /y «/srv/app/y.wsgi»\n    WSGIScriptAlias / «/srv/app/root.wsgi»\n</VirtualHost>\n',
      fixed:
        '<VirtualHost *:80>\n    WSGIScriptAlias /x /srv/app/x.wsgi\n    WSGIScriptAlias /y /srv/app/y.wsgi\n    WSGIScriptAlias / /srv/app/root.wsgi\n    <Directory /srv/app>\n        <Files x.wsgi>\n            Require all granted\n        </Files>\n        <Files y.wsgi>\n            Require all granted\n        </Files>\n        <Files root.wsgi>\n            Require all granted\n        </Files>\n    </Directory>\n</VirtualHost>\n',
    },
  ],
});

test('one shared block per host and directory: hosts and the main server, interleaved, each get their own', () => {
  const text =
    'WSGIScriptAlias /m1 /srv/app/m1.wsgi\n<VirtualHost *:80>\n  WSGIScriptAlias /a /srv/app/a.wsgi\n  WSGIScriptAlias /o /srv/other/o.wsgi\n  WSGIScriptAlias /b /srv/app/b.wsgi\n</VirtualHost>\n' +
    '<VirtualHost *:81>\n  WSGIScriptAlias /c /srv/app/c.wsgi\n</VirtualHost>\nWSGIScriptAlias /m2 /srv/app/m2.wsgi\n';
  const found = analyzeText('file:///t.conf', text).reports.filter((r) => r.rule === 'wsgi-script-access');
  const fixOf = (file: string) => found.find((r) => r.message.includes(`'${file}'`))!.fixes[0];
  assert.equal(found.length, 6);
  assert.equal(fixOf('a.wsgi'), fixOf('b.wsgi'));
  assert.equal(fixOf('m1.wsgi'), fixOf('m2.wsgi'));
  assert.match(fixOf('a.wsgi').edits[0].newText, /<Files a\.wsgi>[^]*<Files b\.wsgi>/);
  assert.match(fixOf('m1.wsgi').edits[0].newText, /<Files m1\.wsgi>[^]*<Files m2\.wsgi>/);
  const distinct = new Set(['a.wsgi', 'o.wsgi', 'c.wsgi', 'm1.wsgi'].map(fixOf));
  assert.equal(distinct.size, 4);
});
