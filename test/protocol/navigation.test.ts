// Hover, completion and navigation through the real bundled server over LSP, in a temporary workspace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  SemanticTokensRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp-client';

const SITE = [
  '# Shop site',
  '# served by mod_wsgi',
  'Define ROOT /srv/shop',
  'Include conf/extra.conf',
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess shop processes=2 threads=15',
  '    WSGIProcessGroup shop',
  '    WSGIScriptAlias / app/wsgi.py process-group=shop application-group=%{GLOBAL}',
  '    ',
  '</VirtualHost>',
  '',
].join('\n');

/** Position of the n-th occurrence of `find`, plus `delta` characters. */
function at(find: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = SITE.indexOf(find, i + 1);
  assert.ok(i >= 0, find);
  const before = SITE.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('hover, completion, definition, references, rename, outline, folding, links, selection, tokens over LSP', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apache-wsgi-nav-'));
  fs.mkdirSync(path.join(dir, 'conf'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'conf', 'extra.conf'), 'Listen 8080\n');
  fs.writeFileSync(path.join(dir, 'app', 'wsgi.py'), 'def application(environ, start_response): pass\n');
  const client = new LspClient('stdio');
  try {
    const init = await client.initialize({ folder: dir });
    const caps = init.capabilities;
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('='));
    assert.deepEqual(caps.semanticTokensProvider?.legend.tokenTypes, ['class', 'variable', 'enumMember']);

    const uri = pathToFileURL(path.join(dir, 'site.conf')).href;
    await client.open(uri, SITE, 1);
    const doc = { textDocument: { uri } };
    const send = client.connection.sendRequest.bind(client.connection);

    const hover = await send(HoverRequest.type, { ...doc, position: at('threads=15', 2) });
    assert.match((hover!.contents as MarkupContent).value, /\*\*`threads=`\*\*.*Request threads/s);
    const groupHover = await send(HoverRequest.type, { ...doc, position: at('WSGIProcessGroup shop', 18) });
    assert.match((groupHover!.contents as MarkupContent).value, /Daemon process group `shop`[\s\S]*line 7/);

    const completion = (await send(CompletionRequest.type, { ...doc, position: at('processes=2 threads', 12) })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((i) => i.label === 'python-home='));
    assert.ok(!items.some((i) => i.label === 'threads='));

    const defs = await send(DefinitionRequest.type, { ...doc, position: at('process-group=shop', 15) });
    assert.deepEqual(defs, [{ uri, range: { start: at('shop processes'), end: at('shop processes', 4) } }]);

    const refs = await send(ReferencesRequest.type, { ...doc, position: at('shop processes', 1), context: { includeDeclaration: true } });
    assert.deepEqual(refs!.map((r) => r.range.start), [at('shop processes'), at('WSGIProcessGroup shop', 17), at('shop application')]);

    const prep = await send(PrepareRenameRequest.type, { ...doc, position: at('WSGIProcessGroup shop', 18) });
    assert.deepEqual(prep, { range: { start: at('WSGIProcessGroup shop', 17), end: at('WSGIProcessGroup shop', 21) }, placeholder: 'shop' });
    await assert.rejects(send(PrepareRenameRequest.type, { ...doc, position: at('%{GLOBAL}', 3) }), /expands itself/);

    const edit = await send(RenameRequest.type, { ...doc, position: at('shop processes', 1), newName: 'store' });
    const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'apacheconf', 1, SITE), edit!.changes![uri] as TextEdit[]);
    assert.equal(renamed, SITE.replace('WSGIDaemonProcess shop', 'WSGIDaemonProcess store').replace('WSGIProcessGroup shop', 'WSGIProcessGroup store').replace('process-group=shop', 'process-group=store'));

    const symbols = (await send(DocumentSymbolRequest.type, doc)) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['ROOT', 'shop.example.com (*:80)']);
    assert.deepEqual(symbols[1].children!.map((s) => s.name), ['shop', '/ → app/wsgi.py']);

    const folds = await send(FoldingRangeRequest.type, doc);
    assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine, f.kind]), [[0, 1, 'comment'], [4, 9, 'region']]);

    const links = await send(DocumentLinkRequest.type, doc);
    assert.deepEqual(links!.map((l) => l.target), [pathToFileURL(path.join(dir, 'conf', 'extra.conf')).href, pathToFileURL(path.join(dir, 'app', 'wsgi.py')).href]);

    const [selection] = (await send(SelectionRangeRequest.type, { ...doc, positions: [at('threads=15', 9)] }))!;
    assert.deepEqual([selection.range.start, selection.range.end], [at('threads=15', 8), at('threads=15', 10)]);
    assert.deepEqual(selection.parent?.range.start, at('threads=15'));

    const tokens = await send(SemanticTokensRequest.type, doc);
    assert.equal(tokens!.data.length, 5 * 5, 'ROOT, three shops and %{GLOBAL}');
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an <If> condition over LSP: its error published with a rename fix, %{ completes its variables, hover explains one', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    const uri = 'file:///tmp/apache-wsgi-expr/site.conf';
    const text = `<If "%{HTTP_HOTS} == 'shop.example.com'">\n    Require all granted\n</If>\n<If "%{">\n</If>\n<If "%{REMOTE_ADDR} -ipmatch '10.0.0.0/8'">\n</If>\n`;
    const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'expression-syntax'));
    await client.open(uri, text, 1);
    const diagnostics = (await published).diagnostics.filter((d) => d.code === 'expression-syntax');
    assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } });
    assert.match(diagnostics[0].message as string, /no variable %\{HTTP_HOTS\}/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } })) as CodeAction[];
    const rename = actions.find((a) => a.title === "Change 'HTTP_HOTS' to 'HTTP_HOST'");
    assert.deepEqual(rename?.edit?.changes?.[uri], [{ range: diagnostics[0].range, newText: 'HTTP_HOST' }]);
    const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 7 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((i) => i.label === 'REQUEST_URI' && (i.textEdit as TextEdit).newText === 'REQUEST_URI}'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } });
    assert.match((hover!.contents as MarkupContent).value, /\*\*`%\{REMOTE_ADDR\}`\*\* — expression variable/);
    assert.deepEqual(hover!.range, { start: { line: 5, character: 5 }, end: { line: 5, character: 19 } });
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('requests for unknown documents get empty answers', async () => {
  const client = new LspClient('stdio');
  try {
    await client.initialize();
    const doc = { textDocument: { uri: 'file:///never/opened.conf' } };
    const position = { line: 0, character: 0 };
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { ...doc, position }), null);
    assert.deepEqual(await client.connection.sendRequest(CompletionRequest.type, { ...doc, position }), []);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, doc), []);
  } finally {
    await client.stop();
  }
});
