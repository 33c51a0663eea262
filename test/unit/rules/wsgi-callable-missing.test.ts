import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { scriptWorkspace, WORKSPACE } from '../../helpers/scripts';
import { analyzeText } from '../../../server/service';

const scripts = scriptWorkspace(WORKSPACE);

ruleTable(
  'wsgi-callable-missing',
  {
    valid: [
      // an assignment, a def
      'WSGIScriptAlias / /srv/shop/shop/wsgi.py\n',
      'WSGIScriptAlias / /srv/plain/plain.wsgi\n',
      // the configured name is defined: on the alias, or by WSGICallableObject in effect
      'WSGIScriptAlias / /srv/flaskapp/site.wsgi callable-object=app\n',
      'WSGICallableObject app\nWSGIScriptAlias / /srv/flaskapp/site.wsgi\n',
      '<Directory /srv/flaskapp>\n  WSGICallableObject app\n</Directory>\nWSGIScriptAlias / /srv/flaskapp/site.wsgi\n',
      // a star import may define it; a file the parser cannot read is not judged; the name chosen per request
      'WSGIScriptAlias / /srv/star/star.wsgi\n',
      'WSGIScriptAlias / /srv/broken/broken.wsgi\n',
      'WSGIScriptAlias / /srv/flaskapp/site.wsgi callable-object=%{ENV:APP}\n',
      // a missing script is wsgi-script-missing's business
      'WSGIScriptAlias / /srv/none/none.wsgi\n',
    ],
    invalid: [
      {
        // Flask's `app`: the fix names it
        code: 'WSGIScriptAlias / «/srv/flaskapp/site.wsgi»\n',
        fixed: 'WSGIScriptAlias / /srv/flaskapp/site.wsgi callable-object=app\n',
        message: ['/ws/flaskapp/site.wsgi', "no 'application'", "'app'", '404 or 500'],
        severity: 'error',
      },
      {
        // a wrong callable-object= is replaced, other options kept
        code: 'WSGIScriptAlias /api «/srv/api/api/wsgi.py» callable-object=application process-group=api\nWSGIDaemonProcess api\n',
        fixed: 'WSGIScriptAlias /api /srv/api/api/wsgi.py callable-object=api process-group=api\nWSGIDaemonProcess api\n',
      },
      {
        // WSGICallableObject names something the script lacks; nothing usual to offer
        code: 'WSGICallableObject app\nWSGIScriptAlias / «/srv/ondisk/ondisk.wsgi»\n',
        message: ["no 'app'", "Define 'app'"],
      },
      {
        // %-forms other than %{ENV:…} fall back to `application`
        code: 'WSGIScriptAlias / «/srv/ondisk/ondisk.wsgi» callable-object=%{BOGUS}\n',
        message: ["no 'application'"],
      },
    ],
  },
  { scripts },
);

test('wsgi-callable-missing: silent without a script lookup', () => {
  assert.deepEqual(analyzeText('file:///a.conf', 'WSGIScriptAlias / /srv/flaskapp/site.wsgi\n').reports.filter((r) => r.rule === 'wsgi-callable-missing'), []);
});
