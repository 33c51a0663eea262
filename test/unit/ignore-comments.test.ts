// Ignore comments silence exactly the named rules on exactly the next directive (or the whole file), in single-file
// and whole-server analysis; the "Ignore … for this line" edit is exact and re-analyses without the finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/service';
import { applyEdits, chooseFixes } from '../../server/features/applyEdits';
import { ignoreComments, ignoreFileFix, ignoreLineFix } from '../../server/features/ignoreComments';
import { codeActions } from '../../server/features/codeActions';
import { buildTree } from '../../server/workspace/tree';
import { analyzeTree } from '../../server/workspace/analyzeTree';
import { MemoryFiles } from '../../server/workspace/files';

// Only the rule under test: other rules may report on these snippets too, and are not what is checked here.
const codes = (text: string, rule = 'wsgi-daemon-unused') =>
  analyzeText('file:///t.conf', text).reports.filter((r) => r.rule === rule).map((r) => `${r.rule}@${text.slice(0, r.start).split('\n').length}`);

const TWO_UNUSED = ['WSGIDaemonProcess one', 'WSGIDaemonProcess two', 'WSGIScriptAlias / /srv/app/wsgi.py process-group=%{GLOBAL}', ''].join('\n');

test('without comments both unused groups are reported (the baseline the other cases change)', () => {
  assert.deepEqual(codes(TWO_UNUSED), ['wsgi-daemon-unused@1', 'wsgi-daemon-unused@2']);
});

test('ignore= silences the rule on the next directive only', () => {
  const text = '# apache-wsgi: ignore=wsgi-daemon-unused\n' + TWO_UNUSED;
  assert.deepEqual(codes(text), ['wsgi-daemon-unused@3']);
});

test('ignore= skips blank and comment lines, and covers the whole continued line', () => {
  const text = ['  # apache-wsgi: ignore=wsgi-daemon-unused -- used from conf-enabled', '', '# another comment', 'WSGIDaemonProcess \\', '    one', 'WSGIDaemonProcess two', 'WSGIScriptAlias / /srv/a.wsgi process-group=%{GLOBAL}', ''].join('\n');
  assert.deepEqual(codes(text), ['wsgi-daemon-unused@6']);
});

test('ignore= names several rules; other rules on that line still report', () => {
  const text = '#apache-wsgi: ignore = syntax-error, wsgi-daemon-unused\n' + TWO_UNUSED;
  assert.deepEqual(codes(text), ['wsgi-daemon-unused@3']);
  const other = '# apache-wsgi: ignore=unterminated-quote\n' + TWO_UNUSED;
  assert.deepEqual(codes(other), ['wsgi-daemon-unused@2', 'wsgi-daemon-unused@3']);
});

test('ignore-file= silences the rule in the whole file, wherever the comment is', () => {
  assert.deepEqual(codes(TWO_UNUSED + '# apache-wsgi: ignore-file=wsgi-daemon-unused\n'), []);
});

test('a comment that is not an ignore comment, or one at the end of the file, silences nothing', () => {
  assert.deepEqual(codes('# apache-wsgi ignore=wsgi-daemon-unused\n' + TWO_UNUSED), ['wsgi-daemon-unused@2', 'wsgi-daemon-unused@3']);
  assert.deepEqual(codes('WSGIDaemonProcess trailing\nWSGIScriptAlias / /srv/a.wsgi\n# apache-wsgi: ignore=wsgi-daemon-unused\n').filter((c) => c.startsWith('wsgi-daemon')), ['wsgi-daemon-unused@1']);
  // Apache has no trailing comments: `#` after a directive is an argument, not an ignore comment.
  const trailing = ['WSGIDaemonProcess one # apache-wsgi: ignore=wsgi-daemon-unused', 'WSGIScriptAlias / /srv/a.wsgi process-group=%{GLOBAL}', ''].join('\n');
  assert.ok(codes(trailing).includes('wsgi-daemon-unused@1'));
});

test('parsed comments record their ids and target line', () => {
  const text = '# apache-wsgi: ignore=a,b\n\nServerName x\n# apache-wsgi: ignore-file=c\n';
  const [line, file] = ignoreComments(text);
  assert.deepEqual([line.scope, line.ids, text.slice(line.target!.start, line.target!.end)], ['line', ['a', 'b'], 'ServerName x']);
  assert.deepEqual([file.scope, file.ids, file.target], ['file', ['c'], undefined]);
  assert.equal(text.slice(0, line.idsEnd), '# apache-wsgi: ignore=a,b');
});

