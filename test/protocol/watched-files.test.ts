// Files changed on disk (outside the editor) reach the server as workspace/didChangeWatchedFiles: the open files
// of the server that includes them are re-checked against the new disk state. Covers an included config and
// Debian's envvars (a variable in an Include path).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { withServer } from '../helpers/lsp-client';

const SITE = '<VirtualHost *:80>\n    ServerName shop.example.com\n    WSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n    <Directory /srv/shop>\n        Require all granted\n    </Directory>\n</VirtualHost>\n';

function makeServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-watch-'));
  const root = path.join(dir, 'etc', 'apache2');
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    return path.join(root, rel);
  };
  write('apache2.conf', 'Listen 80\nInclude groups-${FLAVOUR}/daemons.conf\nIncludeOptional sites-enabled/*.conf\n');
  write('envvars', 'export FLAVOUR=a\n');
  write('groups-a/daemons.conf', 'WSGIDaemonProcess shop threads=5\n');
  write('groups-b/daemons.conf', 'WSGIDaemonProcess shops threads=5\n');
  return { dir, write, site: write('sites-enabled/shop.conf', SITE) };
}

const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code));
const undefinedGroup = (p: { diagnostics: Array<{ code?: unknown }> }) => codes(p).includes('wsgi-undefined-process-group');

test('an included file or envvars changed on disk refreshes the open files of that server', async () => {
  const ws = makeServer();
  await withServer(ws.dir, async (client) => {
    const site = pathToFileURL(ws.site).href;
    await client.open(site, SITE, 1);
    const first = await client.waitForDiagnostics(site, () => true);
    assert.deepEqual(codes(first), [], 'shop is defined in groups-a/daemons.conf, chosen by envvars');

    // The included file (not open) renames its group on disk.
    const changed = ws.write('groups-a/daemons.conf', 'WSGIDaemonProcess shop2 threads=5\n');
    const before = client.published(site).length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(changed).href, type: FileChangeType.Changed }] });
    await client.waitForDiagnostics(site, (p) => client.published(site).indexOf(p) >= before && undefinedGroup(p));

    ws.write('groups-a/daemons.conf', 'WSGIDaemonProcess shop threads=5\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(changed).href, type: FileChangeType.Changed }] });
    await client.waitForDiagnostics(site, (p) => client.published(site).indexOf(p) > before && !undefinedGroup(p));

    // envvars now picks groups-b, which defines 'shops', not 'shop'.
    const after = client.published(site).length;
    const envvars = ws.write('envvars', 'export FLAVOUR=b\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(envvars).href, type: FileChangeType.Changed }] });
    const p = await client.waitForDiagnostics(site, (q) => client.published(site).indexOf(q) >= after && undefinedGroup(q));
    assert.match(String(p.diagnostics.find((d) => d.code === 'wsgi-undefined-process-group')!.message), /Did you mean 'shops'/);
  });
});
