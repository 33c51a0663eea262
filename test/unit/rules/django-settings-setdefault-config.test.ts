// The config side of django-settings-setdefault: on the WSGIScriptAlias line, only when the script uses
// setdefault() and another application shares its process (the Python side has its own table in test/unit/python).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { scriptWorkspace, WORKSPACE } from '../../helpers/scripts';
import { analyzeText } from '../../../server/service';

const scripts = scriptWorkspace(WORKSPACE);
const SHOP = '/srv/shop/shop/wsgi.py';
const BLOG = '/srv/blog/blog/wsgi.py';
const PLAIN = '/srv/plain/plain.wsgi';

ruleTable(
  'django-settings-setdefault',
  {
    valid: [
      // alone in its process
      `WSGIScriptAlias / ${SHOP}\n`,
      // each in a daemon group of its own
      `WSGIDaemonProcess shop\nWSGIDaemonProcess blog\nWSGIScriptAlias /shop ${SHOP} process-group=shop\nWSGIScriptAlias /blog ${BLOG} process-group=blog\n`,
      // a shared process, but the script assigns the variable (plain.wsgi has no setdefault and is the one checked)
      `WSGIDaemonProcess sites\nWSGIProcessGroup sites\nWSGIScriptAlias /plain ${PLAIN}\nWSGIScriptAlias /flask /srv/flaskapp/site.wsgi\n`,
      // the same script under two URLs is one application
      `WSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /shop2 ${SHOP}\n`,
      // two paths that find the same workspace file: one application too
      `WSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /shop2 /opt/deploy/shop/shop/wsgi.py\n`,
      // one daemon group, one application group for both: not this rule's concern
      `WSGIDaemonProcess sites\nWSGIProcessGroup sites\nWSGIApplicationGroup %{GLOBAL}\nWSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /plain ${PLAIN}\n`,
      // the group or the interpreter chosen per request: no claim
      `WSGIProcessGroup %{ENV:GROUP}\nWSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /plain ${PLAIN}\n`,
      `WSGIApplicationGroup %{ENV:APP}\nWSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /plain ${PLAIN}\n`,
    ],
    invalid: [
      {
        // embedded mode: every embedded alias shares Apache's children
        code: `WSGIScriptAlias /shop «${SHOP}»\nWSGIScriptAlias /plain ${PLAIN}\n`,
        fixed: `WSGIDaemonProcess shop\nWSGIScriptAlias /shop ${SHOP} process-group=shop\nWSGIScriptAlias /plain ${PLAIN}\n`,
        message: ['setdefault()', "'/shop' shares Apache's own processes (embedded mode) with '/plain' (/srv/plain/plain.wsgi)"],
        severity: 'warning',
      },
      {
        // one daemon group, default application groups (one per URL): the new group keeps the old one's options
        code: `<VirtualHost *:80>\n  ServerName example.com\n  WSGIDaemonProcess shop python-home=/srv/venv threads=5\n  WSGIScriptAlias /shop «${SHOP}» process-group=shop\n  WSGIScriptAlias /plain ${PLAIN} process-group=shop\n</VirtualHost>\n`,
        fixed: `<VirtualHost *:80>\n  ServerName example.com\n  WSGIDaemonProcess shop python-home=/srv/venv threads=5\n  WSGIDaemonProcess shop-2 python-home=/srv/venv threads=5\n  WSGIScriptAlias /shop ${SHOP} process-group=shop-2\n  WSGIScriptAlias /plain ${PLAIN} process-group=shop\n</VirtualHost>\n`,
        message: ["daemon group 'shop'"],
      },
      {
        // the shared group's line has a quote it never closes (Apache reads the rest of the line as one value): its
        // options cannot be copied onto a line of their own without one more unclosed quote, so no fix (found by the
        // fix-safety fuzz, seed 424242)
        code: `WSGIDaemonProcess shop processes=2 'threads=15 \\\n  python-home=/srv/venv\nWSGIScriptAlias /shop «${SHOP}» process-group=shop\nWSGIScriptAlias /plain ${PLAIN} process-group=shop\n`,
        message: ["daemon group 'shop'"],
      },
      {
        // two hosts delegating to one server-level group: their %{RESOURCE} interpreters differ
        code:
          `WSGIDaemonProcess sites\nWSGIProcessGroup sites\n` +
          `<VirtualHost *:80>\n  ServerName a.example\n  WSGIScriptAlias / «${SHOP}»\n</VirtualHost>\n` +
          `<VirtualHost *:80>\n  ServerName b.example\n  WSGIScriptAlias / ${PLAIN}\n</VirtualHost>\n`,
        fixed:
          `WSGIDaemonProcess sites\nWSGIProcessGroup sites\n` +
          `<VirtualHost *:80>\n  ServerName a.example\n  WSGIDaemonProcess shop\n  WSGIScriptAlias / ${SHOP} process-group=shop\n</VirtualHost>\n` +
          `<VirtualHost *:80>\n  ServerName b.example\n  WSGIScriptAlias / ${PLAIN}\n</VirtualHost>\n`,
      },
      {
        // a group named by WSGIProcessGroup but not defined here is taken: the new group must not be the shared one
        code: `WSGIProcessGroup shop\nWSGIScriptAlias /shop «${SHOP}»\nWSGIScriptAlias /plain ${PLAIN}\n`,
        fixed: `WSGIProcessGroup shop\nWSGIDaemonProcess shop-2\nWSGIScriptAlias /shop ${SHOP} process-group=shop-2\nWSGIScriptAlias /plain ${PLAIN}\n`,
      },
    ],
  },
  { scripts },
);

test('django-settings-setdefault (config): both Django sites of a shared process are reported, each on its own line', () => {
  const text = `WSGIScriptAlias /shop ${SHOP}\nWSGIScriptAlias /blog ${BLOG}\n`;
  const found = analyzeText('file:///a.conf', text, 0, {}, undefined, { scripts }).reports.filter((r) => r.rule === 'django-settings-setdefault');
  assert.deepEqual(found.map((r) => text.slice(r.start, r.end)), [SHOP, BLOG]);
  assert.deepEqual(analyzeText('file:///a.conf', text).reports.filter((r) => r.rule === 'django-settings-setdefault'), [], 'silent without scripts');
});
