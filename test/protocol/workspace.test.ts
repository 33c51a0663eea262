// A site file is analysed in the context of the server that includes it, and an edit in one file refreshes the
// diagnostics of the other files of that server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, withServer } from '../helpers/lsp-client';

function makeServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-ws-'));
  const root = path.join(dir, 'etc', 'apache2');
  fs.mkdirSync(path.join(root, 'sites-enabled'), { recursive: true });
  fs.writeFileSync(path.join(root, 'apache2.conf'), 'Listen 80\nIncludeOptional sites-enabled/*.conf\n');
  fs.writeFileSync(path.join(root, 'sites-enabled', 'daemons.conf'), 'WSGIDaemonProcess shop threads=5\n');
  fs.writeFileSync(path.join(root, 'sites-enabled', 'shop.conf'), 'WSGIScriptAlias / /srv/shop/wsgi.py\n');
  return { dir, daemons: path.join(root, 'sites-enabled', 'daemons.conf'), shop: path.join(root, 'sites-enabled', 'shop.conf') };
}

test('cross-file findings refresh when another file of the server changes', async () => {
  const ws = makeServer();
  await withServer(ws.dir, async (client) => {
    const daemons = pathToFileURL(ws.daemons).href;
    const shop = pathToFileURL(ws.shop).href;
    await client.open(daemons, fs.readFileSync(ws.daemons, 'utf8'), 1);
    await client.waitForDiagnostics(daemons, (p) => p.diagnostics.some((d) => d.code === 'wsgi-daemon-unused'));

    // Delegate to the group from the other file, unsaved: the daemon file's warning goes away.
    await client.open(shop, fs.readFileSync(ws.shop, 'utf8'), 1);
    await client.replace(shop, 'WSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n', 2);
    await client.waitForDiagnostics(daemons, (p) => p.diagnostics.every((d) => d.code !== 'wsgi-daemon-unused'));
  });
});

test('in an untrusted workspace only the file itself is analysed', async () => {
  const ws = makeServer();
  fs.writeFileSync(ws.shop, 'WSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n');
  const client = new LspClient('stdio');
  try {
    await client.initialize({ folder: ws.dir, initializationOptions: { trusted: false } });
    const daemons = pathToFileURL(ws.daemons).href;
    await client.open(daemons, fs.readFileSync(ws.daemons, 'utf8'), 1);
    const p = await client.waitForDiagnostics(daemons, () => true);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['wsgi-daemon-unused'], 'the user in shop.conf is not seen');
  } finally {
    await client.stop();
  }
});
