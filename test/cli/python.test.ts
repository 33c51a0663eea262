// The real CLI binary on Python files: WSGI scripts and middleware get the Python rules, same formats and flags.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePython } from '../../server/python/syntax';
import { runLint, tempFile as tempFileIn } from '../helpers/cli';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/python/middleware.py');

const lint = (...args: string[]) => runLint(args);
const tempFile = (name: string, text: string) => tempFileIn(name, text, 'awl-py-');

const UPPER = [
  'class Upper:',
  '    def __call__(self, environ, start_response):',
  '        for data in self.app(environ, start_response):',
  '            yield data',
  '',
].join('\n');

test('text format on a middleware module: every Python rule, compiler-style lines', () => {
  const r = lint(FIXTURE);
  assert.equal(r.code, 0, 'warnings alone exit 0');
  assert.equal(r.stderr, '');
  const lines = r.stdout.trim().split('\n');
  const codes = new Set(lines.slice(0, -1).map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]));
  assert.deepEqual([...codes].sort(), ['django-settings-setdefault', 'wsgi-middleware-close', 'wsgi-middleware-close-chained', 'wsgi-middleware-content-length', 'wsgi-middleware-write']);
  // No configuration serving it is in view: information, not a warning.
  assert.match(lines[0], /^.*middleware\.py:7:1: information: setdefault\(\) leaves DJANGO_SETTINGS_MODULE alone .*Could not see a configuration that serves this script.* \[django-settings-setdefault\]$/);
  assert.ok(lines[0].startsWith(`${FIXTURE}:7:1: `));
  assert.match(lines.find((l) => l.startsWith(`${FIXTURE}:17:21: warning:`)) ?? '', /'Upper\.__call__' iterates .* \[wsgi-middleware-close\]$/);
  assert.match(lines[lines.length - 1], /^\d+ problems \(0 errors, \d+ warnings\)$/);
});

test('json format: the same shape as for configuration files', () => {
  const f = tempFile('middleware.py', UPPER);
  const r = lint('--format', 'json', f);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.map((x: { code: string; line: number; column: number; endLine: number; endColumn: number; severity: string }) => [x.code, x.line, x.column, x.endLine, x.endColumn, x.severity]),
    [
      ['wsgi-middleware-close', 3, 21, 3, 54, 'warning'],
      ['wsgi-middleware-close-chained', 3, 21, 3, 54, 'information'],
    ],
  );
  assert.equal(out[0].file, f);
  assert.deepEqual(Object.keys(out[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'fixes', 'line', 'message', 'severity']);
  assert.deepEqual(out[0].fixes[0].edits[0], { line: 3, column: 1, endLine: 3, endColumn: 1, newText: '        iterable = self.app(environ, start_response)\n        try:\n    ' });
});

test('--fix rewrites a .py file with the preferred fixes, keeping mode and CRLF, and the result parses', () => {
  const f = tempFile('middleware.py', UPPER.replace(/\n/g, '\r\n'));
  fs.chmodSync(f, 0o640);
  const r = lint('--fix', f);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  const fixed = fs.readFileSync(f, 'utf8');
  assert.equal(
    fixed,
    [
      'class Upper:',
      '    def __call__(self, environ, start_response):',
      '        iterable = self.app(environ, start_response)',
      '        try:',
      '            for data in iterable:',
      '                yield data',
      '        finally:',
      "            if hasattr(iterable, 'close'):",
      '                iterable.close()',
      '',
    ].join('\r\n'),
  );
  assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  assert.deepEqual(parsePython(fixed).errors, []);
  assert.deepEqual(fs.readdirSync(path.dirname(f)), ['middleware.py'], 'no temporary file left behind');
});

test('--fix on the whole fixture leaves Python the parser reads, with only the unfixable finding', () => {
  const f = tempFile('middleware.py', fs.readFileSync(FIXTURE, 'utf8'));
  const r = lint('--fix', '--format', 'json', f);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((x: { code: string; fixes: unknown[] }) => [x.code, x.fixes.length]), [['wsgi-middleware-write', 0]]);
  assert.deepEqual(parsePython(fs.readFileSync(f, 'utf8')).errors, []);
});

test('.wsgi scripts and configuration files in one run: the script is judged by the aliases that serve it', () => {
  const wsgi = tempFile('shop.wsgi', "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\nfrom django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n");
  const codesOf = (out: Array<{ file: string; code: string; line: number; severity: string }>, file: string) =>
    out.filter((x) => x.file === file && x.code === 'django-settings-setdefault').map((x) => [x.severity, x.line]);
  // Alone: information, so --max-warnings 0 passes.
  assert.deepEqual(codesOf(JSON.parse(lint('--format', 'json', wsgi).stdout), wsgi), [['information', 2]]);
  assert.equal(lint('--max-warnings', '0', wsgi).code, 0);
  // Served from a daemon group of its own: nothing to say.
  const own = tempFile('own.conf', `WSGIDaemonProcess shop\nWSGIProcessGroup shop\nWSGIScriptAlias / ${wsgi}\n`);
  const r = lint('--format', 'json', own, wsgi);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(codesOf(out, wsgi), []);
  assert.ok(!out.some((x: { file: string; code: string }) => x.file === own && x.code.startsWith('wsgi-middleware')));
  // Sharing the group with another application: a warning on the script and on the alias; --max-warnings applies.
  const shared = tempFile('shared.conf', `WSGIDaemonProcess sites\nWSGIProcessGroup sites\nWSGIScriptAlias /shop ${wsgi}\nWSGIScriptAlias /blog /srv/blog/blog.wsgi\n`);
  const both = JSON.parse(lint('--format', 'json', shared, wsgi).stdout);
  assert.deepEqual(codesOf(both, wsgi), [['warning', 2]]);
  assert.deepEqual(codesOf(both, shared), [['warning', 3]]);
  assert.match(both.find((x: { file: string; code: string }) => x.file === wsgi && x.code === 'django-settings-setdefault').message, /'\/shop' of the main server .*, in .*shared\.conf, shares daemon group 'sites' with '\/blog' \(\/srv\/blog\/blog\.wsgi\)/);
  assert.equal(lint('--max-warnings', '0', shared, wsgi).code, 1);
});

test('a Python file the parser cannot fully read: no crash, no internal error', () => {
  const f = tempFile('broken.py', 'class M:\n    def __call__(self, environ, start_response:\n        for d in self.app(environ, start_response):\n            yield d\n');
  const r = lint('--format', 'json', f);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!JSON.parse(r.stdout).some((x: { code: string }) => x.code === 'internal-error'));
});
