// LSP wiring only: documents in, diagnostics and code actions out. Runs over IPC (VS Code) or --stdio.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AnalysisCache, type Findings } from './service';
import { ServerContexts } from './workspace/contexts';
import { isPythonDocument } from './python/analyze';
import { DiskFiles, OverlayFiles } from './workspace/files';
import { ScriptIndex } from './workspace/scripts';
import { scriptEnvironment } from './workspace/scripts-env';
import { diagnosticsOf } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { filePath } from './features/navScope';
import { languageCapabilities, registerLanguageFeatures, rememberWorkspace } from './features/languageFeatures';
import { commandCapabilities, commandDiagnostics, registerCommands } from './features/commands';
import { DEFAULT_MAX_PROBLEMS, resolveSettings } from './config/settings';
import { ruleIds } from './config/ruleList';
import { FrameRepair } from './transport/frames';

const DEBOUNCE_MS = 150;

// Over stdio the input passes through FrameRepair first: a message with a wrong Content-Length is dropped
// instead of misaligning every message after it. (IPC delivers whole messages; nothing to repair.)
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameRepair((why) => connection.console.warn(`apache-wsgi: dropped a malformed message (${why})`))), process.stdout)
  : createConnection(ProposedFeatures.all);
// The stock --stdio path sends console output to the client; stdout is the protocol stream, so do the same.
if (stdio) for (const k of ['log', 'info', 'debug', 'warn', 'error'] as const) console[k] = (...args: unknown[]) => connection.console[k === 'debug' ? 'log' : k](args.map(String).join(' '));
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const timers = new Map<string, NodeJS.Timeout>();
let maxProblems = DEFAULT_MAX_PROBLEMS;
let apacheBinary: string | undefined;
let workspaceFolders: string[] = [];
let canPullConfiguration = false;
/**
 * False until the first settings pull answered (or failed): until then nothing is published, so a rule the user
 * turned off never flashes in the Problems panel at start-up. loadSettings publishes every open document.
 */
let settingsKnown = true;
const SETTINGS_WAIT_MS = 3000;

const analysisOf = (doc: TextDocument) => cache.get(doc.uri, doc.getText(), doc.version, doc.languageId);

// Whole-server analysis: open documents are read from the editor, the rest from disk. Off in untrusted
// workspaces (the client says so), where only single-file analysis runs and no Include is followed.
let trusted = true;
// A document opened through a symlink is also found by its target's path, which is what a tree may read.
const openByRealPath = new Map<string, string>();
const openByPath = (file: string) => (documents.get(pathToFileURL(file).href) ?? documents.get(openByRealPath.get(file) ?? ''))?.getText();
const disk = new DiskFiles();
const files = new OverlayFiles(disk, openByPath);
const contexts = new ServerContexts(files);

// The WSGI scripts behind WSGIScriptAlias: found on disk or by their trailing path segments in the workspace
// folders (untrusted: inside the folders only). Set up once the folders are known.
let scripts = new ScriptIndex(files, { folders: [], readOutside: false });
const scriptEnv = scriptEnvironment({
  get scripts() {
    return scripts;
  },
  trees: () => (trusted ? contexts.analyses() : []),
  looseConfigs: () =>
    documents
      .all()
      .filter((d) => d.uri.startsWith('file:') && !isPythonDocument(d.uri, d.languageId) && !(trusted && contexts.findingsFor(fileURLToPath(d.uri))))
      .map((d) => ({ file: fileURLToPath(d.uri), analysis: analysisOf(d) })),
  covered: (file) => documents.get(pathToFileURL(file).href) !== undefined || (trusted && contexts.findingsFor(file) !== undefined),
});

/** A Python document was edited or closed: the configs that serve it are re-checked, and it with them. */
function scriptChanged(doc: TextDocument, delay: number): void {
  const served = (scriptEnv.servingOf(doc.uri)?.aliases.length ?? 0) > 0;
  scripts.invalidate(false);
  if (!served) return schedule(doc, delay);
  contexts.invalidate();
  for (const d of documents.all()) schedule(d, d.uri === doc.uri ? delay : delay * 2);
}

/** Findings for a document: from the server tree that includes it, else from the document alone. */
function findingsOf(doc: TextDocument): Findings {
  if (trusted && doc.uri.startsWith('file:')) {
    const hit = contexts.findingsFor(fileURLToPath(doc.uri));
    if (hit && hit.findings.text === doc.getText()) return { uri: doc.uri, text: hit.findings.text, lines: hit.findings.lines, reports: hit.findings.reports };
  }
  return analysisOf(doc);
}

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  settingsKnown = !canPullConfiguration;
  rememberWorkspace(params);
  trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  contexts.setFolders(workspaceFolders);
  scripts = new ScriptIndex(files, { folders: workspaceFolders, readOutside: trusted });
  cache.setEnvironment(scriptEnv);
  contexts.setEnvironment({ scripts });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      ...languageCapabilities,
      ...commandCapabilities,
    },
    serverInfo: { name: 'apache-wsgi-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void loadSettings();
  // A client that announced configuration but never answers must not leave the Problems panel empty for good.
  setTimeout(() => {
    if (!settingsKnown) settingsArrived();
  }, SETTINGS_WAIT_MS).unref?.();
});

