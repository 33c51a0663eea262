// Reading Apache's configtest verdicts (outputs captured from Debian's apache2 2.4 + mod_wsgi), and running a
// binary safely: argument arrays, exit status, a timeout and an output cap.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWithApache, findApacheBinary, parseConfigtest } from '../../server/features/configtest';

const WARN = '[Tue Nov 24 07:46:56.058916 2026] [so:warn] [pid 7652:tid 7652] AH01574: module wsgi_module is already loaded, skipping';

test('walk-phase error: file and line on the first line, the message on the next', () => {
  const out = `${WARN}\nAH00526: Syntax error on line 1 of /nonexistent/a.conf:\nInvalid command 'WSGIDaemonProces', perhaps misspelled or defined by a module not included in the server configuration\n`;
  assert.deepEqual(parseConfigtest(out), [
    { message: 'AH01574: module wsgi_module is already loaded, skipping', severity: 'warning' },
    { file: '/nonexistent/a.conf', line: 1, message: "Invalid command 'WSGIDaemonProces', perhaps misspelled or defined by a module not included in the server configuration", severity: 'error' },
  ]);
});

test('build-phase errors: the innermost included file and line, and unclosed sections at their opening tag', () => {
  const nested = 'apache2: Syntax error on line 9 of /nonexistent/main.conf: Syntax error on line 1 of /nonexistent/c.conf: Syntax error on line 3 of /nonexistent/c2.conf: Expected </Directory> but saw </Location>';
  assert.deepEqual(parseConfigtest(nested), [{ file: '/nonexistent/c2.conf', line: 3, message: 'Expected </Directory> but saw </Location>', severity: 'error' }]);
  const unclosed = 'apache2: Syntax error on line 9 of /nonexistent/main.conf: Syntax error on line 1 of /nonexistent/b.conf: /nonexistent/b.conf:4: <VirtualHost> was not closed.';
  assert.deepEqual(parseConfigtest(unclosed), [{ file: '/nonexistent/b.conf', line: 4, message: '<VirtualHost> was not closed.', severity: 'error' }]);
});

test('warnings keep their location when they name one; relative files resolve against HTTPD_ROOT', () => {
  const out = [
    '[Tue Nov 24 07:46:56.141697 2026] [core:warn] [pid 7672:tid 7672] AH00111: Config variable ${UNDEF_X} is not defined',
    '[Tue Nov 24 07:46:56.141964 2026] [core:warn] [pid 7672:tid 7672] AH00114: Useless use of AllowOverride in line 5 of sites-enabled/d.conf.',
    'Syntax OK',
  ].join('\n');
  assert.deepEqual(parseConfigtest(out, '/nonexistent/apache2'), [
    { message: 'AH00111: Config variable ${UNDEF_X} is not defined', severity: 'warning' },
    { file: '/nonexistent/apache2/sites-enabled/d.conf', line: 5, message: 'AH00114: Useless use of AllowOverride in line 5 of sites-enabled/d.conf.', severity: 'warning' },
  ]);
});

function fakeApache(dir: string, body: string): string {
  const bin = path.join(dir, 'apachectl');
  fs.writeFileSync(bin, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return bin;
}

test('a binary that fails: verdict, MPM and version from -V, arguments passed as an array', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-ct-'));
  try {
    const conf = path.join(dir, 'site.conf');
    fs.writeFileSync(conf, 'x\n');
    const bin = fakeApache(
      dir,
      `if [ "$1" = -V ]; then printf 'Server version: Apache/2.4.71 (Debian)\\nServer MPM:     prefork\\n -D HTTPD_ROOT="${dir}"\\n'; exit 0; fi
[ "$#" = 1 ] && [ "$1" = -t ] || { echo "unexpected arguments: $*" >&2; exit 3; }
printf 'AH00526: Syntax error on line 1 of site.conf:\\nWSGIDaemonProcess option "thread" is not recognised\\n' >&2; exit 1`,
    );
    const v = await checkWithApache(bin);
    assert.equal(v.ok, false);
    assert.equal(v.exitCode, 1);
    assert.equal(v.mpm, 'prefork');
    assert.equal(v.version, 'Apache/2.4.71 (Debian)');
    assert.deepEqual(v.problems, [{ file: fs.realpathSync(conf), line: 1, message: 'WSGIDaemonProcess option "thread" is not recognised', severity: 'error' }]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Syntax OK passes; a hanging binary times out; endless output is cut; a missing binary is reported', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-ct-'));
  try {
    const ok = await checkWithApache(fakeApache(dir, `[ "$1" = -t ] && echo 'Syntax OK' >&2; exit 0`));
    assert.deepEqual([ok.ok, ok.problems], [true, []]);
    const hang = await checkWithApache(fakeApache(dir, 'exec sleep 30'), { timeoutMs: 300 });
    assert.equal(hang.ok, false);
    assert.match(hang.problems.at(-1)!.message, /did not finish within 0.3 s/);
    const loud = await checkWithApache(fakeApache(dir, 'exec yes AH00000: noise'), { maxOutput: 64 * 1024 });
    assert.equal(loud.ok, false);
    assert.match(loud.problems.at(-1)!.message, /printed more than 64 KB/);
    assert.ok(loud.output.length < 9 * 1024, 'the output shown is capped');
    const missing = await checkWithApache(path.join(dir, 'no-such-apachectl'));
    assert.match(missing.problems[0].message, /cannot run .*no-such-apachectl \(ENOENT\)/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the binary: the configured one, else the first known name on PATH', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-ct-'));
  try {
    assert.equal(findApacheBinary('/opt/custom/httpd', ''), '/opt/custom/httpd');
    fs.writeFileSync(path.join(dir, 'httpd'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'apachectl'), 'not executable\n', { mode: 0o644 });
    // apachectl comes first, but this one is not executable.
    assert.equal(findApacheBinary(undefined, dir, []), path.join(dir, 'httpd'));
    assert.equal(findApacheBinary(undefined, '', []), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
