// The real CLI binary: formats, --fix, exit codes and bad paths.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LINT_BIN, runLint, tempFile } from '../helpers/cli';

const lint = (...args: string[]) => runLint(args);

// One daemon group nothing delegates to, so its script alias runs embedded: two warnings, one fix repairs both.
const UNUSED = [
  'WSGIRestrictEmbedded On',
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess shop threads=15',
  '    WSGIScriptAlias / /srv/shop/wsgi.py',
  '    <Directory /srv/shop>',
  '        Require all granted',
  '    </Directory>',
  '</VirtualHost>',
  '',
].join('\n');
const BROKEN = '<VirtualHost *:80>\n    ServerName a.example\n';
const CLEAN = UNUSED.replace('/srv/shop/wsgi.py', '/srv/shop/wsgi.py process-group=shop');

test('text format: file:line:col: severity: message [rule]', () => {
  const f = tempFile('site.conf', UNUSED);
  const r = lint(f);
  assert.equal(r.code, 0, 'warnings alone exit 0');
  const lines = r.stdout.split('\n');
  const esc = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(lines[0], new RegExp(`^${esc}:4:23: warning: Daemon process group 'shop' .* \\[wsgi-daemon-unused\\]$`));
  assert.match(lines[1], new RegExp(`^${esc}:5:5: warning: .*embedded mode.* \\[wsgi-embedded-mode\\]$`));
  assert.equal(lines[2], '2 problems (0 errors, 2 warnings)');
});

test('json format: exact shape with 1-based positions and fixes', () => {
  const f = tempFile('site.conf', UNUSED);
  const r = lint('--format', 'json', f);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.map((x: { code: string }) => x.code), ['wsgi-daemon-unused', 'wsgi-embedded-mode']);
  assert.deepEqual(out[0], {
    file: f,
    line: 4,
    column: 23,
    endLine: 4,
    endColumn: 27,
    severity: 'warning',
    code: 'wsgi-daemon-unused',
    message: out[0].message,
    fixes: [
      {
        title: "Insert 'WSGIProcessGroup shop' after it",
        edits: [{ line: 4, column: 38, endLine: 4, endColumn: 38, newText: '\n    WSGIProcessGroup shop' }],
      },
    ],
  });
  assert.match(out[0].message, /nothing delegates to it/);
});

test('errors exit 1; a clean file exits 0 and prints nothing', () => {
  assert.equal(lint(tempFile('a.conf', BROKEN)).code, 1);
  const clean = lint(tempFile('b.conf', CLEAN));
  assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '', '']);
  assert.equal(lint('--format=json', tempFile('b.conf', CLEAN)).stdout, '[]\n');
});

test('--max-warnings', () => {
  const f = tempFile('site.conf', UNUSED);
  assert.equal(lint('--max-warnings', '1', f).code, 1);
  assert.equal(lint('--max-warnings', '2', f).code, 0);
});

