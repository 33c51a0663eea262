// The language client: vscode-languageclient and what it needs. Bundled apart (dist/client.js) and required by
// extension.ts after activate() has returned, so the library's ~300 KB are not loaded inside VS Code's activation.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { WATCHED_GLOB } from './watch';

export type { LanguageClient };

/** Creates the client for the bundled server (dist/server.js over IPC); the caller starts it. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Config files, envvars, and the WSGI scripts aliases point at (a script created, deleted or saved changes findings).
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_GLOB);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Python: WSGI scripts and middleware get the Python rules (server/python); .wsgi files may have no language.
    documentSelector: [{ language: 'apacheconf' }, { language: 'python' }, { pattern: '**/*.wsgi' }],
    synchronize: {
      configurationSection: 'apacheWsgi',
      // Included files change on disk too; the server re-reads the trees that contain them.
      fileEvents: watcher,
    },
    // In restricted mode the server analyses single files only and follows no Include (read again on restart).
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: output,
  };
  return new LanguageClient('apacheWsgi', 'Apache WSGI', serverOptions, clientOptions);
}
