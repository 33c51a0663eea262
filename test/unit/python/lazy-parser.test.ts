// The bundles load the Python parser (dist/python-parser.js, scripts/build.mjs) on their first Python file only:
// configuration-only CLI runs and server sessions never compile it nor decode its tables, and a Python file still
// gets the parser and its findings. A preload script reports at exit whether the parser file was loaded.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../helpers/lsp-client';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'bin/apache-wsgi-lint.js');
const PARSER = path.join(ROOT, 'dist/python-parser.js');

async function withReporter(fn: (preload: string) => void | Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-lazy-'));
  const preload = path.join(dir, 'report.js');
  fs.writeFileSync(preload, `process.on('exit', () => process.stderr.write('\\npython parser loaded: ' + (${JSON.stringify(PARSER)} in require.cache) + '\\n'));\n`);
  try {
    await fn(preload);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lint(preload: string, file: string): { stdout: string; loaded: boolean } {
  const r = spawnSync(process.execPath, ['--require', preload, CLI, '--no-config', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
  const m = /python parser loaded: (true|false)/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return { stdout: r.stdout, loaded: m[1] === 'true' };
}

test('the CLI loads the Python parser for a Python file only', async () => {
  assert.ok(fs.existsSync(PARSER), 'dist/python-parser.js is built');
  await withReporter((preload) => {
    const conf = lint(preload, 'examples/broken-site.conf');
    assert.equal(conf.loaded, false);
    assert.ok(JSON.parse(conf.stdout).length > 0, 'the configuration still gets its findings');

    const py = lint(preload, 'test/fixtures/python/middleware.py');
    assert.equal(py.loaded, true);
    assert.ok(JSON.parse(py.stdout).some((f: { code: string }) => f.code.startsWith('wsgi-middleware')), py.stdout);
  });
});

/** A server started with the preload (NODE_OPTIONS reaches the child; this test file runs in a process of its own). */
function serverWith(preload: string): LspClient {
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --require ${preload}`.trim();
  try {
    return new LspClient('stdio');
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
}

async function loadedAfter(preload: string, open: (c: LspClient) => Promise<void>): Promise<boolean> {
  const client = serverWith(preload);
  await client.initialize();
  await open(client);
  await client.stop();
  const m = /python parser loaded: (true|false)/.exec(client.stderr.join(''));
  assert.ok(m, client.stderr.join(''));
  return m[1] === 'true';
}

test('the language server loads the Python parser with the first Python document', async () => {
  await withReporter(async (preload) => {
    const confOnly = await loadedAfter(preload, async (c) => {
      await c.open('file:///site.conf', 'ServerName example.com\nWSGIScriptAlias / /nonexistent/app.wsgi\n');
      await c.waitForDiagnostics('file:///site.conf', () => true);
    });
    assert.equal(confOnly, false);

    const withPython = await loadedAfter(preload, async (c) => {
      const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/python/middleware.py'), 'utf8');
      await c.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:Untitled-1', languageId: 'python', version: 1, text } });
      const published = await c.waitForDiagnostics('untitled:Untitled-1', () => true);
      assert.ok(published.diagnostics.length > 0, 'the Python document gets its findings');
    });
    assert.equal(withPython, true);
  });
});
