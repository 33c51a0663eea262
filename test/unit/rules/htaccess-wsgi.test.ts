import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';
import { marked } from '../../helpers/markers';

// The rule looks at the file name, so these tables run under a .htaccess uri.
function found(uri: string, source: string) {
  const { text, spans } = marked(source);
  const reports = analyzeText(uri, text).reports.filter((r) => r.rule === 'htaccess-wsgi');
  return { got: reports.map((r) => [r.start, r.end]), want: spans.map((s) => [s.start, s.end]), reports };
}

test('htaccess-wsgi: directives mod_wsgi does not allow in .htaccess are errors there', () => {
  const { got, want, reports } = found(
    'file:///srv/site/.htaccess',
    '«WSGIDaemonProcess» site\n«WSGIProcessGroup» site\n<Files app.wsgi>\n  «WSGIApplicationGroup» %{GLOBAL}\n</Files>\n',
  );
  assert.deepEqual(got, want);
  assert.ok(reports.every((r) => r.severity === 'error' && r.fixes.length === 0));
  assert.match(reports[0].message, /WSGIDaemonProcess is not allowed in \.htaccess.*500/);
});

test('htaccess-wsgi: directives allowed there (FileInfo, AuthConfig) and other files are left alone', () => {
  const allowed = 'WSGIPassAuthorization On\nWSGICallableObject app\nWSGIScriptReloading Off\n<Files x>\n  WSGIAccessScript /srv/a.py\n</Files>\n';
  assert.deepEqual(found('file:///srv/site/.htaccess', allowed).got, []);
  assert.deepEqual(found('file:///etc/apache2/sites-available/site.conf', 'WSGIDaemonProcess site\n').got, []);
  assert.deepEqual(found('file:///srv/site/htaccess', '«WSGIScriptAlias» / /srv/a.wsgi\n').got.length, 1);
});
