// The commands the server carries out for the VS Code client (workspace/executeCommand): they need the analysis,
// the workspace folders or the trust decision, which live here. The client only asks and shows the answer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type Position, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../service';
import { runsEmbedded, effectiveProcessGroup } from '../model/groups';
import { toFileOffset, toTreeOffset } from '../workspace/tree';
import { treeFileOf, type TreeAnalysis } from '../workspace/analyzeTree';
import { aliasAt, explainProcessGroup, type Describe, type GroupExplanation } from './effectiveGroup';
import { daemonModeEdit } from './daemonMode';
import { touchScript, type TouchResult } from './touchScript';
import { checkWithApache, findApacheBinary, type ConfigtestVerdict } from './configtest';

export const SERVER_COMMANDS = {
  effectiveProcessGroup: 'apacheWsgi.server.effectiveProcessGroup',
  insertDaemonMode: 'apacheWsgi.server.insertDaemonMode',
  touchScript: 'apacheWsgi.server.touchScript',
  checkWithApache: 'apacheWsgi.server.checkWithApache',
} as const;

export const commandCapabilities = { executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) } };

export interface CommandHost {
  /** The single-file analysis of an open document. */
  analysisFor(uri: string): Analysis | undefined;
  /** The analysed server tree an open file belongs to, when whole-server analysis found one (trusted workspaces only). */
  treeFor(uri: string): TreeAnalysis | undefined;
  folders(): string[];
  trusted(): boolean;
  apacheBinary(): string | undefined;
  /** Publishes an open document's diagnostics again; false when the document is not open. */
  republish(uri: string): boolean;
}

interface AtCursor {
  uri: string;
  position: Position;
}

export type CommandResult =
  | { error: string }
  | GroupExplanation
  | { message: string; applied: boolean }
  | TouchResult
  | (ConfigtestVerdict & { summary: string });

/** Diagnostics from the last "Check With Installed Apache", by document uri; server.ts adds them to its own. */
const configtestDiagnostics = new Map<string, { diagnostics: Diagnostic[]; diskText: string | undefined }>();

export function commandDiagnostics(uri: string): Diagnostic[] {
  return configtestDiagnostics.get(uri)?.diagnostics ?? [];
}

const readText = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>, host: CommandHost): void {
  // Apache checked the file on disk: once the editor's text differs, its line numbers may be wrong, so they go.
  documents.onDidChangeContent((e) => {
    const entry = configtestDiagnostics.get(e.document.uri);
    if (entry && entry.diskText !== e.document.getText()) configtestDiagnostics.delete(e.document.uri);
  });

  const at = (arg: unknown): { analysis: Analysis; offset: number; args: AtCursor } | { error: string } => {
    const args = arg as Partial<AtCursor> | undefined;
    const analysis = args?.uri ? host.analysisFor(args.uri) : undefined;
    if (!args?.uri || !args.position || !analysis) return { error: 'Open an Apache configuration file first.' };
    return { analysis, offset: analysis.lines.offsetAt(args.position), args: args as AtCursor };
  };

  connection.onExecuteCommand(async (params): Promise<CommandResult> => {
    const arg = params.arguments?.[0];
    try {
      switch (params.command) {
        case SERVER_COMMANDS.effectiveProcessGroup: {
          const c = at(arg);
          return 'error' in c ? c : effectiveGroupAt(c.analysis, c.offset, host.treeFor(c.args.uri), host.folders());
        }
        case SERVER_COMMANDS.insertDaemonMode: {
          const c = at(arg);
          if ('error' in c) return c;
          const { edits, message } = daemonModeEdit(c.analysis, c.offset);
          if (edits.length === 0) return { message, applied: false };
          const lines = c.analysis.lines;
          const change = edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText }));
          const result = await connection.workspace.applyEdit({ label: 'Insert daemon mode configuration', edit: { changes: { [c.args.uri]: change } } });
          return { message: result.applied ? message : `The edit was not applied${result.failureReason ? `: ${result.failureReason}` : ''}.`, applied: result.applied };
        }
        case SERVER_COMMANDS.touchScript: {
          const c = at(arg);
          if ('error' in c) return c;
          if (!c.args.uri.startsWith('file:')) return { refused: 'Only files on disk have WSGI scripts to touch.' };
          return touchScript(c.analysis.model, c.offset, host.folders(), (arg as { path?: string }).path);
        }
        case SERVER_COMMANDS.checkWithApache:
          return await runConfigtest(connection, host, (arg as { uri?: string } | undefined)?.uri);
        default:
          return { error: `Unknown command ${params.command}.` };
      }
    } catch (err) {
      connection.console.error(`apache-wsgi: command ${params.command} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return { error: `The command failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  });
}

/**
 * Explains the alias at the cursor, in the whole server when a tree includes the file (groups defined elsewhere),
 * from the model the tree's analysis already built.
 */
