import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { scriptWorkspace, WORKSPACE } from '../../helpers/scripts';
import { analyzeText } from '../../../server/service';

const scripts = scriptWorkspace(WORKSPACE);

ruleTable(
  'wsgi-script-missing',
  {
    valid: [
      // found by its trailing segments, or at its absolute path
      'WSGIScriptAlias / /srv/shop/shop/wsgi.py\n',
      'WSGIScriptAlias /x /srv/ondisk/ondisk.wsgi\n',
      // ambiguous (two x/wsgi.py; many wsgi.py): nothing said rather than a guess
      'WSGIScriptAlias / /srv/x/wsgi.py\n',
      'WSGIScriptAlias / /srv/shop/shopp/wsgi.py\n',
      // a file of that name in another layout: maybe the script, so not called missing
      'WSGIScriptAlias / /var/www/html/site.wsgi\n',
      // a directory of scripts, a Match with $1, an unknown ${VAR}, a relative path: not judged
      'WSGIScriptAlias /apps/ /srv/ondisk/wsgi-dir/\n',
      'WSGIScriptAliasMatch ^/(\\w+) /srv/$1/wsgi.py\n',
      'WSGIScriptAlias / ${ROOT}/nowhere/wsgi.py\n',
      'WSGIScriptAlias / wsgi/nowhere.wsgi\n',
      // a project the workspace shows nothing of (no folder named like its directories): nothing to check against
      'WSGIScriptAlias / /srv/elsewhere/app/run.wsgi\n',
      // a Define that names a path in the workspace
      'Define ROOT /srv/shop\nWSGIScriptAlias / ${ROOT}/shop/wsgi.py\n',
    ],
    invalid: [
      {
        // a typo in the file name, in a workspace that holds the project
        code: '<VirtualHost *:80>\n  WSGIScriptAlias / «/srv/shop/shop/wsgii.py»\n</VirtualHost>\n',
        message: ["'/srv/shop/shop/wsgii.py' not found: there is no /srv/shop/shop/wsgii.py on this machine, and no file named 'wsgii.py' is under /ws, though the project's folder /ws/shop is", '404'],
        severity: 'warning',
      },
      {
        // after substitution: the message says both
        code: 'Define ROOT /srv/blog\nWSGIScriptAlias / «${ROOT}/blog/wsgi2.py»\n',
        message: ["'/srv/blog/blog/wsgi2.py' ('${ROOT}/blog/wsgi2.py')"],
      },
      {
        // a Match whose target is one fixed file is checked like an alias
        code: 'WSGIScriptAliasMatch ^/api/ «/srv/api/api/nope.wsgi»\n',
      },
    ],
  },
  { scripts },
);

test('wsgi-script-missing: silent without a script lookup (a file analysed on its own)', () => {
  const found = analyzeText('file:///a.conf', 'WSGIScriptAlias / /srv/nowhere/app/wsgi.py\n').reports.filter((r) => r.rule === 'wsgi-script-missing');
  assert.deepEqual(found, []);
});

test('wsgi-script-missing: the live configuration (under /etc/apache2) is checked against this machine', () => {
  // The workspace's copy of the shop does not make the server's file exist.
  const text = 'WSGIScriptAlias / /srv/elsewhere/app/run.wsgi\nWSGIScriptAlias /x /srv/ondisk/ondisk.wsgi\nWSGIScriptAlias /shop /srv/shop/shop/wsgi.py\n';
  const found = analyzeText('file:///etc/apache2/sites-enabled/app.conf', text, 0, {}, undefined, { scripts }).reports.filter((r) => r.rule === 'wsgi-script-missing');
  assert.deepEqual(found.map((r) => text.slice(r.start, r.end)), ['/srv/elsewhere/app/run.wsgi', '/srv/shop/shop/wsgi.py']);
  assert.match(found[0].message, /there is no \/srv\/elsewhere\/app\/run\.wsgi on this machine\./);
  assert.match(found[1].message, /there is no \/srv\/shop\/shop\/wsgi\.py on this machine \(the workspace has \/ws\/shop\/shop\/wsgi\.py\)\./);
  // Untrusted: the absolute path is not read, so a live config is not judged by it either.
  const untrusted = scriptWorkspace(WORKSPACE, { readOutside: false });
  const quiet = analyzeText('file:///etc/apache2/sites-enabled/app.conf', text, 0, {}, undefined, { scripts: untrusted }).reports.filter((r) => r.rule === 'wsgi-script-missing');
  assert.deepEqual(quiet, []);
});
