// WSGI script paths through the real server (test/fixtures/scripts): the document link, go to definition and hover
// of a WSGIScriptAlias / WSGIImportScript target follow the script lookup the rules use, so a path configured for
// the server (/opt/deploy/…) opens the workspace file that shares its trailing segments, and hover says why when
// there is no single file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DocumentLinkRequest, HoverRequest, type Location, type MarkupContent, type Position } from 'vscode-languageserver-protocol/node';
import { withServer } from '../helpers/lsp-client';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/scripts');

// catalog.conf as edited in the editor: every kind of answer the lookup gives, in one server tree.
const CATALOG = [
  '<VirtualHost *:80>',
  '    ServerName catalog.example.com',
  '    Define DEPLOY /opt/deploy',
  '    WSGIScriptAlias / ${DEPLOY}/catalog/catalog/wsgi.py',
  '    WSGIImportScript /opt/deploy/labs/labs/app.wsgi process-group=sites application-group=%{GLOBAL}',
  '    WSGIScriptAlias /old /var/www/catalog/wsgi.py',
  '    WSGIScriptAlias /feeds /srv/journal/feeds.wsgi',
  '    WSGIScriptAlias /cgi/ /srv/catalog/cgi/',
  '    WSGIScriptAlias /x ${NOWHERE}/x.wsgi',
  '</VirtualHost>',
  '',
].join('\n');

function at(find: string, delta = 0): Position {
  const i = CATALOG.indexOf(find);
  assert.ok(i >= 0, find);
  const before = CATALOG.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('script paths link to, go to and describe the file the script lookup resolves them to', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-scriptnav-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  // A second catalog/wsgi.py: /var/www/catalog/wsgi.py shares as much with it as with the real one.
  fs.mkdirSync(path.join(dir, 'backup/catalog'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'backup/catalog/wsgi.py'), 'application = None\n');
  const catalogPath = path.join(dir, 'etc/apache2/sites-enabled/catalog.conf');
  const uri = pathToFileURL(catalogPath).href;
  const wsgi = path.join(dir, 'srv/catalog/catalog/wsgi.py');
  const labs = path.join(dir, 'srv/labs/labs/app.wsgi');
  await withServer(dir, async (client) => {
    await client.open(uri, fs.readFileSync(catalogPath, 'utf8'), 1);
    await client.replace(uri, CATALOG, 2);
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const send = client.connection.sendRequest.bind(client.connection);
    const doc = { textDocument: { uri } };

    // Links: the two resolved scripts, nothing for the ambiguous, missing, directory and unknown-variable paths.
    const links = (await send(DocumentLinkRequest.type, doc)) ?? [];
    const linked = links.map((l) => [l.range.start.line, new URL(l.target!).pathname]);
    assert.deepEqual(linked, [
      [3, wsgi],
      [4, labs],
    ]);
    assert.deepEqual(links[0].range, { start: at('${DEPLOY}'), end: at('wsgi.py', 7) });

    // Go to definition opens the file; from `${DEPLOY}` it still goes to the Define.
    const def = async (find: string, delta: number) => ((await send(DefinitionRequest.type, { ...doc, position: at(find, delta) })) ?? []) as Location[];
    assert.deepEqual((await def('/catalog/catalog', 3)).map((l) => new URL(l.uri).pathname), [wsgi]);
    assert.deepEqual((await def('/opt/deploy/labs', 3)).map((l) => new URL(l.uri).pathname), [labs]);
    assert.deepEqual((await def('${DEPLOY}', 3)).map((l) => l.range.start.line), [2]);
    assert.deepEqual(await def('/var/www', 3), []);
    assert.deepEqual(await def('/srv/journal/feeds', 3), []);

    // Hover says which file, or why none.
    const hover = async (find: string) => ((await send(HoverRequest.type, { ...doc, position: at(find, 3) }))?.contents as MarkupContent | undefined)?.value ?? '';
    const found = await hover('/catalog/catalog');
    assert.match(found, new RegExp(`^\\*\\*Script:\\*\\* \`${wsgi}\``));
    assert.match(found, /shares `catalog\/catalog\/wsgi\.py` with the configured path/);
    assert.match(found, /script-path/, 'the argument description follows');
    assert.match(await hover('/opt/deploy/labs'), /labs\/labs\/app\.wsgi/);
    const ambiguous = await hover('/var/www');
    assert.match(ambiguous, /2 workspace files match the configured path equally well/);
    assert.ok(ambiguous.includes(path.join(dir, 'backup/catalog/wsgi.py')) && ambiguous.includes(wsgi), ambiguous);
    assert.match(await hover('/srv/journal/feeds'), /Script not found:\*\* `\/srv\/journal\/feeds\.wsgi`.* no file of that name under/);
    assert.match(await hover('/srv/catalog/cgi'), /Script not looked for:\*\* `\/srv\/catalog\/cgi\/` is a directory/);
    assert.match(await hover('/x.wsgi'), /`\$\{NOWHERE\}` has no value we know here/);
  });
});
