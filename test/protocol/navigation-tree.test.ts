// Navigation across the files of a server tree, through the real bundled server over LSP: a daemon group defined
// in conf-enabled/ and used by the sites, a Define in one file used in another, a variable from Debian's envvars.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DefinitionRequest, DocumentLinkRequest, HoverRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, type CompletionItem, type CompletionList, type Location, type MarkupContent, type Position, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp-client';

const FILES: Record<string, string> = {
  'apache2.conf': 'ServerRoot "/etc/apache2"\nErrorLog ${APACHE_LOG_DIR}/error.log\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n',
  envvars: 'unset HOME\nexport APACHE_RUN_USER=www-data\nexport APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n',
  'conf-enabled/daemons.conf': '# Groups for every site\nDefine SHOP_ROOT /srv/shop\nWSGIDaemonProcess shop processes=2 threads=15\nWSGIDaemonProcess blog threads=5\nDefine APP blog\n',
  'sites-enabled/blog.conf': '<VirtualHost *:80>\n    ServerName blog.example.com\n    WSGIProcessGroup ${APP}\n    WSGIScriptAlias / /srv/blog/wsgi.py\n</VirtualHost>\n',
  'sites-enabled/shop.conf': [
    '<VirtualHost *:80>',
    '    ServerName shop.example.com',
    '    CustomLog ${APACHE_LOG_DIR}/shop.log combined',
    '    WSGIProcessGroup shop',
    '    WSGIScriptAlias / ${SHOP_ROOT}/wsgi.py process-group=shop',
    '</VirtualHost>',
    '',
  ].join('\n'),
};

