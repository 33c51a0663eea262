// The real server, over both transports: diagnostics for a broken config, a quick fix applied, re-checked.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp-client';

const BROKEN = [
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess shop threads=15',
  '    WSGIScriptAlias / /srv/shop/wsgi.py',
  '    <Directory /srv/shop>',
  '        Require all granted',
  '</VirtualHost>',
  '',
].join('\n');

for (const transport of ['stdio', 'ipc'] as const) {
  test(`server over ${transport}: diagnostics, quick fix, re-check`, async () => {
    const client = new LspClient(transport);
    try {
      const init = await client.initialize();
      assert.equal(init.serverInfo?.name, 'apache-wsgi-language-server');
      assert.ok(init.capabilities.codeActionProvider);

      const uri = `file:///tmp/${transport}/site.conf`;
      await client.open(uri, BROKEN, 1);
      const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const codes = first.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
      assert.deepEqual(codes.sort(), ['syntax-error@7', 'wsgi-daemon-unused@3', 'wsgi-embedded-mode@4'].sort());
      const syntax = first.diagnostics.find((d) => d.code === 'syntax-error')!;
      assert.match(String(syntax.message), /Expected <\/Directory> but saw <\/VirtualHost>/);
      assert.equal(syntax.source, 'apache-wsgi');

      // Ask for code actions on the unused daemon line and apply the preferred one.
      const unused = first.diagnostics.find((d) => d.code === 'wsgi-daemon-unused')!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: unused.range,
        context: { diagnostics: [unused] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.title.includes('WSGIProcessGroup shop'));
      assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.kind, 'quickfix');
      const edits = fix.edit!.changes![uri] as TextEdit[];
      const doc = TextDocument.create(uri, 'apacheconf', 1, BROKEN);
      const fixed = TextDocument.applyEdits(doc, edits);
      assert.equal(fixed, BROKEN.replace('threads=15\n', 'threads=15\n    WSGIProcessGroup shop\n'));

      await client.replace(uri, fixed, 2);
      const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(second.diagnostics.map((d) => d.code), ['syntax-error']);

      // The mismatched close tag has an exact fix too.
      const [mismatch] = second.diagnostics;
      const actions2 = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: mismatch.range,
        context: { diagnostics: [mismatch] },
      })) as CodeAction[];
      // </VirtualHost> closes the <Directory> inside it as well: the fix writes that </Directory> out.
      const change = actions2.find((a) => a.title === 'Close </Directory> first');
      assert.ok(change, `actions: ${actions2.map((a) => a.title).join(', ')}`);
      const fixed2 = TextDocument.applyEdits(TextDocument.create(uri, 'apacheconf', 2, fixed), change.edit!.changes![uri]);
      assert.ok(fixed2.endsWith('        Require all granted\n    </Directory>\n</VirtualHost>\n'), fixed2);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
}

test('rapid edits: the last state wins and nothing stale is published after it', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    const uri = 'file:///tmp/rapid.conf';
    await client.open(uri, '<VirtualHost *:80>\n', 1);
    for (let v = 2; v <= 60; v++) await client.replace(uri, v % 2 ? '<VirtualHost *:80>\n' : 'Listen 80\n', v);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 60);
    assert.deepEqual(last.diagnostics, []);
    const versions = client.published(uri).map((p) => p.version ?? 0);
    assert.equal(versions[versions.length - 1], 60);
  } finally {
    await client.stop();
  }
});

test('requests for unknown documents are answered, and the server keeps serving', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'file:///never/opened.conf' },
      range: { start: { line: 99, character: 0 }, end: { line: 100, character: 5 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    await client.open('file:///tmp/ok.conf', 'Listen 80\n');
    const p = await client.waitForDiagnostics('file:///tmp/ok.conf', () => true);
    assert.deepEqual(p.diagnostics, []);
  } finally {
    await client.stop();
  }
});
