// LSP wiring for hover, completion and navigation: the capabilities to announce and one handler per request,
// each delegating to its feature module with the cached analysis. server.ts calls these three functions.
import { fileURLToPath } from 'node:url';
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type InitializeParams,
  type SemanticTokens,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { DiskFiles } from '../workspace/files';
import { hover } from './hover';
import { completion } from './completion';
import { definition } from './definition';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { documentSymbols } from './symbols';
import { foldingRanges } from './folding';
import { documentLinks } from './links';
import { selectionRanges } from './selection';
import { semanticTokens, semanticTokensLegend } from './semanticTokens';
import { pythonHoverAt } from '../python/hover';
import type { TreeAnalysis } from '../workspace/analyzeTree';
import { fileScope, treeScope, type NavScope } from './navScope';
import type { ScriptLookup } from '../workspace/scripts';

export const languageCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['<', '/', '=', ' ', '{', '%'] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'Apache' },
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  selectionRangeProvider: true,
  semanticTokensProvider: { legend: semanticTokensLegend, full: true },
};

let folders: string[] = [];

/** Workspace folders as paths, for document links. Call from onInitialize. */
export function rememberWorkspace(params: InitializeParams): void {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

const disk = new DiskFiles();

/**
 * `treeFor` gives the server tree that includes a document (trusted workspaces only): definition, references and
 * rename then work across its files. `scripts` gives the WSGI script lookup the rules use: script paths then link
 * to, go to and describe the file it resolves them to.
 */
export function registerLanguageFeatures(
  connection: Connection,
  analysisFor: (uri: string) => Analysis | undefined,
  treeFor: (uri: string) => TreeAnalysis | undefined = () => undefined,
  scripts: () => ScriptLookup | undefined = () => undefined,
): void {
  const scopeOf = (a: Analysis): NavScope => {
    const tree = treeFor(a.uri);
    return (tree && treeScope(a, tree, folders)) || fileScope(a);
  };
  /** Runs a feature on the document's cached analysis; unknown documents and failures give `empty`. */
  const withAnalysis = <T>(uri: string, empty: T, run: (a: Analysis) => T): T => {
    const analysis = analysisFor(uri);
    // Python documents (WSGI scripts) get diagnostics and hover only; the rest is the Python tooling's job.
    if (!analysis || analysis.python) return empty;
    try {
      return run(analysis);
    } catch (err) {
      connection.console.error(`apache-wsgi: request on ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return empty;
    }
  };
  connection.onHover((p) => {
    const doc = analysisFor(p.textDocument.uri);
    if (doc?.python) return pythonHoverAt(doc, p.position);
    return withAnalysis(p.textDocument.uri, null, (a) => hover(a, p.position, scopeOf(a), scripts()));
  });
  connection.onCompletion((p) => withAnalysis(p.textDocument.uri, [], (a) => completion(a, p.position, () => scopeOf(a))));
  connection.onDefinition((p) => withAnalysis(p.textDocument.uri, [], (a) => definition(a, p.position, scopeOf(a), scripts())));
  connection.onReferences((p) => withAnalysis(p.textDocument.uri, [], (a) => references(a, p.position, p.context.includeDeclaration, scopeOf(a))));
  connection.onPrepareRename((p) =>
    withAnalysis(p.textDocument.uri, null, (a) => {
      const r = prepareRename(a, p.position, scopeOf(a));
      return 'refused' in r ? new ResponseError(ErrorCodes.InvalidRequest, r.refused) : r;
    }),
  );
  connection.onRenameRequest((p) =>
    withAnalysis(p.textDocument.uri, null, (a) => {
      const r = rename(a, p.position, p.newName, scopeOf(a));
      return 'refused' in r ? new ResponseError(ErrorCodes.InvalidRequest, r.refused) : r.edit;
    }),
  );
  connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], documentSymbols));
  connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], foldingRanges));
  connection.onDocumentLinks((p) => withAnalysis(p.textDocument.uri, [], (a) => documentLinks(a, { folders, kind: (f) => disk.kind(f), scripts: scripts() }, scopeOf(a))));
  connection.onSelectionRanges((p) => withAnalysis(p.textDocument.uri, [], (a) => selectionRanges(a, p.positions)));
  // null, not empty tokens, for documents not ours: VS Code shows one provider's tokens, and empty ones would win.
  connection.languages.semanticTokens.on((p) => withAnalysis<SemanticTokens | null>(p.textDocument.uri, null, semanticTokens));
}
