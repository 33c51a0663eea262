// The VS Code side is thin: start the bundled language server over IPC for Apache config documents, and register
// the palette commands (client/commands.ts), which ask the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Apache WSGI', { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    // Python: WSGI scripts and middleware get the Python rules (server/python); .wsgi files may have no language.
    documentSelector: [{ language: 'apacheconf' }, { language: 'python' }, { pattern: '**/*.wsgi' }],
    synchronize: {
      configurationSection: 'apacheWsgi',
      // Included files change on disk too; the server re-reads the trees that contain them.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{conf,load,vhost,htaccess}'),
    },
    // In restricted mode the server analyses single files only and follows no Include (read again on restart).
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: output,
  };
  client = new LanguageClient('apacheWsgi', 'Apache WSGI', serverOptions, clientOptions);
  registerCommands(context, () => client, output);
  // Granting trust enables whole-server analysis and the configtest command: the server learns it on restart.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  // Not awaited: activation ends here (the budget is 50 ms), the server initialises in the background.
  client.start().catch((err) => output.error(`apache-wsgi: the language server did not start: ${String(err)}`));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
