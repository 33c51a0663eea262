// The real server, typing into a long config with incremental didChange notifications: it re-analyses each version
// from the one before (re-parsing around the edit, keeping the other sections' findings), so what it publishes for
// each version must be exactly the diagnostics of that text analysed from scratch. Outline requests in between make
// the server build analyses whose findings are never read before the next edit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp-client';
import { analyzeText } from '../../server/service';
import { diagnosticsOf } from '../../server/features/diagnostics';
import { LineIndex } from '../../server/syntax/positions';

const host = (i: number) =>
  [
    '<VirtualHost *:80>',
    `    ServerName site${i}.example.com`,
    `    WSGIDaemonProcess site${i} processes=2 threads=15`,
    `    WSGIProcessGroup site${i}`,
    `    WSGIScriptAlias / /srv/site${i}/wsgi.py`,
    '</VirtualHost>',
    '',
  ].join('\n');

const START = Array.from({ length: 40 }, (_, i) => host(i)).join('');

/** An edit as the editor sends it: a range of the current text and what replaces it. */
interface Edit {
  find: string;
  replace: string;
  /** Wait for this version's diagnostics before the next edit (otherwise the next edit follows at once). */
  wait: boolean;
}

const EDITS: Edit[] = [
  { find: 'threads=15', replace: 'threads=16', wait: true },
  { find: 'site3.example.com', replace: 'site3.example.comx', wait: false },
  { find: 'site3.example.comx', replace: 'site3.example.co', wait: true },
  // A second host of the same name: a finding that joins two sections.
  { find: 'site7.example.com', replace: 'site25.example.com', wait: true },
  { find: '    WSGIProcessGroup site12\n', replace: '', wait: true },
  { find: 'processes=2 threads=15\n    WSGIProcessGroup site20', replace: 'processes=two threads=15\n    WSGIProcessGroup site20', wait: false },
  { find: '<VirtualHost *:80>\n    ServerName site30', replace: 'Define SUFFIX x\n<VirtualHost *:80>\n    ServerName site30', wait: true },
  { find: 'WSGIScriptAlias / /srv/site33/wsgi.py', replace: 'WSGIScriptAlias / /srv/site33/wsgi.py bogus=1', wait: false },
  // An unclosed section: the rest of the file is inside it until it is closed again.
  { find: '</VirtualHost>\n<VirtualHost *:80>\n    ServerName site35', replace: '\n<VirtualHost *:80>\n    ServerName site35', wait: true },
  { find: '\n<VirtualHost *:80>\n    ServerName site35', replace: '</VirtualHost>\n<VirtualHost *:80>\n    ServerName site35', wait: true },
];

test('typing into a long config: every published version has the diagnostics of its text analysed afresh', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    const uri = 'file:///tmp/incremental/sites.conf';
    let text = START;
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const texts = new Map<number, string>([[1, text]]);
    let version = 1;
    for (const e of EDITS) {
      const at = text.indexOf(e.find);
      assert.ok(at >= 0, `edit ${JSON.stringify(e.find)} does not apply`);
      const lines = new LineIndex(text);
      version++;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + e.find.length) }, text: e.replace }],
      });
      text = text.slice(0, at) + e.replace + text.slice(at + e.find.length);
      texts.set(version, text);
      // The outline reads the syntax only: an analysis whose findings the next edit may never ask for.
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      if (e.wait) await client.waitForDiagnostics(uri, (p) => p.version === version);
    }
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const published = client.published(uri);
    assert.ok(published.length >= EDITS.filter((e) => e.wait).length + 1);
    for (const p of published) {
      const at = texts.get(p.version!)!;
      assert.deepEqual(p.diagnostics, JSON.parse(JSON.stringify(diagnosticsOf(analyzeText(uri, at)))), `version ${p.version}`);
    }
    // The edits changed what was found (a duplicate name, a missing process group, a bad option value …).
    assert.notDeepEqual(published[published.length - 1].diagnostics, published[0].diagnostics);
  } finally {
    await client.stop();
  }
});
