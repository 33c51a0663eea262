// A Python document through the real bundled server: Python diagnostics and quick fixes, hover on WSGI names,
// and no Apache features (completion, semantic tokens …) leaking into the Python editor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  SemanticTokensRequest,
  type CodeAction,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../../helpers/lsp-client';
import { errorNodes } from './python-table';

const MIDDLEWARE = [
  'class Upper:',
  '    def __call__(self, environ, start_response):',
  "        if environ.get('mod_wsgi.process_group'):",
  '            pass',
  '        for data in self.app(environ, start_response):',
  '            yield data',
  '',
].join('\n');

test('a Python document over LSP: diagnostics, quick fix, hover, nothing Apache-only', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    // An untitled buffer: only the languageId says it is Python.
    const uri = 'untitled:Untitled-7';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text: MIDDLEWARE } });
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.source]),
      [
        ['wsgi-middleware-close', 4, 20, 'apache-wsgi'],
        ['wsgi-middleware-close-chained', 4, 20, 'apache-wsgi'],
      ],
    );

    const close = published.diagnostics[0];
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: close.range, context: { diagnostics: [close] } })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred && a.title.startsWith('Close the response'));
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, MIDDLEWARE), preferred.edit!.changes![uri] as TextEdit[]);
    assert.match(fixed, /finally:\n {12}if hasattr\(iterable, 'close'\):\n {16}iterable\.close\(\)\n$/);
    assert.deepEqual(errorNodes(fixed), []);

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 25 } });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*mod_wsgi\.process_group\*\*/);
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 19 } });
    assert.equal(none, null);

    // Apache completion and semantic tokens must not answer in a Python editor.
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 12 } });
    assert.deepEqual(Array.isArray(items) ? items : (items?.items ?? []), []);
    assert.equal(await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }), null);
  } finally {
    await client.stop();
  }
});
