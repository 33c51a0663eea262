// The server-side commands through LSP (workspace/executeCommand) against the real bundled server, with the
// settings pulled over workspace/configuration and edits applied over workspace/applyEdit, as VS Code does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  ExecuteCommandRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp-client';

interface Session {
  client: LspClient;
  edits: WorkspaceEdit[];
  run(command: string, args: object): Promise<Record<string, unknown>>;
  open(file: string, text: string): Promise<string>;
}

/** Starts the server for a workspace folder, answering settings requests with `settings` (after `answerMs`). */
async function start(folder: string, settings: object = {}, trusted = true, answerMs = 0): Promise<Session> {
  const client = new LspClient('stdio');
  const edits: WorkspaceEdit[] = [];
  client.connection.onRequest(ConfigurationRequest.type, async (p) => {
    if (answerMs) await new Promise((r) => setTimeout(r, answerMs));
    return p.items.map((i) => (i.section === 'apacheWsgi' ? settings : null));
  });
  client.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    edits.push(p.edit);
    return { applied: true };
  });
  const uri = pathToFileURL(folder).href;
  const init = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    capabilities: { workspace: { configuration: true, applyEdit: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    workspaceFolders: [{ uri, name: 'ws' }],
    initializationOptions: { trusted },
  });
  assert.ok(init.capabilities.executeCommandProvider?.commands.includes('apacheWsgi.server.effectiveProcessGroup'));
  await client.connection.sendNotification(InitializedNotification.type, {});
  return {
    client,
    edits,
    run: (command, args) => client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as Promise<Record<string, unknown>>,
    open: async (file, text) => {
      const u = pathToFileURL(file).href;
      await client.open(u, text, 1);
      await client.waitForDiagnostics(u, (p) => p.version === 1);
      return u;
    },
  };
}

function workspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-cmd-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const positionOf = (text: string, needle: string): Position => {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

const EMBEDDED = ['<VirtualHost *:80>', '    ServerName shop.example.com', '    WSGIScriptAlias / /srv/shop/wsgi.py', '</VirtualHost>', ''].join('\n');

test('settings come over workspace/configuration: severity overrides, off, maxProblems', async () => {
  const dir = workspace({});
  const s = await start(dir, { rules: { 'wsgi-embedded-mode': 'error', 'vhost-missing-servername': 'off' }, maxProblems: 1, apacheVersion: '2.4' });
  try {
    const uri = pathToFileURL(path.join(dir, 'site.conf')).href;
    await s.client.open(uri, EMBEDDED.replace('    ServerName shop.example.com\n', '') + 'WSGIDaemonProcess spare\n', 1);
    const p = await s.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'wsgi-embedded-mode' && x.severity === 1));
    assert.equal(p.diagnostics.length, 1, 'maxProblems caps the list');
    assert.ok(!p.diagnostics.some((d) => d.code === 'vhost-missing-servername'));
  } finally {
    await s.client.stop();
  }
});

test('no diagnostics before the settings arrive: a rule turned off never shows, even in the first publish', async () => {
  const dir = workspace({});
  // The client answers the settings request late, as a busy VS Code may: the document is opened before that.
  const s = await start(dir, { rules: { 'wsgi-embedded-mode': 'off' } }, true, 400);
  try {
    const uri = pathToFileURL(path.join(dir, 'site.conf')).href;
    await s.client.open(uri, EMBEDDED, 1);
    const first = await s.client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics.filter((d) => d.code === 'wsgi-embedded-mode'), []);
  } finally {
    await s.client.stop();
  }
});

