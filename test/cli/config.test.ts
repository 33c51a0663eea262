// The CLI reads the editor's settings from a project config file: .apache-wsgi.json or package.json's
// "apacheWsgi" key, the nearest one from the linted file upwards, or the one --config names.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint } from '../helpers/cli';

function lint(cwd: string, ...args: string[]) {
  const r = runLint(['--format', 'json', ...args], cwd);
  const findings = r.code === 2 ? [] : (JSON.parse(r.stdout) as Array<{ code: string; severity: string }>);
  return { code: r.code, findings: findings.map((f) => `${f.code}:${f.severity}`), stderr: r.stderr };
}

/** A project: files by relative path; returns its directory. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-cfg-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const SITE = ['WSGIDaemonProcess shop threads=15', 'WSGIScriptAlias / /srv/shop/wsgi.py process-group=%{GLOBAL}', '<Directory /srv/shop>', '    Order allow,deny', '</Directory>', ''].join('\n');
const codes = (r: { findings: string[] }) => r.findings.filter((f) => /^(wsgi-daemon-unused|deprecated-access-control):/.test(f)).sort();

test('without a config file the rules keep their defaults', () => {
  const dir = project({ 'apache/site.conf': SITE });
  assert.deepEqual(codes(lint(dir, 'apache/site.conf')), ['deprecated-access-control:warning', 'wsgi-daemon-unused:warning']);
});

test('.apache-wsgi.json in an ancestor directory: severities and apacheVersion apply', () => {
  const dir = project({
    '.apache-wsgi.json': JSON.stringify({ rules: { 'wsgi-daemon-unused': 'error' }, apacheVersion: '2.2' }),
    'apache/sites/site.conf': SITE,
  });
  const r = lint(path.join(dir, 'apache'), 'sites/site.conf');
  assert.deepEqual(codes(r), ['wsgi-daemon-unused:error']);
  assert.equal(r.code, 1, 'an error raised by the settings fails the run');
});

test("package.json's apacheWsgi key; a package.json without it is passed over", () => {
  const dir = project({
    'package.json': JSON.stringify({ name: 'site', apacheWsgi: { rules: { 'wsgi-daemon-unused': 'off', 'deprecated-access-control': 'hint' } } }),
    'deploy/package.json': JSON.stringify({ name: 'deploy-scripts' }),
    'deploy/site.conf': SITE,
  });
  assert.deepEqual(codes(lint(dir, 'deploy/site.conf')), ['deprecated-access-control:hint']);
});

test('the nearest file wins; --config names one explicitly; --no-config ignores them', () => {
  const dir = project({
    '.apache-wsgi.json': JSON.stringify({ rules: { 'wsgi-daemon-unused': 'off' } }),
    'inner/.apache-wsgi.json': JSON.stringify({ rules: { 'deprecated-access-control': 'off' } }),
    'inner/site.conf': SITE,
    'other.json': JSON.stringify({ rules: { 'wsgi-daemon-unused': 'information' } }),
  });
  assert.deepEqual(codes(lint(dir, 'inner/site.conf')), ['wsgi-daemon-unused:warning']);
  assert.deepEqual(codes(lint(dir, '--config', 'other.json', 'inner/site.conf')), ['deprecated-access-control:warning', 'wsgi-daemon-unused:information']);
  assert.deepEqual(codes(lint(dir, '--no-config', 'inner/site.conf')), ['deprecated-access-control:warning', 'wsgi-daemon-unused:warning']);
});

test('serverRoot and includeSearchPaths from the config file, relative to it', () => {
  const dir = project({
    '.apache-wsgi.json': JSON.stringify({ includeSearchPaths: ['mirror'] }),
    'conf/apache2.conf': 'Include /etc/apache2/conf-enabled/wsgi.conf\nWSGIScriptAlias / /srv/a/wsgi.py process-group=shop\n',
    'mirror/etc/apache2/conf-enabled/wsgi.conf': 'WSGIDaemonProcess shop\n',
  });
  const r = lint(dir, 'conf/apache2.conf');
  assert.ok(!r.findings.some((f) => f.startsWith('include-not-found') || f.startsWith('wsgi-undefined-process-group')), r.findings.join(', '));
  const bare = lint(dir, '--no-config', 'conf/apache2.conf');
  assert.ok(bare.findings.some((f) => f.startsWith('include-not-found')), bare.findings.join(', '));
});

test('bad values are named on stderr and skipped; broken JSON is a usage error (exit 2)', () => {
  const dir = project({ '.apache-wsgi.json': JSON.stringify({ rules: { 'wsgi-daemon-unsued': 'off' } }), 'site.conf': SITE });
  const r = lint(dir, 'site.conf');
  assert.equal(r.code, 0);
  assert.match(r.stderr, /\.apache-wsgi\.json: "rules": unknown rule id 'wsgi-daemon-unsued'/);
  assert.ok(codes(r).includes('wsgi-daemon-unused:warning'));
  fs.writeFileSync(path.join(dir, '.apache-wsgi.json'), '{ "rules": ');
  const broken = lint(dir, 'site.conf');
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /\.apache-wsgi\.json: not valid JSON/);
});

test('ignore comments are honoured by the CLI as by the editor', () => {
  const dir = project({ 'site.conf': '# apache-wsgi: ignore=wsgi-daemon-unused\n' + SITE });
  assert.deepEqual(codes(lint(dir, 'site.conf')), ['deprecated-access-control:warning']);
});