test('--fix rewrites only what the fixes say and keeps mode and line endings', () => {
  const text = (UNUSED + '<VirtualHost *:81>\n    ServerName other.example.com\n  <Location /x>\n').replace(/\n/g, '\r\n');
  const f = tempFile('site.conf', text);
  fs.chmodSync(f, 0o640);
  const r = lint('--fix', f);
  const expected = text.replace('threads=15\r\n', 'threads=15\r\n    WSGIProcessGroup shop\r\n') + '  </Location>\r\n</VirtualHost>\r\n';
  assert.equal(fs.readFileSync(f, 'utf8'), expected);
  assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(path.dirname(f)), ['site.conf'], 'no temporary file left behind');
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('usage and I/O errors exit 2 with a clear message and no stack trace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-'));
  const cases: Array<[string[], RegExp]> = [
    [[], /no file given/],
    [['--format', 'xml', 'x.conf'], /--format must be text or json/],
    [['--max-warnings', 'many', 'x.conf'], /whole number/],
    [['--bogus', 'x.conf'], /unknown option '--bogus'/],
    [[path.join(dir, 'missing.conf')], /missing\.conf: no such file/],
    [[dir], /is a directory/],
    [[tempFile('bin.conf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))], /binary file/],
  ];
  for (const [args, message] of cases) {
    const r = lint(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('--help and --version', () => {
  assert.match(lint('--help').stdout, /Usage: apache-wsgi-lint/);
  assert.match(lint('--version').stdout, /^\d+\.\d+\.\d+\n$/);
});

test('a root file is linted with everything it includes; findings carry each file path; --fix edits that file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-tree-'));
  fs.mkdirSync(path.join(dir, 'sites-enabled'));
  fs.writeFileSync(path.join(dir, 'apache2.conf'), 'Listen 80\nWSGIRestrictEmbedded On\nIncludeOptional sites-enabled/*.conf\nInclude missing.conf\n');
  fs.writeFileSync(
    path.join(dir, 'sites-enabled', 'a.conf'),
    'WSGIDaemonProcess a\nWSGIScriptAlias / /srv/a/wsgi.py process-group=a\n<Directory /srv/a>\n    Require all granted\n</Directory>\n',
  );
  fs.writeFileSync(path.join(dir, 'sites-enabled', 'b.conf'), 'WSGIDaemonProcess b\n');
  const root = path.join(dir, 'apache2.conf');
  const out = JSON.parse(lint('--format', 'json', root).stdout) as Array<{ file: string; code: string; line: number }>;
  assert.deepEqual(out.map((f) => [path.basename(f.file), f.code, f.line]).sort(), [
    ['apache2.conf', 'include-not-found', 4],
    ['b.conf', 'wsgi-daemon-unused', 1],
  ]);
  assert.ok(path.isAbsolute(out.find((f) => f.code === 'wsgi-daemon-unused')!.file));
  const fixed = lint('--fix', root);
  assert.equal(fixed.code, 1, 'the missing Include is still an error');
  assert.equal(fs.readFileSync(path.join(dir, 'sites-enabled', 'b.conf'), 'utf8'), 'WSGIDaemonProcess b\nWSGIProcessGroup b\n');
  assert.equal(fs.readFileSync(path.join(dir, 'apache2.conf'), 'utf8'), 'Listen 80\nWSGIRestrictEmbedded On\nIncludeOptional sites-enabled/*.conf\nInclude missing.conf\n');
});

test('a Debian server with its envvars: an undefined ${VAR} is found, and --fix renames it to the exported one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-env-'));
  fs.mkdirSync(path.join(dir, 'sites-enabled'));
  fs.writeFileSync(path.join(dir, 'envvars'), 'export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\nexport APACHE_RUN_USER=www-data\n');
  fs.writeFileSync(path.join(dir, 'apache2.conf'), 'Listen 80\nUser ${APACHE_RUN_USER}\nIncludeOptional sites-enabled/*.conf\n');
  const site = path.join(dir, 'sites-enabled', 'a.conf');
  fs.writeFileSync(site, 'ErrorLog ${APACHE_LOG_DR}/a.log\n');
  const root = path.join(dir, 'apache2.conf');
  const out = JSON.parse(lint('--format', 'json', root).stdout) as Array<{ file: string; code: string; line: number; column: number; severity: string }>;
  assert.deepEqual(out.filter((f) => f.code === 'undefined-variable').map((f) => [path.basename(f.file), f.line, f.column, f.severity]), [['a.conf', 1, 10, 'warning']]);
  lint('--fix', root);
  assert.equal(fs.readFileSync(site, 'utf8'), 'ErrorLog ${APACHE_LOG_DIR}/a.log\n');
  // The site file alone: its variables may come from anywhere, so nothing is said.
  fs.writeFileSync(site, 'ErrorLog ${APACHE_LOG_DR}/a.log\n');
  assert.deepEqual((JSON.parse(lint('--format', 'json', site).stdout) as Array<{ code: string }>).filter((f) => f.code === 'undefined-variable'), []);
});

test('a reader that stops early gets no stack trace', () => {
  const f = tempFile('site.conf', UNUSED.repeat(200));
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${LINT_BIN}" "${f}" | head -c 10 >/dev/null`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
});
