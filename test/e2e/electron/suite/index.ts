// Runs inside the VS Code that @vscode/test-electron starts (see ../run.test.ts): the e2e scenarios through the
// VS Code API. `vscode` is required inside run(), so that loading this file outside VS Code (npm test's glob
// loads every file under out/test) does nothing.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as vscodeTypes from 'vscode';

async function until<T>(what: string, read: () => T | Promise<T>, accept: (v: T) => boolean, timeoutMs = 30000): Promise<T> {
  let last: T;
  for (const end = Date.now() + timeoutMs; ; ) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: timed out; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function run(): Promise<void> {
  const vscode = require('vscode') as typeof vscodeTypes;
  const ws = process.env.APACHE_WSGI_E2E_WS!;
  const uri = vscode.Uri.file(path.join(ws, 'apache2/sites-available/shop.conf'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'apacheconf');

  // Problems: our finding, and none from the rule .vscode/settings.json turns off.
  const diagnostics = await until('diagnostics', () => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'wsgi-daemon-unused'));
  assert.ok(!diagnostics.some((d) => d.code === 'wsgi-python-home'));

  // Hover: the directive's documentation with its official page.
  const hovers = await vscode.commands.executeCommand<vscodeTypes.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 8));
  const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(hoverText, /WSGIDaemonProcess name \[option=value/);
  assert.ok(hoverText.includes('https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIDaemonProcess.html'));

  // Quick fix: the preferred action of wsgi-daemon-unused inserts WSGIProcessGroup.
  const unused = diagnostics.find((d) => d.code === 'wsgi-daemon-unused')!;
  const actions = await vscode.commands.executeCommand<vscodeTypes.CodeAction[]>('vscode.executeCodeActionProvider', uri, unused.range);
  const fix = actions.find((a) => a.title === "Insert 'WSGIProcessGroup shop' after it")!;
  assert.ok(fix?.edit && fix.isPreferred);
  assert.ok(actions.some((a) => a.title === 'Ignore wsgi-daemon-unused for this line' && !a.isPreferred));
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.ok(doc.getText().includes('python-home=/srv/shop/venv/lib/python3.11\n    WSGIProcessGroup shop\n    WSGIScriptAlias'));
  await until('findings after the fix', () => vscode.languages.getDiagnostics(uri), (d) => !d.some((x) => x.code === 'wsgi-daemon-unused'));

  // Commands: all contributed; the server's answer for the alias.
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['showEffectiveProcessGroup', 'restartServer', 'insertDaemonMode', 'touchWsgiScript', 'checkWithApache']) assert.ok(commands.includes(`apacheWsgi.${id}`), id);
  const answer = await vscode.commands.executeCommand<{ summary: string }>('apacheWsgi.server.effectiveProcessGroup', { uri: uri.toString(), position: { line: 6, character: 6 } });
  assert.match(answer.summary, /runs in daemon process group 'shop'/);

  // Snippet completion: the daemon-mode virtual host.
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((e) => e.insert(end, '\nwsgi-vhost'));
  const at = doc.lineAt(doc.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscodeTypes.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
  const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'wsgi-vhost')!;
  assert.ok(item?.insertText instanceof vscode.SnippetString, 'the snippet is offered');
  await editor.insertSnippet(item.insertText as vscodeTypes.SnippetString, new vscode.Range(at.translate(0, -'wsgi-vhost'.length), at));
  assert.match(doc.getText(), /WSGIDaemonProcess app processes=2 threads=15[^\n]*\n\s+WSGIProcessGroup app/);
}
