// The VS Code side is thin: start the bundled language server over IPC for Apache config documents.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'apacheconf' }],
    synchronize: {
      configurationSection: 'apacheWsgi',
      // Included files change on disk too; the server re-reads the trees that contain them.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{conf,load,vhost,htaccess}'),
    },
    // In restricted mode the server analyses single files only and follows no Include.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('apacheWsgi', 'Apache WSGI', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
