// LSP wiring only: documents in, diagnostics and code actions out. Runs over IPC (VS Code) or --stdio.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './service';
import { diagnosticsOf } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import type { SeveritySetting } from './rules/types';

const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const timers = new Map<string, NodeJS.Timeout>();
let maxProblems = 1000;
let canPullConfiguration = false;

const analysisOf = (doc: TextDocument) => cache.get(doc.uri, doc.getText(), doc.version);

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'apache-wsgi-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void loadSettings();
});

interface ClientSettings {
  rules?: Record<string, SeveritySetting>;
  maxProblems?: number;
}

async function loadSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const s = ((await connection.workspace.getConfiguration('apacheWsgi')) ?? {}) as ClientSettings;
    cache.configure({ severities: s.rules ?? {} });
    if (typeof s.maxProblems === 'number' && s.maxProblems > 0) maxProblems = s.maxProblems;
    for (const doc of documents.all()) publish(doc);
  } catch (err) {
    connection.console.error(`apache-wsgi: could not read settings: ${String(err)}`);
  }
}

connection.onDidChangeConfiguration(() => void loadSettings());

function publish(doc: TextDocument): void {
  try {
    const analysis = analysisOf(doc);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnosticsOf(analysis, maxProblems) });
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

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  cache.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return codeActions(analysisOf(doc), params.range);
});

documents.listen(connection);
connection.listen();