test('Show Effective Process Group: group, application group and why; whole server when a tree includes the file', async () => {
  const site = [
    '<VirtualHost *:80>',
    '    ServerName shop.example.com',
    '    WSGIScriptAlias / /srv/shop/wsgi.py',
    '    <Directory /srv/shop>',
    '        WSGIProcessGroup shop',
    '    </Directory>',
    '</VirtualHost>',
    '',
  ].join('\n');
  const dir = workspace({
    'apache2/apache2.conf': 'IncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n',
    'apache2/conf-enabled/wsgi.conf': 'WSGIDaemonProcess shop processes=2 threads=15\n',
    'apache2/sites-enabled/shop.conf': site,
    'lone/site.conf': site,
  });
  const s = await start(dir);
  try {
    const inTree = await s.open(path.join(dir, 'apache2/sites-enabled/shop.conf'), site);
    const a = await s.run('apacheWsgi.server.effectiveProcessGroup', { uri: inTree, position: positionOf(site, 'WSGIScriptAlias') });
    assert.equal(a.mode, 'daemon');
    assert.equal(a.processGroup, 'shop');
    assert.equal(a.applicationGroup, 'shop.example.com|');
    assert.equal(a.summary, "WSGIScriptAlias / runs in daemon process group 'shop', application group %{RESOURCE} = 'shop.example.com|'.");
    const details = (a.details as string[]).join('\n');
    assert.match(details, /WSGIProcessGroup shop in <Directory \/srv\/shop> \(apache2\/sites-enabled\/shop\.conf:5\)/);
    assert.match(details, /WSGIDaemonProcess shop is defined at server level \(apache2\/conf-enabled\/wsgi\.conf:1\): processes=2 threads=15/);

    // The same text outside any server tree: the group is not defined in what was read.
    const lone = await s.open(path.join(dir, 'lone/site.conf'), site);
    const b = await s.run('apacheWsgi.server.effectiveProcessGroup', { uri: lone, position: positionOf(site, 'ServerName') });
    assert.equal(b.mode, 'missing-group');
    assert.match(String(b.details), /No WSGIDaemonProcess shop/);

    const none = await s.run('apacheWsgi.server.effectiveProcessGroup', { uri: pathToFileURL(path.join(dir, 'closed.conf')).href, position: { line: 0, character: 0 } });
    assert.equal(none.error, 'Open an Apache configuration file first.');
  } finally {
    await s.client.stop();
  }
});

test('Insert Daemon Mode Configuration: the edit arrives over workspace/applyEdit and makes the alias daemon mode', async () => {
  const dir = workspace({});
  const s = await start(dir);
  try {
    const uri = await s.open(path.join(dir, 'site.conf'), EMBEDDED);
    const r = await s.run('apacheWsgi.server.insertDaemonMode', { uri, position: positionOf(EMBEDDED, '/srv/shop') });
    assert.deepEqual(r, { message: "WSGIScriptAlias / now runs in daemon process group 'shop.example.com'.", applied: true });
    const edits = s.edits[0].changes![uri] as TextEdit[];
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'apacheconf', 1, EMBEDDED), edits);
    assert.equal(
      after,
      EMBEDDED.replace(
        '    WSGIScriptAlias',
        '    WSGIDaemonProcess shop.example.com processes=2 threads=15 display-name=%{GROUP}\n    WSGIProcessGroup shop.example.com\n    WSGIApplicationGroup %{GLOBAL}\n    WSGIScriptAlias',
      ),
    );
    // Already in daemon mode: nothing to insert.
    await s.client.replace(uri, after, 2);
    const again = await s.run('apacheWsgi.server.insertDaemonMode', { uri, position: positionOf(after, 'WSGIScriptAlias') });
    assert.equal(again.applied, false);
    assert.match(String(again.message), /runs in daemon process group 'shop.example.com'.*Nothing to insert/);
    assert.equal(s.edits.length, 1);
  } finally {
    await s.client.stop();
  }
});

test('Touch WSGI Script: only scripts the aliases name, only inside the workspace', async () => {
  const dir = workspace({ 'app/wsgi.py': 'application = None\n' });
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-out-')));
  fs.writeFileSync(path.join(outside, 'wsgi.py'), '');
  const script = path.join(dir, 'app/wsgi.py');
  const conf = `WSGIScriptAlias /app ${script}\nWSGIScriptAlias /other ${path.join(outside, 'wsgi.py')}\n`;
  const old = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(script, old, old);
  const s = await start(dir);
  try {
    const uri = await s.open(path.join(dir, 'site.conf'), conf);
    const r = await s.run('apacheWsgi.server.touchScript', { uri, position: { line: 0, character: 0 } });
    assert.equal(r.touched, script);
    assert.ok(fs.statSync(script).mtimeMs > old.getTime() + 1000, 'mtime moved to now');
    const refused = await s.run('apacheWsgi.server.touchScript', { uri, position: { line: 1, character: 0 } });
    assert.match(String(refused.refused), /is not a file inside the workspace/);
    const foreign = await s.run('apacheWsgi.server.touchScript', { uri, position: { line: 0, character: 0 }, path: '/etc/passwd' });
    assert.match(String(foreign.refused), /not a script a WSGIScriptAlias of this file names/);
  } finally {
    await s.client.stop();
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('code actions offer "Ignore <rule> for this line" for every finding', async () => {
  const dir = workspace({});
  const s = await start(dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'site.conf')).href;
    await s.client.open(uri, EMBEDDED, 1);
    const p = await s.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'wsgi-embedded-mode'));
    const diag = p.diagnostics.find((d) => d.code === 'wsgi-embedded-mode')!;
    const actions = (await s.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore wsgi-embedded-mode for this line')!;
    assert.equal(ignore.isPreferred, false);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'apacheconf', 1, EMBEDDED), ignore.edit!.changes![uri]);
    await s.client.replace(uri, after, 2);
    const second = await s.client.waitForDiagnostics(uri, (d) => d.version === 2);
    assert.ok(!second.diagnostics.some((d) => d.code === 'wsgi-embedded-mode'), JSON.stringify(second.diagnostics));
  } finally {
    await s.client.stop();
  }
});

