// --fix through the real CLI binary: it never makes a configuration worse (fixes that interact are checked
// together), writes through symlinks, keeps the file mode under any umask, and keeps bytes that are not UTF-8.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LINT_BIN, runLint, tempFile as tempFileIn } from '../helpers/cli';

const lint = (...args: string[]) => runLint(args);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'awl-fix-'));
}

const tempFile = (name: string, text: string | Buffer) => tempFileIn(name, text, 'awl-fix-');

function errorsAfter(file: string): string[] {
  const out = JSON.parse(lint('--format', 'json', file).stdout) as Array<{ code: string; severity: string }>;
  return out.filter((f) => f.severity === 'error').map((f) => f.code);
}

/** What --fix makes of `text` in a plain file: the reference for the cases that differ only in how the file is reached. */
function fixedPlain(text: string | Buffer): Buffer {
  const f = tempFile('site.conf', text);
  lint('--fix', f);
  return fs.readFileSync(f);
}

// A daemon group nothing delegates to: its fix inserts 'WSGIProcessGroup shop'.
const UNUSED = 'WSGIDaemonProcess shop\nWSGIScriptAlias / /srv/shop/wsgi.py\n<Directory /srv/shop>\n    Require all granted\n</Directory>\n';

const count = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;

test('a directive typo and the embedded-mode fix do not both add the group: one WSGIDaemonProcess shop', () => {
  const server = 'WSGIDeamonProcess shop threads=15\nWSGIScriptAlias / /srv/shop/wsgi.py\n';
  const vhost = [
    '<VirtualHost *:80>',
    '    ServerName shop.example.com',
    '    WSGIDeamonProcess shop threads=15',
    '    WSGIScriptAlias / /srv/shop/wsgi.py',
    '    <Directory /srv/shop>',
    '        Require all granted',
    '    </Directory>',
    '</VirtualHost>',
    '',
  ].join('\n');
  for (const text of [server, vhost]) {
    const f = tempFile('site.conf', text);
    const r = lint('--fix', f);
    const after = fs.readFileSync(f, 'utf8');
    assert.equal(r.code, 0, after + r.stdout);
    assert.equal(count(after, /^\s*WSGIDaemonProcess\s/), 1, after);
    assert.equal(count(after, /^\s*WSGIDaemonProcess shop threads=15$/), 1, after);
    assert.equal(count(after, /^\s*WSGIProcessGroup shop$/), 1, after);
    assert.doesNotMatch(after, /Deamon/);
    assert.deepEqual(errorsAfter(f), []);
  }
});

test('fixes of one rule that are right alone and wrong together are applied one at a time', () => {
  // Each embedded-mode fix alone adds "WSGIDaemonProcess shop"; all three at once would define it three times.
  const text = [
    'WSGIScriptAlias /a /srv/shop/wsgi.py',
    '<VirtualHost *:80>',
    '    ServerName a.example.com',
    '    WSGIScriptAlias /b /srv/shop/wsgi.py',
    '</VirtualHost>',
    '<VirtualHost *:81>',
    '    ServerName b.example.com',
    '    WSGIScriptAlias /c /srv/shop/wsgi.py',
    '</VirtualHost>',
    '',
  ].join('\n');
  const f = tempFile('site.conf', text);
  const r = lint('--fix', f);
  const after = fs.readFileSync(f, 'utf8');
  assert.equal(r.code, 0, after + r.stdout);
  assert.equal(count(after, /^\s*WSGIDaemonProcess shop$/), 1, after);
  assert.deepEqual(errorsAfter(f), []);
});

test('a fix may reveal an error another fix repairs; the result may not keep an error the config did not have', () => {
  const site = (daemon: string) => `${daemon}\nWSGIProcessGroup shop\nWSGIScriptAlias / /srv/shop/wsgi.py\n<Directory /srv/shop>\n    Require all granted\n</Directory>\n`;
  // The typo fix lets the option check see 'thread=15', whose own fix makes it 'threads=15': both are kept.
  const f = tempFile('site.conf', site('WSGIDeamonProcess shop thread=15'));
  assert.equal(lint('--fix', f).code, 0);
  assert.match(fs.readFileSync(f, 'utf8'), /^WSGIDaemonProcess shop threads=15$/m);
  assert.deepEqual(errorsAfter(f), []);
  // Here the revealed error has no fix: the typo fix would trade one error for a new one, so it is not made.
  const g = tempFile('site.conf', site('WSGIDeamonProcess shop bogusopt=1'));
  assert.equal(lint('--fix', g).code, 1);
  assert.equal(fs.readFileSync(g, 'utf8'), site('WSGIDeamonProcess shop bogusopt=1'));
  assert.deepEqual(errorsAfter(g), ['unknown-directive']);
});

