// The real CLI binary: formats, --fix, exit codes and bad paths.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.resolve(__dirname, '../../../bin/apache-wsgi-lint.js');

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, text: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const UNUSED = 'WSGIDaemonProcess shop threads=15\nWSGIScriptAlias / /srv/shop/wsgi.py\n';
const BROKEN = '<VirtualHost *:80>\n    ServerName a.example\n';
const CLEAN = 'WSGIDaemonProcess shop\nWSGIProcessGroup shop\nWSGIScriptAlias / /srv/shop/wsgi.py\n';

test('text format: file:line:col: severity: message [rule]', () => {
  const f = tempFile('site.conf', UNUSED);
  const r = lint(f);
  assert.equal(r.code, 0, 'warnings alone exit 0');
  const [first] = r.stdout.split('\n');
  assert.match(first, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:19: warning: Daemon process group 'shop' .* \\[wsgi-daemon-unused\\]$`));
  assert.match(r.stdout, /1 problem \(0 errors, 1 warning\)/);
});

test('json format: exact shape with 1-based positions and fixes', () => {
  const f = tempFile('site.conf', UNUSED);
  const r = lint('--format', 'json', f);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out, [
    {
      file: f,
      line: 1,
      column: 19,
      endLine: 1,
      endColumn: 23,
      severity: 'warning',
      code: 'wsgi-daemon-unused',
      message: out[0].message,
      fixes: [
        {
          title: "Insert 'WSGIProcessGroup shop' after it",
          edits: [{ line: 1, column: 34, endLine: 1, endColumn: 34, newText: '\nWSGIProcessGroup shop' }],
        },
      ],
    },
  ]);
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
  assert.equal(lint('--max-warnings', '0', f).code, 1);
  assert.equal(lint('--max-warnings', '1', f).code, 0);
});

test('--fix rewrites only what the fixes say and keeps mode and line endings', () => {
  const text = UNUSED.replace(/\n/g, '\r\n') + '<VirtualHost *:80>\r\n  <Directory /srv/shop>\r\n';
  const f = tempFile('site.conf', text);
  fs.chmodSync(f, 0o640);
  const r = lint('--fix', f);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(
    fs.readFileSync(f, 'utf8'),
    'WSGIDaemonProcess shop threads=15\r\nWSGIProcessGroup shop\r\nWSGIScriptAlias / /srv/shop/wsgi.py\r\n<VirtualHost *:80>\r\n  <Directory /srv/shop>\r\n  </Directory>\r\n</VirtualHost>\r\n',
  );
  assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(path.dirname(f)), ['site.conf'], 'no temporary file left behind');
  assert.equal(r.stdout, '', 'nothing left to report');
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
  fs.writeFileSync(path.join(dir, 'apache2.conf'), 'Listen 80\nIncludeOptional sites-enabled/*.conf\nInclude missing.conf\n');
  fs.writeFileSync(path.join(dir, 'sites-enabled', 'a.conf'), 'WSGIDaemonProcess a\nWSGIScriptAlias / /srv/a/wsgi.py process-group=a\n');
  fs.writeFileSync(path.join(dir, 'sites-enabled', 'b.conf'), 'WSGIDaemonProcess b\n');
  const root = path.join(dir, 'apache2.conf');
  const out = JSON.parse(lint('--format', 'json', root).stdout) as Array<{ file: string; code: string; line: number }>;
  assert.deepEqual(out.map((f) => [path.basename(f.file), f.code, f.line]).sort(), [
    ['apache2.conf', 'include-not-found', 3],
    ['b.conf', 'wsgi-daemon-unused', 1],
  ]);
  assert.ok(path.isAbsolute(out.find((f) => f.code === 'wsgi-daemon-unused')!.file));
  const fixed = lint('--fix', root);
  assert.equal(fixed.code, 1, 'the missing Include is still an error');
  assert.equal(fs.readFileSync(path.join(dir, 'sites-enabled', 'b.conf'), 'utf8'), 'WSGIDaemonProcess b\nWSGIProcessGroup b\n');
  assert.equal(fs.readFileSync(path.join(dir, 'apache2.conf'), 'utf8'), 'Listen 80\nIncludeOptional sites-enabled/*.conf\nInclude missing.conf\n');
});