test('"Ignore <id> for this line" inserts an indented comment above; the result re-analyses clean', () => {
  const text = '<VirtualHost *:80>\r\n    WSGIDaemonProcess one\r\n    WSGIScriptAlias / /srv/a.wsgi process-group=%{GLOBAL}\r\n</VirtualHost>\r\n';
  const [report] = analyzeText('file:///t.conf', text).reports.filter((r) => r.rule === 'wsgi-daemon-unused');
  const fix = ignoreLineFix(text, report)!;
  assert.equal(fix.title, 'Ignore wsgi-daemon-unused for this line');
  assert.equal(fix.preferred, undefined);
  const after = applyEdits(text, fix.edits);
  assert.equal(after, text.replace('    WSGIDaemonProcess', '    # apache-wsgi: ignore=wsgi-daemon-unused\r\n    WSGIDaemonProcess'));
  assert.deepEqual(analyzeText('file:///t.conf', after).reports.filter((r) => r.rule === 'wsgi-daemon-unused'), []);
});

test('a second rule on an ignored line is appended to the existing comment', () => {
  const text = '# apache-wsgi: ignore=syntax-error -- reason\nWSGIDaemonProcess one\nWSGIScriptAlias / /srv/a.wsgi process-group=%{GLOBAL}\n';
  const report = analyzeText('file:///t.conf', text).reports.find((r) => r.rule === 'wsgi-daemon-unused')!;
  const after = applyEdits(text, ignoreLineFix(text, report)!.edits);
  assert.equal(after, text.replace('ignore=syntax-error', 'ignore=syntax-error,wsgi-daemon-unused'));
  assert.deepEqual(codes(after), []);
  assert.equal(ignoreLineFix(after, { rule: 'wsgi-daemon-unused', start: report.start + ',wsgi-daemon-unused'.length }), undefined, 'already ignored');
});

test('"Ignore <id> in this file" puts an ignore-file comment on the first line', () => {
  const after = applyEdits(TWO_UNUSED, ignoreFileFix(TWO_UNUSED, 'wsgi-daemon-unused')!.edits);
  assert.ok(after.startsWith('# apache-wsgi: ignore-file=wsgi-daemon-unused\nWSGIDaemonProcess one'));
  assert.deepEqual(codes(after), []);
});

test('code actions offer the ignore comments after the rule fixes, never preferred; --fix never picks them', () => {
  const text = '<VirtualHost *:80>\n    ServerName a.example.com\n    WSGIDaemonProcess one\n    WSGIScriptAlias / /srv/a.wsgi\n</VirtualHost>\n';
  const a = analyzeText('file:///t.conf', text);
  const unused = a.reports.find((r) => r.rule === 'wsgi-daemon-unused')!;
  const pos = a.lines.positionAt(unused.start);
  const titles = codeActions(a, { start: pos, end: pos }).filter((x) => x.diagnostics?.[0].code === 'wsgi-daemon-unused');
  assert.deepEqual(titles.map((x) => [x.title, x.isPreferred]).slice(-2), [
    ['Ignore wsgi-daemon-unused for this line', false],
    ['Ignore wsgi-daemon-unused in this file', false],
  ]);
  assert.ok(titles.length >= 3, 'the rule fix comes first');
  const chosen = applyEdits(text, chooseFixes(a.reports));
  assert.ok(!chosen.includes('apache-wsgi: ignore'), chosen);
});

test('whole-server analysis applies each file its own ignore comments', () => {
  const files = new MemoryFiles({
    '/srv/apache2/apache2.conf': 'Include sites/*.conf\n',
    '/srv/apache2/sites/a.conf': '# apache-wsgi: ignore-file=wsgi-daemon-unused\nWSGIDaemonProcess a\n',
    '/srv/apache2/sites/b.conf': 'WSGIDaemonProcess b\n# apache-wsgi: ignore=wsgi-daemon-unused\n',
    '/srv/apache2/sites/c.conf': 'WSGIDaemonProcess c\n',
  });
  const result = analyzeTree(buildTree(files, '/srv/apache2/apache2.conf'));
  const unused = (f: string) => result.files.get(f)!.reports.filter((r) => r.rule === 'wsgi-daemon-unused').length;
  assert.equal(unused('/srv/apache2/sites/a.conf'), 0);
  // b.conf's trailing ignore= must not reach into c.conf, read right after it.
  assert.equal(unused('/srv/apache2/sites/b.conf'), 1);
  assert.equal(unused('/srv/apache2/sites/c.conf'), 1);
});
