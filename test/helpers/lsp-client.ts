// Starts the real bundled language server (dist/server.js) over stdio or IPC and speaks LSP to it.
import { spawn, fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<() => void> = [];
  readonly stderr: string[] = [];

  constructor(transport: 'stdio' | 'ipc') {
    if (transport === 'stdio') {
      this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    } else {
      this.child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      this.connection = createProtocolConnection(new IPCMessageReader(this.child), new IPCMessageWriter(this.child));
    }
    this.child.stderr?.on('data', (d) => this.stderr.push(String(d)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.connection.listen();
  }

  async initialize(options: { folder?: string; initializationOptions?: unknown } = {}): Promise<InitializeResult> {
    const folderUri = options.folder ? pathToFileURL(options.folder).href : null;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'workspace' }] : null,
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'apacheconf', version, text },
    });
  }

  replace(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the first publication for `uri` that satisfies `accept` (earlier ones included). */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.diagnostics.get(uri))}; stderr: ${this.stderr.join('')}`)), timeoutMs);
      const check = () => {
        const hit = (this.diagnostics.get(uri) ?? []).find(accept);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Writes bytes straight to the server's stdin (stdio transport only): for malformed-message tests. */
  sendRaw(data: string | Buffer): void {
    this.child.stdin!.write(data);
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Runs `fn` with a server started over stdio and initialized for `folder`; the server is stopped however it ends. */
export async function withServer<T>(folder: string, fn: (client: LspClient) => Promise<T>): Promise<T> {
  const client = new LspClient('stdio');
  try {
    await client.initialize({ folder });
    return await fn(client);
  } finally {
    await client.stop();
  }
}