const APACHE = ['/usr/sbin/apache2', '/etc/apache2/envvars', '/usr/lib/apache2/modules/mod_wsgi.so'];

test('Check With Installed Apache: the real apache2 -t verdict becomes a diagnostic on the reported line', { skip: APACHE.every((f) => fs.existsSync(f)) ? false : 'Debian apache2 + mod_wsgi not installed' }, async () => {
  const site = ['<VirtualHost *:80>', '    ServerName shop.example.com', '    WSGIDaemonProcess shop thread=15', '</VirtualHost>', ''].join('\n');
  const dir = workspace({ 'site.conf': site });
  const run = path.join(dir, 'run');
  fs.mkdirSync(run);
  fs.writeFileSync(
    path.join(run, 'main.conf'),
    [
      'ServerRoot /etc/apache2',
      'Include /etc/apache2/mods-enabled/*.load',
      'Include /etc/apache2/mods-enabled/*.conf',
      '<IfModule !wsgi_module>',
      '    LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so',
      '</IfModule>',
      `ErrorLog ${run}/error.log`,
      `PidFile ${run}/pid`,
      'Listen 127.0.0.1:18099',
      `Mutex file:${run}`,
      `Include ${dir}/site.conf`,
      '',
    ].join('\n'),
  );
  // A wrapper, as a user might configure: Debian's environment plus the config to check.
  const wrapper = path.join(dir, 'apachectl-test');
  fs.writeFileSync(wrapper, `#!/bin/sh\n. /etc/apache2/envvars\nexec /usr/sbin/apache2 -f ${run}/main.conf "$@"\n`, { mode: 0o755 });
  const s = await start(dir, { apacheBinary: wrapper });
  try {
    const uri = await s.open(path.join(dir, 'site.conf'), site);
    const r = await s.run('apacheWsgi.server.checkWithApache', { uri });
    assert.equal(r.ok, false);
    assert.match(String(r.summary), /^apachectl-test -t failed: Invalid option to WSGI daemon process definition\. \(.*site\.conf:3\) — Apache\/2\.4\.\d+ .*MPM \w+/);
    const p = await s.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => String(x.source).includes('apachectl-test -t')));
    const d = p.diagnostics.find((x) => String(x.source).includes('apachectl-test -t'))!;
    assert.deepEqual([d.range, d.message, d.severity], [{ start: { line: 2, character: 4 }, end: { line: 2, character: 36 } }, 'Invalid option to WSGI daemon process definition.', 1]);

    // Fixed on disk and checked again: the verdict is OK and the old diagnostic goes away.
    const fixed = site.replace('thread=15', 'threads=15');
    fs.writeFileSync(path.join(dir, 'site.conf'), fixed);
    await s.client.replace(uri, fixed, 2);
    const ok = await s.run('apacheWsgi.server.checkWithApache', { uri });
    assert.equal(ok.ok, true, String(ok.output));
    assert.match(String(ok.summary), /^apachectl-test -t: Syntax OK/);
    await s.client.waitForDiagnostics(uri, (d) => d.version === 2 && !d.diagnostics.some((x) => String(x.source).includes('-t)')));
  } finally {
    await s.client.stop();
  }
});

test('Check With Installed Apache is refused in an untrusted workspace', async () => {
  const dir = workspace({});
  const s = await start(dir, { apacheBinary: '/bin/false' }, false);
  try {
    const r = await s.run('apacheWsgi.server.checkWithApache', {});
    assert.match(String(r.error), /trusted workspaces only/);
  } finally {
    await s.client.stop();
  }
});
