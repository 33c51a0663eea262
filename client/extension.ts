// The VS Code side is thin: start the bundled language server over IPC for Apache config documents, and register
// the palette commands (client/commands.ts), which ask the server.
// Activation is kept to what must happen at once (the output channel, the commands): the language client library
// is required and started in the next turn of the event loop (setImmediate), so VS Code's activation of the
// extension (budget 50 ms) does not include loading it. Commands wait for the client.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import type * as Lazy from './language-client';

let started: Promise<Lazy.LanguageClient | undefined> | undefined;
let stopping = false;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Apache WSGI', { log: true });
  context.subscriptions.push(output);
  started = new Promise((resolve) => setImmediate(() => resolve(startClient(context, output))));
  const client = () => started ?? Promise.resolve(undefined);
  registerCommands(context, client, output);
  // Granting trust enables whole-server analysis and the configtest command: the server learns it on restart.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client().then((c) => c?.restart())));
}

/** Loads the client library, then starts the server; resolves once it runs (or has failed to start). */
async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<Lazy.LanguageClient | undefined> {
  if (stopping) return undefined;
  let client: Lazy.LanguageClient | undefined;
  try {
    const t0 = performance.now();
    // dist/client.js in the bundle (scripts/build.mjs), ./language-client when compiled by tsc.
    const { createClient } = require('./language-client') as typeof Lazy;
    client = createClient(context, output);
    // The e2e (test/e2e/driver.mjs) reads this line next to VS Code's own activation figure.
    output.info(`language client loaded in ${(performance.now() - t0).toFixed(1)} ms, after activation`);
    await client.start();
  } catch (err) {
    output.error(`apache-wsgi: the language server did not start: ${String(err)}`);
  }
  return client;
}

export async function deactivate(): Promise<void> {
  stopping = true;
  const client = await started;
  if (client?.needsStop()) await client.stop();
}
