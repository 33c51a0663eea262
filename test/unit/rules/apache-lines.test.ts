// Errors on a continued directive reach the physical line apache2 -t names: the last one of the logical line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';

const found = (text: string, rule: string) => analyzeText('file:///lines.conf', text).reports.filter((r) => r.rule === rule).map((r) => ({ text: text.slice(r.start, r.end), severity: r.severity }));

test('an error on an earlier line of a continued directive reaches its last line', () => {
  assert.deepEqual(found('Require2 all \\\n    granted\n', 'unknown-directive'), [{ text: 'Require2 all \\\n    granted', severity: 'error' }]);
  // A blank last line is covered with its line break.
  assert.deepEqual(found('KeepAlive Onn \\\n\nServerTokens Prod\n', 'invalid-argument'), [{ text: 'Onn \\\n\n', severity: 'error' }]);
  assert.deepEqual(found('KeepAlive Onn \\\n   \n', 'invalid-argument'), [{ text: 'Onn \\\n   ', severity: 'error' }]);
  // A range that already ends where the blank last line starts (a rule underlining to the directive's end) still
  // takes that line (found by the differential fuzz: apache2 -t names line 3 here).
  assert.deepEqual(found('<VirtualHost *:80>\n    WSGIDaemonProcess \\\n\n    ServerName a.example\n</VirtualHost>\n', 'wsgi-daemon-name'), [{ text: 'WSGIDaemonProcess \\\n\n', severity: 'error' }]);
});

test('an error already on the last line, one on a single line, and a warning keep their ranges', () => {
  assert.deepEqual(found('KeepAlive \\\n    Onn\n', 'invalid-argument'), [{ text: 'Onn', severity: 'error' }]);
  assert.deepEqual(found('KeepAlive Onn\n', 'invalid-argument'), [{ text: 'Onn', severity: 'error' }]);
  // In a body Apache may skip, the finding is a warning: it stays on its word.
  assert.deepEqual(found('<IfDefine MAYBE>\nKeepAlive Onn \\\n   \n</IfDefine>\n', 'invalid-argument'), [{ text: 'Onn', severity: 'warning' }]);
});
