// Relations between the sites of one server, through the real bundled server: a daemon group name and a host name
// used by two site files, and the fallback virtual host, all in the order Apache reads the files (glob order by
// name, not the order they were written or listed on disk).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withServer } from '../helpers/lsp-client';

const site = (name: string, extra: string[]) =>
  [
    'WSGIDaemonProcess app threads=5',
    '<VirtualHost *:80>',
    `    ServerName ${name}`,
    ...extra,
    `    WSGIScriptAlias / /srv/${name}/wsgi.py process-group=app`,
    `    <Directory /srv/${name}>`,
    '        Require all granted',
    '    </Directory>',
    '</VirtualHost>',
    '',
  ].join('\n');

const SHOP = site('shop.example.com', []);
const BLOG = site('blog.example.com', ['    ServerAlias www.shop.example.com shop.example.com']);
const DENY_ALL = '<VirtualHost *:80>\n    ServerName default.invalid\n    <Location />\n        Require all denied\n    </Location>\n</VirtualHost>\n';

/** The later-named site is written first, so directory order and creation order disagree with name order. */
function makeServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-cross-'));
  const root = path.join(dir, 'etc', 'apache2');
  fs.mkdirSync(path.join(root, 'sites-enabled'), { recursive: true });
  fs.writeFileSync(path.join(root, 'apache2.conf'), 'Listen 80\nIncludeOptional sites-enabled/*.conf\n');
  const blog = path.join(root, 'sites-enabled', '020-blog.conf');
  const shop = path.join(root, 'sites-enabled', '010-shop.conf');
  fs.writeFileSync(blog, BLOG);
  fs.writeFileSync(shop, SHOP);
  return { dir, root, shop, blog };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

test('duplicate daemon and host names across site files are reported on the one Apache reads second', async () => {
  const ws = makeServer();
  await withServer(ws.dir, async (client) => {
    const shop = pathToFileURL(ws.shop).href;
    const blog = pathToFileURL(ws.blog).href;
    await client.open(blog, BLOG, 1);
    await client.open(shop, SHOP, 1);
    const b = await client.waitForDiagnostics(blog, (p) => p.diagnostics.some((d) => d.code === 'wsgi-duplicate-daemon'));
    assert.deepEqual(codes(b.diagnostics), ['vhost-duplicate-name', 'wsgi-duplicate-daemon']);
    const dup = b.diagnostics.find((d) => d.code === 'wsgi-duplicate-daemon')!;
    assert.equal(dup.range.start.line, 0);
    const name = b.diagnostics.find((d) => d.code === 'vhost-duplicate-name')!;
    const col = BLOG.split('\n')[3].indexOf(' shop.example.com') + 1;
    assert.deepEqual(name.range, { start: { line: 3, character: col }, end: { line: 3, character: col + 16 } }, 'the second alias, not www.shop');
    assert.match(String(name.message), /'shop\.example\.com' is already a name of/);
    // The first-read site has the first host on *:80 (the fallback note) and the first group (the server-wide
    // hardening hint), and no duplicate.
    const s = await client.waitForDiagnostics(shop, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(s.diagnostics), ['vhost-default-fallback', 'wsgi-restrict-embedded']);
    assert.equal(s.diagnostics.find((d) => d.code === 'vhost-default-fallback')!.range.start.line, 1);

    // The repeated identical definition's fix removes it from the file that repeats it, and only there.
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: blog },
      range: dup.range,
      context: { diagnostics: [dup] },
    })) as CodeAction[];
    const remove = actions.find((a) => a.title === 'Remove this repeated definition');
    assert.ok(remove, actions.map((a) => a.title).join(', '));
    assert.deepEqual(Object.keys(remove.edit!.changes!), [blog]);
    const fixed = TextDocument.applyEdits(TextDocument.create(blog, 'apacheconf', 1, BLOG), remove.edit!.changes![blog]);
    assert.equal(fixed, BLOG.replace('WSGIDaemonProcess app threads=5\n', ''));
  });
});

test('the fallback host is the first in glob order: a deny-all 000-default.conf takes that place', async () => {
  const ws = makeServer();
  await withServer(ws.dir, async (client) => {
    const shop = pathToFileURL(ws.shop).href;
    const blog = pathToFileURL(ws.blog).href;
    const deny = pathToFileURL(path.join(ws.root, 'sites-enabled', '000-default.conf')).href;
    await client.open(blog, BLOG, 1);
    await client.open(shop, SHOP, 1);
    await client.waitForDiagnostics(shop, (p) => codes(p.diagnostics).includes('vhost-default-fallback'));

    // A catch-all named to sort last does not help: Apache still reads 010-shop.conf first.
    const zzzFile = path.join(ws.root, 'sites-enabled', 'zzz-default.conf');
    fs.writeFileSync(zzzFile, DENY_ALL);
    const zzz = pathToFileURL(zzzFile).href;
    await client.open(zzz, DENY_ALL, 1);
    const still = await client.waitForDiagnostics(zzz, () => true);
    assert.deepEqual(codes(still.diagnostics), []);
    await client.waitForDiagnostics(shop, (p) => p.diagnostics.some((d) => d.code === 'vhost-default-fallback' && /first of 3 virtual hosts/.test(String(d.message))));

    // Named to sort first, it is the fallback and the site's note goes away.
    fs.writeFileSync(path.join(ws.root, 'sites-enabled', '000-default.conf'), DENY_ALL);
    await client.open(deny, DENY_ALL, 1);
    await client.waitForDiagnostics(shop, (p) => !codes(p.diagnostics).includes('vhost-default-fallback'));
    const d = await client.waitForDiagnostics(deny, () => true);
    assert.deepEqual(codes(d.diagnostics), []);
  });
});
