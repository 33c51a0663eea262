// Acceptance for the mod_wsgi lessons (issue 4), through the real CLI binary: configs with each mistake report
// exactly those findings, and a correct daemon-mode configuration reports nothing. All of these configs pass
// `apache2 -t`; when Apache is installed that is checked too, since passing configtest is the point.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint } from '../helpers/cli';

const LESSONS = path.resolve(__dirname, '../../../test/fixtures/lessons');

const lint = (...args: string[]) => runLint(args);

interface Finding {
  file: string;
  line: number;
  severity: string;
  code: string;
  fixes: Array<{ title: string }>;
}

function findings(...files: string[]): { code: number | null; list: Finding[] } {
  const r = lint('--format', 'json', ...files);
  assert.equal(r.stderr, '');
  return { code: r.code, list: JSON.parse(r.stdout) as Finding[] };
}

test('each mistake is reported once, by its rule, on its line', () => {
  const sites = path.join(LESSONS, 'mistakes/sites.conf');
  const wsgi = path.join(LESSONS, 'mistakes/wsgi.conf');
  const htaccess = path.join(LESSONS, 'mistakes/.htaccess');
  const { code, list } = findings(sites, wsgi, htaccess);
  const got = list.map((f) => `${path.basename(f.file)}:${f.line} ${f.severity} ${f.code}`);
  assert.deepEqual(got, [
    'sites.conf:2 information vhost-default-fallback',
    'sites.conf:7 warning wsgi-embedded-mode',
    'sites.conf:8 warning wsgi-script-alias-order',
    'sites.conf:17 warning trailing-comment',
    'sites.conf:19 warning wsgi-python-home',
    'sites.conf:20 warning wsgi-daemon-unused',
    'sites.conf:24 warning wsgi-undefined-process-group',
    'sites.conf:28 warning deprecated-access-control',
    'sites.conf:35 warning vhost-duplicate-name',
    'sites.conf:36 information wsgi-script-access',
    'sites.conf:36 error wsgi-process-group-inaccessible',
    'sites.conf:39 warning vhost-missing-servername',
    'wsgi.conf:2 warning wsgi-socket-prefix',
    'wsgi.conf:3 hint wsgi-restrict-embedded',
    '.htaccess:2 error htaccess-wsgi',
  ]);
  assert.equal(code, 1, 'errors exit 1');
});

test('a correct daemon-mode configuration reports nothing', () => {
  const r = lint(path.join(LESSONS, 'correct/sites.conf'));
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
});

test('--fix repairs every mistake that has an exact fix, and the result is clean of them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
  const file = path.join(dir, 'sites.conf');
  fs.copyFileSync(path.join(LESSONS, 'mistakes/sites.conf'), file);
  lint('--fix', file);
  const left = findings(file).list.map((f) => f.code);
  // Left: the mistakes whose repair needs a decision only the author can make.
  assert.deepEqual(left.sort(), ['vhost-duplicate-name', 'vhost-missing-servername', 'wsgi-process-group-inaccessible', 'wsgi-undefined-process-group'].sort());
  const fixed = fs.readFileSync(file, 'utf8');
  assert.match(fixed, /^<VirtualHost _default_:80>\n {4}ServerName default\.invalid\n/m);
  assert.match(fixed, /WSGIScriptAlias \/api [^\n]*\n\s+WSGIScriptAlias \/ /);
  assert.match(fixed, /\n {4}# the old name\n {4}ServerAlias www\.blog\.example\.com\n/);
  assert.match(fixed, /python-home=\/srv\/blog\/venv\n/);
  assert.match(fixed, /WSGIDaemonProcess shop [^\n]*\n {4}WSGIProcessGroup shop\n/);
  assert.match(fixed, /process-group=shop\n {4}<Directory \/srv\/status>\n {8}<Files wsgi\.py>\n/);
  assert.match(fixed, /\n {8}Require all granted\n {4}<\/Directory>\n<\/VirtualHost>\n\n<VirtualHost \*:80>\n {4}ServerName status/);
});

const apache = spawnSync('sh', ['-c', 'command -v apache2'], { encoding: 'utf8' }).stdout.trim();

test('all of them pass apache2 -t: these mistakes only show in production', { skip: !apache && 'apache2 is not installed' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-apache-'));
  for (const conf of ['correct/sites.conf', 'mistakes/sites.conf', 'mistakes/wsgi.conf']) {
    const main = path.join(dir, 'main.conf');
    fs.writeFileSync(
      main,
      [
        'ServerRoot /etc/apache2',
        'Include /etc/apache2/mods-available/mpm_event.load',
        'Include /etc/apache2/mods-available/authz_core.load',
        'Include /etc/apache2/mods-available/authz_host.load',
        'Include /etc/apache2/mods-available/access_compat.load',
        'Include /etc/apache2/mods-available/alias.load',
        'Include /etc/apache2/mods-available/mime.load',
        'LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so',
        `ErrorLog ${path.join(dir, 'error.log')}`,
        `PidFile ${path.join(dir, 'pid')}`,
        `Mutex file:${dir}`,
        'ServerName localhost',
        'Listen 127.0.0.1:18099',
        `Include ${path.join(LESSONS, conf)}`,
        '',
      ].join('\n'),
    );
    const r = spawnSync(apache, ['-t', '-f', main], { encoding: 'utf8', env: { ...process.env, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir, APACHE_LOG_DIR: dir, APACHE_RUN_USER: 'www-data', APACHE_RUN_GROUP: 'www-data' } });
    assert.match(r.stderr, /Syntax OK/, `${conf}: ${r.stderr}`);
  }
});