function makeServer(): { dir: string; file: (rel: string) => string; uri: (rel: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-navtree-'));
  const root = path.join(dir, 'etc', 'apache2');
  fs.mkdirSync(path.join(dir, 'srv', 'shop'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'srv', 'shop', 'wsgi.py'), 'def application(environ, start_response): pass\n');
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const file = (rel: string) => path.join(root, rel);
  return { dir, file, uri: (rel) => pathToFileURL(file(rel)).href };
}

/** Position of the n-th occurrence of `find` in FILES[rel], plus `delta` characters. */
function at(rel: string, find: string, delta = 0, nth = 0, text = FILES[rel]): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(find, i + 1);
  assert.ok(i >= 0, `${find} in ${rel}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const where = (ws: ReturnType<typeof makeServer>, locs: Location[] | null) =>
  (locs ?? []).map((l) => `${path.relative(ws.file(''), new URL(l.uri).pathname)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

test('definition, references and rename of a daemon group across the files of a server', async () => {
  const ws = makeServer();
  const client = new LspClient('stdio');
  try {
    await client.initialize({ folder: ws.dir });
    const shop = ws.uri('sites-enabled/shop.conf');
    await client.open(shop, FILES['sites-enabled/shop.conf'], 1);
    const send = client.connection.sendRequest.bind(client.connection);
    const doc = { textDocument: { uri: shop } };

    const defs = await send(DefinitionRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18) });
    assert.deepEqual(defs, [{ uri: ws.uri('conf-enabled/daemons.conf'), range: { start: at('conf-enabled/daemons.conf', 'shop processes'), end: at('conf-enabled/daemons.conf', 'shop processes', 4) } }]);

    // References in reading order: conf-enabled/ before sites-enabled/.
    const refs = await send(ReferencesRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'process-group=shop', 15), context: { includeDeclaration: true } });
    assert.deepEqual(where(ws, refs as Location[]), ['conf-enabled/daemons.conf:2:18-22', 'sites-enabled/shop.conf:3:21-25', 'sites-enabled/shop.conf:4:57-61']);

    // A Define in another file, and a variable Debian's envvars exports.
    const varDef = await send(DefinitionRequest.type, { ...doc, position: at('sites-enabled/shop.conf', '${SHOP_ROOT}', 3) });
    assert.deepEqual(where(ws, varDef as Location[]), ['conf-enabled/daemons.conf:1:7-16']);
    const envDef = await send(DefinitionRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'APACHE_LOG_DIR', 2) });
    assert.deepEqual(where(ws, envDef as Location[]), ['envvars:2:7-21']);
    await assert.rejects(send(PrepareRenameRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'APACHE_LOG_DIR', 2) }), /environment \(envvars\)/);

    // Hover and links read the server too: where the group is defined, what envvars exports, a Define'd path.
    const hover = await send(HoverRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18) });
    assert.match((hover!.contents as MarkupContent).value, /Defined by `WSGIDaemonProcess` on `conf-enabled\/daemons\.conf` line 3/);
    const envHover = await send(HoverRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'APACHE_LOG_DIR', 2) });
    assert.match((envHover!.contents as MarkupContent).value, /Exported by `envvars`: `\/var\/log\/apache2`/);
    const completion = (await send(CompletionRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 17) })) as CompletionItem[] | CompletionList;
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    assert.ok(labels.includes('blog') && labels.includes('shop'), labels.join());
    const links = await send(DocumentLinkRequest.type, doc);
    assert.deepEqual(links!.map((l) => l.target), [pathToFileURL(path.join(ws.dir, 'srv/shop/wsgi.py')).href]);

    const prep = await send(PrepareRenameRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18) });
    assert.deepEqual(prep, { range: { start: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 17), end: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 21) }, placeholder: 'shop' });

    const edit = await send(RenameRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18), newName: 'store' });
    const changes = edit!.changes!;
    assert.deepEqual(Object.keys(changes).sort(), [ws.uri('conf-enabled/daemons.conf'), shop].sort());
    const apply = (rel: string) => TextDocument.applyEdits(TextDocument.create(ws.uri(rel), 'apacheconf', 1, FILES[rel]), changes[ws.uri(rel)] as TextEdit[]);
    assert.equal(apply('conf-enabled/daemons.conf'), FILES['conf-enabled/daemons.conf'].replace('WSGIDaemonProcess shop', 'WSGIDaemonProcess store'));
    assert.equal(apply('sites-enabled/shop.conf'), FILES['sites-enabled/shop.conf'].replace('WSGIProcessGroup shop', 'WSGIProcessGroup store').replace('process-group=shop', 'process-group=store'));

    // blog is also reached through ${APP}: renaming the WSGIDaemonProcess alone would cut blog.conf off.
    const daemons = ws.uri('conf-enabled/daemons.conf');
    await client.open(daemons, FILES['conf-enabled/daemons.conf'], 1);
    await assert.rejects(
      send(RenameRequest.type, { textDocument: { uri: daemons }, position: at('conf-enabled/daemons.conf', 'blog threads', 1), newName: 'journal' }),
      /named through a variable in blog\.conf:3/,
    );

    // Unsaved text wins: a use typed into the open daemons.conf is found from shop.conf.
    const edited = FILES['conf-enabled/daemons.conf'] + 'WSGIImportScript /srv/shop/warm.py process-group=shop application-group=%{GLOBAL}\n';
    await client.replace(daemons, edited, 2);
    const after = await send(ReferencesRequest.type, { ...doc, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18), context: { includeDeclaration: false } });
    assert.deepEqual(where(ws, after as Location[]), ['conf-enabled/daemons.conf:5:49-53', 'sites-enabled/shop.conf:3:21-25', 'sites-enabled/shop.conf:4:57-61']);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('in an untrusted workspace navigation stays in the file', async () => {
  const ws = makeServer();
  const client = new LspClient('stdio');
  try {
    await client.initialize({ folder: ws.dir, initializationOptions: { trusted: false } });
    const shop = ws.uri('sites-enabled/shop.conf');
    await client.open(shop, FILES['sites-enabled/shop.conf'], 1);
    const defs = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: shop }, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18) });
    assert.deepEqual(defs, []);
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: shop }, position: at('sites-enabled/shop.conf', 'WSGIProcessGroup shop', 18), newName: 'x' }),
      /not defined in this file/,
    );
  } finally {
    await client.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});