test('no edit on a line that has a parse problem (its own repair turned off)', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.apache-wsgi.json'), JSON.stringify({ rules: { 'unterminated-quote': 'off' } }));
  const text = 'WSGIDeamonProcess shop "threads=15\nWSGIDeamonProcess blog threads=2\n';
  const f = path.join(dir, 'site.conf');
  fs.writeFileSync(f, text);
  lint('--fix', f);
  // The typo on the unreadable line stays; the same typo on a readable line is fixed.
  assert.equal(fs.readFileSync(f, 'utf8'), 'WSGIDeamonProcess shop "threads=15\nWSGIDaemonProcess blog threads=2\n');
});

test('--fix on a symlinked site writes its target and keeps the link', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'sites-available'));
  fs.mkdirSync(path.join(dir, 'sites-enabled'));
  const target = path.join(dir, 'sites-available', 'shop.conf');
  const link = path.join(dir, 'sites-enabled', 'shop.conf');
  fs.symlinkSync('../sites-available/shop.conf', link);
  fs.writeFileSync(path.join(dir, 'apache2.conf'), 'IncludeOptional sites-enabled/*.conf\n');
  const expected = fixedPlain(UNUSED).toString('utf8');
  assert.match(expected, /^WSGIProcessGroup shop$/m);
  for (const root of [link, path.join(dir, 'apache2.conf')]) {
    fs.writeFileSync(target, UNUSED);
    fs.chmodSync(target, 0o640);
    const r = lint('--fix', root);
    assert.equal(r.stderr, '');
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a link');
    assert.equal(fs.readlinkSync(link), '../sites-available/shop.conf');
    assert.equal(fs.readFileSync(target, 'utf8'), expected);
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'sites-available')), ['shop.conf'], 'no temporary file left behind');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'sites-enabled')), ['shop.conf']);
  }
});

