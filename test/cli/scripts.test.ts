// The CLI reads the WSGI scripts behind WSGIScriptAlias: at their absolute path, else by their trailing path
// segments under the working directory (test/fixtures/scripts: a Debian-style server with its scripts in srv/).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint } from '../helpers/cli';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/scripts');

interface Finding {
  file: string;
  line: number;
  code: string;
  severity: string;
  message: string;
}

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-scripts-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const lint = (cwd: string, ...args: string[]) => runLint(['--no-config', ...args], cwd);

const SCRIPT_RULES = new Set(['wsgi-script-missing', 'wsgi-callable-missing', 'django-settings-setdefault']);
const summary = (out: Finding[]) => out.filter((f) => SCRIPT_RULES.has(f.code)).map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`);

test('a server tree and a script: findings on the alias lines and on the script, each with its path', () => {
  const ws = copyFixture();
  const r = lint(ws, '--format', 'json', 'etc/apache2/apache2.conf', 'srv/catalog/catalog/wsgi.py');
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Finding[];
  assert.deepEqual(summary(out), [
    'etc/apache2/sites-enabled/catalog.conf:3 warning django-settings-setdefault',
    'etc/apache2/sites-enabled/journal.conf:3 error wsgi-callable-missing',
    'etc/apache2/sites-enabled/journal.conf:4 warning wsgi-script-missing',
    'srv/catalog/catalog/wsgi.py:7 warning django-settings-setdefault',
  ]);
  const missing = out.find((f) => f.code === 'wsgi-script-missing')!;
  assert.match(missing.message, /'\/srv\/journal\/feeds\.wsgi' not found: there is no \/srv\/journal\/feeds\.wsgi on this machine, and no file named 'feeds\.wsgi' is under /);
  // From another directory the scripts are out of reach: the tree alone says nothing about them.
  const elsewhere = lint(fs.mkdtempSync(path.join(os.tmpdir(), 'awl-empty-')), '--format', 'json', path.join(ws, 'etc/apache2/apache2.conf'));
  assert.deepEqual(summary(JSON.parse(elsewhere.stdout)), []);
});

test('--fix gives the Django app its own daemon group and names the Flask callable; the script is then fine', () => {
  const ws = copyFixture();
  lint(ws, '--fix', 'etc/apache2/apache2.conf', 'srv/catalog/catalog/wsgi.py');
  const catalog = fs.readFileSync(path.join(ws, 'etc/apache2/sites-enabled/catalog.conf'), 'utf8');
  assert.match(catalog, /\n    WSGIDaemonProcess catalog python-home=\/srv\/venv threads=5\n    WSGIScriptAlias \/ \/srv\/catalog\/catalog\/wsgi\.py process-group=catalog\n/);
  assert.match(fs.readFileSync(path.join(ws, 'etc/apache2/sites-enabled/journal.conf'), 'utf8'), /WSGIScriptAlias \/labs \/srv\/labs\/labs\/app\.wsgi callable-object=app\n/);
  assert.equal(fs.readFileSync(path.join(ws, 'srv/catalog/catalog/wsgi.py'), 'utf8'), fs.readFileSync(path.join(FIXTURE, 'srv/catalog/catalog/wsgi.py'), 'utf8'), 'the config fix made the script fix unnecessary');
  const again = JSON.parse(lint(ws, '--format', 'json', 'etc/apache2/apache2.conf', 'srv/catalog/catalog/wsgi.py').stdout) as Finding[];
  assert.deepEqual(summary(again), ['etc/apache2/sites-enabled/journal.conf:4 warning wsgi-script-missing']);
});

test('a script linted alone is judged by the config files under the working directory, each read alone', () => {
  const ws = copyFixture();
  // catalog.conf alone: the catalog runs embedded, alone in this file: nothing to say.
  assert.deepEqual(summary(JSON.parse(lint(ws, '--format', 'json', 'srv/catalog/catalog/wsgi.py').stdout)), []);
  // A project's own deploy config that puts two apps in one embedded process: the script is warned about it.
  fs.mkdirSync(path.join(ws, 'deploy'));
  fs.writeFileSync(path.join(ws, 'deploy/apache.conf'), 'WSGIScriptAlias /catalog /srv/catalog/catalog/wsgi.py\nWSGIScriptAlias /journal /srv/journal/journal.wsgi\n');
  const out = JSON.parse(lint(ws, '--format', 'json', 'srv/catalog/catalog/wsgi.py').stdout) as Finding[];
  assert.deepEqual(summary(out), ['srv/catalog/catalog/wsgi.py:7 warning django-settings-setdefault']);
  assert.match(out.find((f) => f.code === 'django-settings-setdefault')!.message, /'\/catalog' of the main server \(outside any <VirtualHost>\), in .*deploy\/apache\.conf, shares Apache's own processes \(embedded mode\) with '\/journal'/);
});

test('scripts at absolute paths: found where they are, missing under a missing directory or under a file', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-abs-'));
  fs.mkdirSync(path.join(ws, 'srv/shop'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'srv/shop/wsgi.py'), 'def application(environ, start_response):\n    return []\n');
  fs.writeFileSync(path.join(ws, 'srv/plain'), 'x');
  const conf = path.join(ws, 'site.conf');
  const aliases = ['/shop srv/shop/wsgi.py', '/blog srv/blog/blog.wsgi', '/wiki srv/gone/deeper/wiki.wsgi', '/plain srv/plain/plain.wsgi', '/again srv/blog/other.wsgi'];
  fs.writeFileSync(conf, aliases.map((a) => { const [url, file] = a.split(' '); return `WSGIScriptAlias ${url} ${path.join(ws, file)}\n`; }).join(''));
  // Run from the project's folder: a script it does not hold is reported missing (the folder is on its path).
  const r = lint(ws, '--format', 'json', conf);
  const missing = (JSON.parse(r.stdout) as Finding[]).filter((f) => f.code === 'wsgi-script-missing').map((f) => f.line);
  assert.deepEqual(missing, [2, 3, 4, 5]);
});
