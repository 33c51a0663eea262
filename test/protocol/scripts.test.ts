// The WSGI scripts behind WSGIScriptAlias through the real server: findings on the config and on the Python
// file (test/fixtures/scripts: three applications sharing one daemon group), refreshed when either is edited.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, withServer } from '../helpers/lsp-client';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/scripts');

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-scripts-ws-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const file = (rel: string) => ({ path: path.join(dir, rel), uri: pathToFileURL(path.join(dir, rel)).href, text: fs.readFileSync(path.join(dir, rel), 'utf8') });
  return {
    dir,
    catalog: file('etc/apache2/sites-enabled/catalog.conf'),
    journal: file('etc/apache2/sites-enabled/journal.conf'),
    wsgi: file('srv/catalog/catalog/wsgi.py'),
    labs: file('srv/labs/labs/app.wsgi'),
  };
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

/** The first publication for `uri` after the `after`-th one that satisfies `accept`. */
function next(client: LspClient, uri: string, after: number, accept: (p: PublishDiagnosticsParams) => boolean) {
  return client.waitForDiagnostics(uri, (p) => client.published(uri).indexOf(p) >= after && accept(p));
}

test('config and script see each other, and an edit of either refreshes the other', async () => {
  const ws = workspace();
  await withServer(ws.dir, async (client) => {
    await client.open(ws.catalog.uri, ws.catalog.text, 1);
    await client.open(ws.journal.uri, ws.journal.text, 1);
    await client.open(ws.wsgi.uri, ws.wsgi.text, 1);
    const conf = await client.waitForDiagnostics(ws.catalog.uri, (p) => codes(p).includes('django-settings-setdefault'));
    const onAlias = conf.diagnostics.find((d) => d.code === 'django-settings-setdefault')!;
    assert.equal(onAlias.severity, 2);
    assert.deepEqual(onAlias.range, { start: { line: 2, character: 22 }, end: { line: 2, character: 50 } });
    const journal = await client.waitForDiagnostics(ws.journal.uri, (p) => codes(p).includes('wsgi-callable-missing') && codes(p).includes('wsgi-script-missing'));
    assert.equal(journal.diagnostics.find((d) => d.code === 'wsgi-callable-missing')!.range.start.line, 2);
    const py = await client.waitForDiagnostics(ws.wsgi.uri, (p) => codes(p).includes('django-settings-setdefault'));
    const onScript = py.diagnostics.find((d) => d.code === 'django-settings-setdefault')!;
    assert.equal(onScript.severity, 2, 'a warning: a config in view shares its process');
    assert.match(String(onScript.message), /'\/' of 'catalog\.example\.com' \(<VirtualHost \*:80>\), in .*catalog\.conf, shares daemon group 'sites'/);

    // The Flask script gains `application` (unsaved): the config's error goes away.
    await client.open(ws.labs.uri, ws.labs.text, 1);
    let seen = client.published(ws.journal.uri).length;
    await client.replace(ws.labs.uri, ws.labs.text + '\napplication = app\n', 2);
    await next(client, ws.journal.uri, seen, (p) => !codes(p).includes('wsgi-callable-missing') && codes(p).includes('wsgi-script-missing'));

    // The catalog gets a daemon group of its own (unsaved): the script's warning goes away.
    seen = client.published(ws.wsgi.uri).length;
    const own = ws.catalog.text.replace('    WSGIScriptAlias / /srv/catalog/catalog/wsgi.py', '    WSGIDaemonProcess catalog\n    WSGIScriptAlias / /srv/catalog/catalog/wsgi.py process-group=catalog');
    await client.replace(ws.catalog.uri, own, 2);
    await next(client, ws.wsgi.uri, seen, (p) => !codes(p).includes('django-settings-setdefault'));
  });
});

test('untrusted: scripts and configs inside the folder are read, each config alone; an unserved script gets information', async () => {
  const ws = workspace();
  const lone = path.join(ws.dir, 'srv/other/other/wsgi.py');
  fs.mkdirSync(path.dirname(lone), { recursive: true });
  fs.writeFileSync(lone, ws.wsgi.text);
  const client = new LspClient('stdio');
  try {
    await client.initialize({ folder: ws.dir, initializationOptions: { trusted: false } });
    await client.open(ws.journal.uri, ws.journal.text, 1);
    const journal = await client.waitForDiagnostics(ws.journal.uri, () => true);
    assert.ok(codes(journal).includes('wsgi-callable-missing'), JSON.stringify(codes(journal)));
    // catalog.conf read alone serves the catalog from a process of its own (no tree: the shared group is not seen).
    await client.open(ws.wsgi.uri, ws.wsgi.text, 1);
    const served = await client.waitForDiagnostics(ws.wsgi.uri, () => true);
    assert.deepEqual(served.diagnostics.filter((d) => d.code === 'django-settings-setdefault'), []);
    // No config serves the copy: information, saying so.
    const loneUri = pathToFileURL(lone).href;
    await client.open(loneUri, ws.wsgi.text, 1);
    const unserved = (await client.waitForDiagnostics(loneUri, () => true)).diagnostics.filter((d) => d.code === 'django-settings-setdefault');
    assert.deepEqual(unserved.map((d) => d.severity), [3]);
    assert.match(String(unserved[0].message), /Could not see a configuration that serves this script/);
  } finally {
    await client.stop();
  }
});