export function effectiveGroupAt(analysis: Analysis, offset: number, treeAnalysis: TreeAnalysis | undefined, folders: readonly string[]): GroupExplanation | { error: string } {
  const docPath = analysis.uri.startsWith('file:') ? fileURLToPath(analysis.uri) : undefined;
  // The tree's path for the document (it may reach it through a symlink).
  const file = treeAnalysis && docPath ? treeFileOf(treeAnalysis, docPath) : undefined;
  const tree = treeAnalysis?.tree;
  const treeOffset = tree && file && tree.files.get(file) === analysis.text ? toTreeOffset(tree, file, offset) : undefined;
  if (treeAnalysis && tree && treeOffset !== undefined) {
    const { model } = treeAnalysis;
    const alias = aliasAt(model, treeOffset);
    const local = alias && toFileOffset(tree, alias.node.start);
    if (alias && local?.file === file) return explainProcessGroup(model, alias, describeInTree(treeAnalysis, folders));
  }
  const alias = aliasAt(analysis.model, offset);
  if (!alias) return { error: 'Put the cursor on a WSGIScriptAlias (or in a virtual host with one).' };
  return explainProcessGroup(analysis.model, alias, (o) => `line ${analysis.lines.positionAt(o).line + 1}`);
}

function describeInTree(tree: TreeAnalysis, folders: readonly string[]): Describe {
  return (offset) => {
    const at = toFileOffset(tree.tree, offset);
    const lines = at && tree.files.get(at.file)?.lines;
    if (!at || !lines) return 'an included file';
    const folder = folders.find((f) => at.file.startsWith(f + path.sep));
    return `${folder ? path.relative(folder, at.file) : at.file}:${lines.positionAt(at.offset).line + 1}`;
  };
}

const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning };

async function runConfigtest(connection: Connection, host: CommandHost, uri: string | undefined): Promise<CommandResult> {
  if (!host.trusted()) return { error: 'Check With Installed Apache runs a program: it is available in trusted workspaces only.' };
  const binary = findApacheBinary(host.apacheBinary());
  if (!binary) return { error: 'No apachectl, apache2ctl, httpd or apache2 found on PATH; set apacheWsgi.apacheBinary.' };
  const verdict = await checkWithApache(binary);

  const byUri = new Map<string, { diagnostics: Diagnostic[]; diskText: string | undefined }>();
  for (const p of verdict.problems) {
    if (!p.file || !p.line) continue;
    const u = pathToFileURL(p.file).href;
    const entry = byUri.get(u) ?? { diagnostics: [], diskText: readText(p.file) };
    const lineText = entry.diskText?.split(/\r?\n/)[p.line - 1] ?? '';
    const indent = lineText.length - lineText.trimStart().length;
    entry.diagnostics.push({
      range: { start: { line: p.line - 1, character: indent }, end: { line: p.line - 1, character: lineText.length } },
      severity: severity[p.severity],
      source: `apache-wsgi (${path.basename(binary)} -t)`,
      message: p.message,
    });
    byUri.set(u, entry);
  }
  const stale = [...configtestDiagnostics.keys()].filter((u) => !byUri.has(u));
  configtestDiagnostics.clear();
  for (const [u, entry] of byUri) configtestDiagnostics.set(u, entry);
  for (const u of [...stale, ...byUri.keys()]) {
    if (!host.republish(u)) void connection.sendDiagnostics({ uri: u, diagnostics: commandDiagnostics(u) });
  }

  const first = verdict.problems.find((p) => p.severity === 'error');
  const where = first?.file ? ` (${first.file}${first.line ? `:${first.line}` : ''})` : '';
  const build = [verdict.version, verdict.mpm && `MPM ${verdict.mpm}`].filter(Boolean).join(', ');
  let summary = verdict.ok ? `${path.basename(binary)} -t: Syntax OK` : `${path.basename(binary)} -t failed: ${first?.message ?? 'see the output'}${where}`;
  if (build) summary += ` — ${build}`;
  // prefork runs one single-threaded process per connection: an embedded app is loaded into every one of them.
  if (verdict.mpm === 'prefork' && uri && documentRunsEmbedded(host, uri)) {
    summary += '. With prefork, an app in embedded mode is loaded into every Apache child process: use daemon mode.';
  }
  return { ...verdict, summary };
}

/**
 * Whether an alias of the document runs in embedded mode: judged in the server tree that includes it when there is
 * one (a WSGIProcessGroup in another file may put it in a daemon), else in the document alone.
 */
function documentRunsEmbedded(host: CommandHost, uri: string): boolean {
  const analysis = host.analysisFor(uri);
  const tree = host.treeFor(uri);
  const docPath = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  const file = tree && docPath ? treeFileOf(tree, docPath) : undefined;
  if (tree && file && tree.files.get(file)?.text === analysis?.text) {
    return tree.model.scriptAliases.some((a) => toFileOffset(tree.tree, a.node.start)?.file === file && runsEmbedded(effectiveProcessGroup(tree.model, a)));
  }
  return analysis?.model.scriptAliases.some((a) => runsEmbedded(effectiveProcessGroup(analysis.model, a))) ?? false;
}
