import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText } from '../../../server/service';
import { applyEdits } from '../../../server/features/applyEdits';

ruleTable('wsgi-socket-prefix', {
  valid: ['WSGISocketPrefix /var/run/apache2/wsgi\n', 'WSGISocketPrefix run/wsgi\n', 'WSGISocketPrefix /srv/tmpfiles/wsgi\n'],
  invalid: [
    // two fixes for two distributions, neither preferred: --fix leaves the choice to the user
    { code: 'WSGISocketPrefix «/tmp/wsgi»\n', message: ["'/tmp/wsgi'", '/tmp'], severity: 'warning' },
    { code: 'WSGISocketPrefix «/var/tmp//»\n' },
    { code: '<IfModule mod_wsgi.c>\n  WSGISocketPrefix «/dev/shm/sockets/wsgi»\n</IfModule>\n' },
  ],
});

test('wsgi-socket-prefix: both fixes are exact', () => {
  const text = 'WSGISocketPrefix /tmp/wsgi\n';
  const [r] = analyzeText('file:///a.conf', text).reports.filter((x) => x.rule === 'wsgi-socket-prefix');
  assert.deepEqual(r.fixes.map((f) => applyEdits(text, f.edits)), ['WSGISocketPrefix /var/run/apache2/wsgi\n', 'WSGISocketPrefix run/wsgi\n']);
  assert.ok(r.fixes.every((f) => !f.preferred));
});
