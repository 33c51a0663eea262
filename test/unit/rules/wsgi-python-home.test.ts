import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { venvRoot } from '../../../server/rules/wsgi-python-home';

ruleTable('wsgi-python-home', {
  valid: [
    'WSGIDaemonProcess a python-home=/srv/a/venv python-path=/srv/a/src\n',
    'WSGIPythonHome /usr/local/venvs/site\n',
    // Debian's own packages are not a virtualenv
    'WSGIDaemonProcess a python-path=/usr/lib/python3/dist-packages\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess shop python-home=«/srv/shop/venv/lib/python3.11/site-packages» threads=5\n',
      fixed: 'WSGIDaemonProcess shop python-home=/srv/shop/venv threads=5\n',
      message: ["'/srv/shop/venv'", 'sys.prefix'],
      severity: 'warning',
    },
    {
      code: 'WSGIPythonHome «"/opt/my app/venv/bin/python3"»\n',
      fixed: 'WSGIPythonHome "/opt/my app/venv"\n',
    },
    {
      code: 'WSGIDaemonProcess blog python-home=«/srv/blog/env/lib64/python3.9»\n',
      fixed: 'WSGIDaemonProcess blog python-home=/srv/blog/env\n',
    },
    {
      // site-packages on python-path: python-home instead, the other entries kept
      code: 'WSGIDaemonProcess shop python-path=«/srv/shop:/srv/shop/venv/lib/python3.11/site-packages» threads=5\n',
      fixed: 'WSGIDaemonProcess shop python-home=/srv/shop/venv python-path=/srv/shop threads=5\n',
      message: ['python-home=/srv/shop/venv'],
    },
    {
      code: 'WSGIDaemonProcess shop python-home=/srv/shop/venv python-path=«/srv/shop/venv/lib/python3.11/site-packages»\n',
      fixed: 'WSGIDaemonProcess shop python-home=/srv/shop/venv\n',
    },
    {
      // The root would end in a backslash, which escapes the closing quote: no fix can write it
      code: 'WSGIPythonHome «"/opt/my app/venv\\/bin/python3"»\n',
    },
    {
      // A quote inside the quoted value stays escaped in the root written back
      code: 'WSGIPythonHome «"/opt/my \\"app\\"/venv/bin"»\n',
      fixed: 'WSGIPythonHome "/opt/my \\"app\\"/venv"\n',
    },
  ],
});

test('venvRoot', () => {
  assert.equal(venvRoot('/srv/venv/lib/python3.12/site-packages/'), '/srv/venv');
  assert.equal(venvRoot('/srv/venv/bin'), '/srv/venv');
  assert.equal(venvRoot('/srv/venv'), undefined);
  assert.equal(venvRoot('/srv/library/app'), undefined);
  assert.equal(venvRoot('/usr/lib/python3/dist-packages'), undefined);
});