async function loadSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    // Relative paths in settings are relative to the first workspace folder.
    const s = resolveSettings(await connection.workspace.getConfiguration('apacheWsgi'), workspaceFolders[0], ruleIds);
    for (const note of s.notes) connection.console.warn(`apache-wsgi settings: ${note}`);
    cache.configure(s.analysis);
    contexts.configure(s.analysis, s.tree);
    maxProblems = s.maxProblems;
    apacheBinary = s.apacheBinary;
  } catch (err) {
    connection.console.error(`apache-wsgi: could not read settings: ${String(err)}`);
  }
  settingsArrived();
}

/** Settings known (or given up on): every open document is published with them. */
function settingsArrived(): void {
  settingsKnown = true;
  for (const doc of documents.all()) publish(doc);
}

connection.onDidChangeConfiguration(() => void loadSettings());

function publish(doc: TextDocument): void {
  if (!settingsKnown) return;
  try {
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [...diagnosticsOf(findingsOf(doc), maxProblems), ...commandDiagnostics(doc.uri)] });
  } catch (err) {
    connection.console.error(`apache-wsgi: analysis of ${doc.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}

function schedule(doc: TextDocument, delay: number): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      // Publish only for the document's latest state; an edit that arrived meanwhile re-schedules.
      const current = documents.get(doc.uri);
      if (current) publish(current);
    }, delay),
  );
}

/** Every path a tree may read an open document's text under: its own, its real path (now and when it was opened). */
function pathsOpenAs(uri: string): string[] {
  const file = filePath(uri);
  if (file === undefined) return [];
  const paths = [file];
  const real = disk.realPath(file);
  if (real !== undefined) paths.push(real);
  for (const [r, u] of openByRealPath) if (u === uri) paths.push(r);
  return paths;
}

// A change in one file can change the findings of every file of its server (an included file defines a group
// another uses), so every open document is re-checked.
// TextDocuments fires onDidChangeContent right after onDidOpen for the same open: that second event must not push
// a freshly opened document's first diagnostics back by the typing debounce.
const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  const file = filePath(e.document.uri);
  const real = file && disk.realPath(file);
  if (file && real && real !== file) openByRealPath.set(real, e.document.uri);
  contexts.invalidate();
  scripts.invalidate(false);
  justOpened.add(e.document.uri);
  schedule(e.document, 0);
});
documents.onDidChangeContent((e) => {
  const opening = justOpened.delete(e.document.uri);
  // A Python file is never part of a config tree, but it may be the script a config serves.
  if (isPythonDocument(e.document.uri, e.document.languageId)) return scriptChanged(e.document, DEBOUNCE_MS);
  // Only its text changed: the trees that never read it stay (opening did drop every tree already).
  contexts.textChanged(pathsOpenAs(e.document.uri));
  for (const doc of documents.all()) schedule(doc, doc.uri === e.document.uri ? (opening ? 0 : DEBOUNCE_MS) : DEBOUNCE_MS * 2);
});
connection.onDidChangeWatchedFiles((params) => {
  contexts.invalidate(true);
  // Only a file created or deleted changes which scripts exist; a saved one only changes content.
  scripts.invalidate(params.changes.some((c) => c.type !== FileChangeType.Changed));
  for (const doc of documents.all()) schedule(doc, DEBOUNCE_MS);
});
documents.onDidClose((e) => {
  for (const [real, uri] of openByRealPath) if (uri === e.document.uri) openByRealPath.delete(real);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  cache.forget(e.document.uri);
  contexts.invalidate();
  // Its unsaved text is gone: configs serving it read the disk again.
  if (isPythonDocument(e.document.uri, e.document.languageId)) scriptChanged(e.document, DEBOUNCE_MS);
  else scripts.invalidate(false);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: commandDiagnostics(e.document.uri) });
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return codeActions(findingsOf(doc), params.range);
});

registerLanguageFeatures(
  connection,
  (uri) => {
    const doc = documents.get(uri);
    return doc ? analysisOf(doc) : undefined;
  },
  // Navigation across the files of the server that includes the document (trusted workspaces only).
  (uri) => (trusted && uri.startsWith('file:') ? contexts.findingsFor(fileURLToPath(uri))?.tree : undefined),
  // Script paths link to the file the script rules resolved them to.
  () => scripts,
);

registerCommands(connection, documents, {
  analysisFor: (uri) => {
    const doc = documents.get(uri);
    return doc ? analysisOf(doc) : undefined;
  },
  treeFor: (uri) => (trusted && uri.startsWith('file:') ? contexts.findingsFor(fileURLToPath(uri))?.tree : undefined),
  folders: () => workspaceFolders,
  trusted: () => trusted,
  apacheBinary: () => apacheBinary,
  republish: (uri) => {
    const doc = documents.get(uri);
    if (doc) publish(doc);
    return doc !== undefined;
  },
});

documents.listen(connection);
connection.listen();
