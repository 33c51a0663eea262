// Debian enables a site by a symlink sites-enabled/x.conf → ../sites-available/x.conf. The user opens the file in
// sites-available; the server tree reads it through the link. The open document must get the tree's findings,
// computed from its unsaved text, on its own URI; navigation and the group explanation work from it too.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, ExecuteCommandRequest, type Location } from 'vscode-languageserver-protocol/node';
import { withServer } from '../helpers/lsp-client';

const BLOG = '<VirtualHost *:80>\n    ServerName blog.example.com\n    WSGIScriptAlias / /srv/blog/wsgi.py process-group=blog\n' +
  '    <Directory /srv/blog>\n        Require all granted\n    </Directory>\n</VirtualHost>\n';

function makeServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-links-'));
  const root = path.join(dir, 'etc', 'apache2');
  for (const d of ['conf-enabled', 'sites-available', 'sites-enabled']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(root, 'apache2.conf'), 'Listen 80\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n');
  fs.writeFileSync(path.join(root, 'conf-enabled', 'daemons.conf'), 'WSGIDaemonProcess blog threads=5\n');
  fs.writeFileSync(path.join(root, 'sites-available', 'blog.conf'), BLOG);
  fs.symlinkSync('../sites-available/blog.conf', path.join(root, 'sites-enabled', 'blog.conf'));
  return { dir, root, blog: path.join(root, 'sites-available', 'blog.conf'), daemons: path.join(root, 'conf-enabled', 'daemons.conf') };
}

const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code));

test('a site opened by its sites-available path is analysed in the server that enables it through a symlink', async () => {
  const ws = makeServer();
  await withServer(ws.dir, async (client) => {
    const blog = pathToFileURL(ws.blog).href;
    const daemons = pathToFileURL(ws.daemons).href;
    await client.open(daemons, fs.readFileSync(ws.daemons, 'utf8'), 1);
    await client.open(blog, BLOG, 1);
    // Alone, blog.conf would get a warning: it uses a group no WSGIDaemonProcess in it defines.
    const first = await client.waitForDiagnostics(blog, () => true);
    assert.deepEqual(codes(first), [], 'the group defined in conf-enabled/ is seen');
    assert.ok(!client.published(pathToFileURL(path.join(ws.root, 'sites-enabled', 'blog.conf')).href).length, 'nothing is published on the link path');

    // Navigation from the opened path reaches the other file of the server.
    const pos = { line: 2, character: BLOG.split('\n')[2].indexOf('blog', 30) + 1 };
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: blog }, position: pos })) as Location[] | null;
    assert.deepEqual((defs ?? []).map((l) => l.uri), [daemons]);

    // The tree reads the document's unsaved text through the link, not the disk: the group becomes unused.
    await client.replace(blog, BLOG.replace('process-group=blog', 'process-group=blgo'), 2);
    const edited = await client.waitForDiagnostics(blog, (p) => p.version === 2);
    const undefinedGroup = edited.diagnostics.find((d) => d.code === 'wsgi-undefined-process-group');
    assert.ok(undefinedGroup, `got ${codes(edited)}`);
    assert.match(String(undefinedGroup.message), /the server configuration/);
    assert.equal(undefinedGroup.severity, 1, 'an error, not the lone-file warning');
    await client.waitForDiagnostics(daemons, (p) => codes(p).includes('wsgi-daemon-unused'));

    // The group explanation of the alias under the cursor comes from the whole server.
    await client.replace(blog, BLOG, 3);
    await client.waitForDiagnostics(blog, (p) => p.version === 3 && p.diagnostics.length === 0);
    const explained = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'apacheWsgi.server.effectiveProcessGroup',
      arguments: [{ uri: blog, position: { line: 2, character: 8 } }],
    })) as Record<string, unknown>;
    assert.equal(explained.mode, 'daemon', JSON.stringify(explained));
    assert.match((explained.details as string[]).join('\n'), /conf-enabled\/daemons\.conf:1/);
  });
});

test('a document opened through a link gets the findings of the tree that reads its target, from its unsaved text', async () => {
  const ws = makeServer();
  // The server reads sites-available/blog.conf itself; the user opens the sites-enabled link.
  fs.writeFileSync(path.join(ws.root, 'apache2.conf'), 'Listen 80\nIncludeOptional conf-enabled/*.conf\nInclude sites-available/blog.conf\n');
  await withServer(ws.dir, async (client) => {
    const link = pathToFileURL(path.join(ws.root, 'sites-enabled', 'blog.conf')).href;
    await client.open(link, BLOG, 1);
    assert.deepEqual(codes(await client.waitForDiagnostics(link, () => true)), []);
    await client.replace(link, BLOG.replace('process-group=blog', 'process-group=blgo'), 2);
    const edited = await client.waitForDiagnostics(link, (p) => p.version === 2);
    const d = edited.diagnostics.find((x) => x.code === 'wsgi-undefined-process-group');
    assert.ok(d && /the server configuration/.test(String(d.message)), `got ${codes(edited)}`);
  });
});