test('--fix keeps the file mode whatever the umask', () => {
  const f = tempFile('site.conf', UNUSED);
  fs.chmodSync(f, 0o664);
  const r = spawnSync('sh', ['-c', `umask 027; exec "${process.execPath}" "${LINT_BIN}" --fix "${f}"`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(fs.readFileSync(f, 'utf8'), fixedPlain(UNUSED).toString('utf8'));
  assert.notEqual(fs.readFileSync(f, 'utf8'), UNUSED);
  assert.equal(fs.statSync(f).mode & 0o777, 0o664);
});

test('a file that is not valid UTF-8: same findings, and --fix keeps every byte outside its edits', () => {
  // Latin-1 comments (each high byte is one undecodable sequence here) around a config that --fix changes.
  const text = '# Caf\xe9 du coin \xab shop \xbb\n' + UNUSED + '# \xff\xfe\xc3 end\n';
  const original = Buffer.from(text, 'latin1');
  const f = tempFile('site.conf', original);
  const codes = (file: string) => (JSON.parse(lint('--format', 'json', file).stdout) as Array<{ code: string; line: number }>).map((x) => `${x.line} ${x.code}`);
  assert.deepEqual(codes(f), codes(tempFile('site.conf', original.toString('utf8'))), 'findings as for the text decoded');
  const r = lint('--fix', f);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  // The same file with '~' for each high byte, fixed, then the bytes put back: what --fix must have written.
  const high = [...text].filter((c) => c > '\x7f');
  let k = 0;
  const expected = fixedPlain(text.replace(/[\x80-\xff]/g, '~')).toString('latin1').replace(/~/g, () => high[k++]);
  assert.equal(k, high.length, 'every placeholder is still there');
  assert.notEqual(expected, text, 'the fixes changed something');
  assert.deepEqual(fs.readFileSync(f), Buffer.from(expected, 'latin1'));
});

test('a fix that would copy or drop undecodable bytes is held back with a note; the rest still apply', () => {
  const original = Buffer.from('WSGIDaemonProcess shop # caf\xe9\nWSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n', 'latin1');
  const f = tempFile('site.conf', original);
  const r = lint('--fix', f);
  assert.match(r.stderr, /site\.conf: not valid UTF-8; fixes that would touch its undecodable bytes were not applied/);
  const after = fs.readFileSync(f);
  assert.ok(after.includes(Buffer.from('WSGIDaemonProcess shop # caf\xe9\n', 'latin1')), 'the line with the byte is untouched');
  assert.ok(!after.includes(Buffer.from('\uFFFD')), 'no replacement character written');
  assert.ok(after.length > original.length, 'the other fixes were applied');
  assert.equal(r.code, 1, 'the trailing comment is still an error');
});

// Python files are fixed by the same writer: byte-exact, or not written with a note.
const UPPER = 'class Upper:\n    def __call__(self, environ, start_response):\n        for data in self.app(environ, start_response):\n            yield data\n';

test('a Python file in Latin-1: fixed byte-exactly around its comment, or left alone when a fix would move it', () => {
  const header = '# -*- coding: latin-1 -*-\n# Caf\xe9\n';
  const f = tempFile('middleware.py', Buffer.from(header + UPPER, 'latin1'));
  const r = lint('--fix', f);
  assert.equal(r.stderr, '');
  // The same code in UTF-8 without the header, fixed: the reference.
  const twin = tempFile('middleware.py', UPPER);
  lint('--fix', twin);
  assert.deepEqual(fs.readFileSync(f), Buffer.concat([Buffer.from(header, 'latin1'), fs.readFileSync(twin)]));
  assert.notDeepEqual(fs.readFileSync(twin), Buffer.from(UPPER));

  // The fix rewrites the loop, so a Latin-1 byte inside it could not be kept: nothing is written.
  const inside = Buffer.from(UPPER.replace('yield data', 'yield data  # caf\xe9'), 'latin1');
  const g = tempFile('middleware.py', inside);
  const s = lint('--fix', '--format', 'json', g);
  assert.match(s.stderr, /middleware\.py: not valid UTF-8, and the fixes would change bytes that cannot be decoded; not written/);
  assert.deepEqual(fs.readFileSync(g), inside);
  assert.ok((JSON.parse(s.stdout) as Array<{ code: string }>).some((x) => x.code === 'wsgi-middleware-close'), 'findings of the file as it stays');
});

test('a lone CR is a blank to Apache, not a line end: lines a fix inserts go after the LF, never inside the directive', () => {
  // Apache reads 'WSGIDaemonProcess shop\r# note' as one line; the editor shows two.
  const f = tempFile('cr.conf', 'WSGIDaemonProcess shop\r# note\nWSGIScriptAlias / /srv/shop/wsgi.py\n<Directory /srv/shop>\n    Require all granted\n</Directory>\n');
  lint('--fix', f);
  const fixed = fs.readFileSync(f, 'utf8');
  const lines = fixed.split('\n');
  assert.ok(lines.includes('WSGIProcessGroup shop'), fixed);
  assert.ok(!/\r[^\n]*WSGIProcessGroup|WSGIProcessGroup[^\n]*\r/.test(fixed), `an inserted line shares an Apache line with other words: ${JSON.stringify(fixed)}`);
  assert.deepEqual(errorsAfter(f), []);
});

test('--fix ends an Alias target with a slash and drops a WSGI mount point\'s: Django\'s static files and a sub-URL app', () => {
  const site = [
    '<VirtualHost *:80>',
    '    ServerName shop.example.com',
    '    WSGIDaemonProcess shop',
    '    WSGIProcessGroup shop',
    '    WSGIScriptAlias /shop/ /srv/shop/shop/wsgi.py',
    '    Alias /static/ "/srv/shop/static"',
    '    <Directory /srv/shop>',
    '        Require all granted',
    '    </Directory>',
    '</VirtualHost>',
    '',
  ].join('\n');
  const f = tempFile('shop.conf', site);
  const before = JSON.parse(lint('--format', 'json', f).stdout) as Array<{ code: string; line: number }>;
  assert.deepEqual(before.filter((x) => x.code === 'alias-trailing-slash').map((x) => x.line), [5, 6]);
  lint('--fix', f);
  assert.equal(fs.readFileSync(f, 'utf8'), site.replace('/shop/ /srv', '/shop /srv').replace('"/srv/shop/static"', '"/srv/shop/static/"'));
});

test('--fix grants the static files directory an Alias serves (alias-access), once for the directory', () => {
  const site = 'WSGIScriptAlias / /srv/shop/shop/wsgi.py\nAlias /static/ /srv/shop/static/\nAlias /favicon.ico /srv/shop/static/favicon.ico\n<Directory /srv/shop/shop>\n    Require all granted\n</Directory>\n';
  const f = tempFile('static.conf', site);
  const before = JSON.parse(lint('--format', 'json', f).stdout) as Array<{ code: string; line: number }>;
  assert.deepEqual(before.filter((x) => x.code === 'alias-access').map((x) => x.line), [2, 3]);
  lint('--fix', f);
  const after = fs.readFileSync(f, 'utf8');
  // (other rules fix the embedded mode too; this block is alias-access's, once for both aliases)
  assert.ok(after.includes('favicon.ico\n<Directory /srv/shop/static>\n    Require all granted\n</Directory>\n'), after);
  assert.equal(after.split('<Directory /srv/shop/static>').length, 2, after);
  assert.deepEqual((JSON.parse(lint('--format', 'json', f).stdout) as Array<{ code: string }>).filter((x) => x.code === 'alias-access'), []);
});
