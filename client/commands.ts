// The palette commands. Each asks the language server (workspace/executeCommand), which holds the analysis, and
// shows the answer; only restarting the server and the trust check happen here. Part of the small activation
// bundle: only types come from vscode-languageclient, and `client()` waits until extension.ts has started it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// Server-side command ids (server/features/commands.ts).
const SERVER = {
  effectiveProcessGroup: 'apacheWsgi.server.effectiveProcessGroup',
  insertDaemonMode: 'apacheWsgi.server.insertDaemonMode',
  touchScript: 'apacheWsgi.server.touchScript',
  checkWithApache: 'apacheWsgi.server.checkWithApache',
};

interface Answer {
  error?: string;
  refused?: string;
  message?: string;
  summary?: string;
  details?: string[];
  touched?: string;
  choices?: Array<{ path: string; url: string }>;
  ok?: boolean;
  output?: string;
}

export function registerCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>, output: vscode.OutputChannel): void {
  const ask = async (command: string, args: object): Promise<Answer | undefined> => {
    const c = await client();
    if (!c?.isRunning()) {
      void vscode.window.showWarningMessage('The Apache WSGI language server is not running.');
      return undefined;
    }
    return (await c.sendRequest('workspace/executeCommand', { command, arguments: [args] })) as Answer;
  };
  const atCursor = async () => {
    const editor = vscode.window.activeTextEditor;
    const c = await client();
    if (!editor || !c) {
      void vscode.window.showWarningMessage('Open an Apache configuration file first.');
      return undefined;
    }
    return { uri: c.code2ProtocolConverter.asUri(editor.document.uri), position: c.code2ProtocolConverter.asPosition(editor.selection.active) };
  };
  const failed = (a: Answer | undefined) => {
    const why = a?.error ?? a?.refused;
    if (why) void vscode.window.showWarningMessage(why);
    return a === undefined || why !== undefined;
  };
  const show = (lines: string[]) => {
    output.appendLine('');
    for (const l of lines) output.appendLine(l);
    output.show(true);
  };
  const register = (id: string, run: () => Promise<unknown>) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('apacheWsgi.showEffectiveProcessGroup', async () => {
    const at = await atCursor();
    const a = at && (await ask(SERVER.effectiveProcessGroup, at));
    if (failed(a)) return;
    const pick = await vscode.window.showInformationMessage(a!.summary ?? '', 'Explain');
    if (pick === 'Explain') show(a!.details ?? []);
  });

  register('apacheWsgi.restartServer', async () => {
    await (await client())?.restart();
  });

  register('apacheWsgi.insertDaemonMode', async () => {
    const at = await atCursor();
    const a = at && (await ask(SERVER.insertDaemonMode, at));
    if (!failed(a) && a!.message) void vscode.window.showInformationMessage(a!.message);
  });

  register('apacheWsgi.touchWsgiScript', async () => {
    const at = await atCursor();
    let a = at && (await ask(SERVER.touchScript, at));
    if (a?.choices) {
      const item = await vscode.window.showQuickPick(a.choices.map((c) => ({ label: c.path, description: c.url })), { placeHolder: a.message });
      if (!item) return;
      a = await ask(SERVER.touchScript, { ...at, path: item.label });
    }
    if (!failed(a) && a!.touched) void vscode.window.showInformationMessage(`Touched ${a!.touched}: mod_wsgi daemon processes reload it on their next request.`);
  });

  register('apacheWsgi.checkWithApache', async () => {
    // Runs a program named by settings: never in a workspace the user has not trusted.
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Check With Installed Apache is available in trusted workspaces only.');
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const uri = editor && (await client())?.code2ProtocolConverter.asUri(editor.document.uri);
    const a = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Running Apache configtest…' }, () =>
      ask(SERVER.checkWithApache, { uri }),
    );
    if (failed(a)) return;
    const message = a!.ok ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    if ((await message(a!.summary ?? '', 'Show Output')) === 'Show Output') show((a!.output ?? '').split('\n'));
  });
}
