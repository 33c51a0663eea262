// Check With Installed Apache through LSP, with a fake apache binary (the real one is Debian's event build): the
// summary names the MPM from `-V` and warns only for the worst case, prefork with an app in embedded mode (judged
// in the server tree that includes the document, when there is one).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationRequest, ExecuteCommandRequest, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp-client';

const EMBEDDED = 'WSGIScriptAlias / /srv/shop/wsgi.py\n';
const DAEMON = 'WSGIDaemonProcess shop threads=5\nWSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n';
const PREFORK_WARNING = 'With prefork, an app in embedded mode is loaded into every Apache child process: use daemon mode.';

/** A fake apachectl: `-V` reports the MPM written in the file `mpm`, `-t` says Syntax OK. */
function fakeApache(dir: string): string {
  const bin = path.join(dir, 'apachectl');
  fs.writeFileSync(
    bin,
    `#!/bin/sh
if [ "$1" = -V ]; then printf 'Server version: Apache/2.4.71 (Debian)\\nServer MPM:     %s\\n' "$(cat '${dir}/mpm')"; exit 0; fi
[ "$1" = -t ] && echo 'Syntax OK' >&2
exit 0
`,
    { mode: 0o755 },
  );
  return bin;
}

test('the Check With Installed Apache summary warns for prefork with embedded mode, and only then', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-ctsum-'));
  const bin = fakeApache(dir);
  // A server whose site has the alias alone: the group is chosen at server level in another file.
  fs.mkdirSync(path.join(dir, 'apache2', 'conf-enabled'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'apache2', 'sites-enabled'));
  fs.writeFileSync(path.join(dir, 'apache2', 'apache2.conf'), 'IncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n');
  fs.writeFileSync(path.join(dir, 'apache2', 'conf-enabled', 'wsgi.conf'), 'WSGIDaemonProcess shop threads=5\nWSGIProcessGroup shop\n');
  const inTreeFile = path.join(dir, 'apache2', 'sites-enabled', 'shop.conf');
  fs.writeFileSync(inTreeFile, EMBEDDED);
  const client = new LspClient('stdio');
  let settingsSent!: () => void;
  const configured = new Promise<void>((resolve) => (settingsSent = resolve));
  client.connection.onRequest(ConfigurationRequest.type, (p) => {
    setImmediate(settingsSent);
    return p.items.map((i) => (i.section === 'apacheWsgi' ? { apacheBinary: bin } : null));
  });
  try {
    const folder = pathToFileURL(dir).href;
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: [{ uri: folder, name: 'ws' }],
      initializationOptions: { trusted: true },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    // The answer goes out before anything below: the server has apacheBinary before it sees the documents.
    await configured;
    const embedded = pathToFileURL(path.join(dir, 'embedded.conf')).href;
    const daemon = pathToFileURL(path.join(dir, 'daemon.conf')).href;
    await client.open(embedded, EMBEDDED, 1);
    await client.open(daemon, DAEMON, 1);
    const inTree = pathToFileURL(inTreeFile).href;
    await client.open(inTree, EMBEDDED, 1);
    await client.waitForDiagnostics(daemon, () => true);
    await client.waitForDiagnostics(inTree, () => true);
    const check = async (uri: string, mpm: string) => {
      fs.writeFileSync(path.join(dir, 'mpm'), mpm);
      const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apacheWsgi.server.checkWithApache', arguments: [{ uri }] })) as Record<string, unknown>;
      assert.equal(r.error, undefined);
      return String(r.summary);
    };

    assert.equal(await check(embedded, 'prefork'), `apachectl -t: Syntax OK — Apache/2.4.71 (Debian), MPM prefork. ${PREFORK_WARNING}`);
    assert.equal(await check(daemon, 'prefork'), 'apachectl -t: Syntax OK — Apache/2.4.71 (Debian), MPM prefork');
    assert.equal(await check(embedded, 'event'), 'apachectl -t: Syntax OK — Apache/2.4.71 (Debian), MPM event');
    // The same alias in a server that puts it in a daemon group from another file: no warning.
    assert.equal(await check(inTree, 'prefork'), 'apachectl -t: Syntax OK — Apache/2.4.71 (Debian), MPM prefork');
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
