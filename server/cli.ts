// apache-wsgi-lint: the same analysis as the editor, for terminals and CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTree } from './workspace/tree';
import { analyzeTree, type FileFindings, type TreeAnalysis } from './workspace/analyzeTree';
import { DiskFiles, KnownMissingDirs, PreloadedFiles, readableStat, type FileSource } from './workspace/files';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args';
import { jsonPieces, textPieces, toJsonFinding, type JsonFinding } from './cli/format';
import { settingsFor, type SettingsLookup } from './cli/settings';
import { fixTree } from './cli/fixTree';
import { writeFixedText, WriteError } from './cli/writeFile';
import { ConfigError } from './config/projectConfig';
import type { ResolvedSettings } from './config/settings';
import { isPythonDocument } from './python/analyze';
import { lintPython } from './python/lint';
import type { AnalysisEnv } from './service';
import { ScriptIndex } from './workspace/scripts';
import { servingOf, treeView, type ConfigView } from './workspace/scripts-serving';
import { workspaceConfigViews } from './workspace/scripts-env';

const VERSION = '0.1.0';

class InputError extends Error {}

/** A given file's text; `disk`: DiskFiles would read the same file (a regular file within its size limit). */
function readConfig(file: string): { text: string; disk: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(err)})`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory; give the configuration files to lint`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (buf.subarray(0, 8192).includes(0)) throw new InputError(`${file}: looks like a binary file, not a configuration file`);
  return { text: buf.toString('utf8'), disk: readableStat(stat) };
}

/** What the output needs of a linted file: its findings, in its own offsets, and its line index. */
type FileReports = Pick<FileFindings, 'file' | 'lines' | 'reports'>;

/**
 * Analyses a root file with everything it includes and keeps each file's findings only: the tree's syntax and model
 * (~65 MB for 80,000 lines) can be collected once this returns, before the next root is analysed or the output is
 * written. (Held in `run`'s own frame, the last tree stayed reachable until `run` returned.) `views` is given when
 * Python files are linted too: it then keeps the tree's view of which aliases serve which script.
 */
function lintTree(files: FileSource, root: string, settings: ResolvedSettings, env: AnalysisEnv, views: ConfigView[] | undefined, linted: Set<string>): FileReports[] {
  const tree: TreeAnalysis = analyzeTree(buildTree(files, root, settings.tree), settings.analysis, env);
  if (views) views.push(treeView(tree));
  for (const file of tree.tree.files.keys()) linted.add(file);
  return [...tree.files.values()].map(({ file, lines, reports }) => ({ file, lines, reports }));
}

/** The root keeps the path as given; included files are shown relative to the working directory when inside it. */
function displayPath(given: string, root: string, file: string): string {
  if (file === root) return given;
  const r = path.relative(process.cwd(), file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}

async function run(options: CliOptions): Promise<number> {
  const lookup: SettingsLookup = { options, cache: new Map(), noted: new Set(), note: (m) => process.stderr.write(`apache-wsgi-lint: ${m}\n`) };
  // WSGI scripts: at their absolute path, else by trailing path segments under the working directory. A config
  // linted away from its server names its scripts under directories this machine lacks: each is stat-ed once.
  const scripts = new ScriptIndex(new KnownMissingDirs(new DiskFiles()), { folders: [process.cwd()], readOutside: true });
  const inputs = options.paths.map((given) => ({ given, ...readConfig(given), root: path.resolve(given) }));
  // The trees' syntax and model are kept for the Python files given too (which configs serve them), only then.
  const pythonGiven = inputs.some(({ root }) => isPythonDocument(root));
  const results = new Map<string, FileReports[]>();
  // Configurations first, so a Python file given too is judged by the aliases that serve it.
  const views: ConfigView[] = [];
  const linted = new Set<string>();
  for (const { root, text, disk } of inputs) {
    if (isPythonDocument(root) || results.has(root)) continue;
    const settings = settingsFor(root, lookup);
    if (options.fix) fixTree((files) => analyzeTree(buildTree(files, root, settings.tree), settings.analysis, { scripts }), lookup.note);
    // Unless --fix may have rewritten it, the root's text is the one just read: not read a second time.
    const files = disk && !options.fix ? new PreloadedFiles(new DiskFiles(), new Map([[root, text]])) : new DiskFiles();
    results.set(root, lintTree(files, root, settings, { scripts }, pythonGiven ? views : undefined, linted));
  }
  for (const { given, text, root } of inputs) {
    // A Python file (.py, .wsgi) is a WSGI script or middleware module: the Python rules, no include tree.
    if (!isPythonDocument(root) || results.has(root)) continue;
    // The configs linted with it, and the other config files under the working directory, each read alone.
    const env: AnalysisEnv = { servingOf: () => servingOf(root, [...views, ...workspaceConfigViews(scripts, (f) => linted.has(f))], scripts) };
    const analysis = settingsFor(root, lookup).analysis;
    let unwritten = false;
    const write = (fixed: string) => {
      const why = writeFixedText(root, text, fixed);
      if (why) lookup.note(`${given}: ${why}`);
      unwritten = why !== undefined;
    };
    const found = lintPython(root, text, analysis, options.fix ? write : undefined, env);
    // Findings describe the file as it is on disk: when the fixes were not written, those of the text as read.
    results.set(root, [unwritten ? lintPython(root, text, analysis, undefined, env) : found]);
  }
  // Output order: the inputs as given, each tree's files in reading order. Paths are worked out before anything is
  // written; each finding is made as it is written, so all findings are never held as output objects at once.
  const shown = inputs.flatMap(({ given, root }) => (results.get(root) ?? []).map((f) => ({ file: displayPath(given, root, f.file), lines: f.lines, reports: f.reports })));
  // Counted before anything is written: the exit status is known even if the reader stops early (EPIPE).
  let count = 0;
  let errors = 0;
  let warnings = 0;
  for (const f of shown) {
    for (const r of f.reports) {
      count++;
      if (r.severity === 'error') errors++;
      else if (r.severity === 'warning') warnings++;
    }
  }
  const code = errors > 0 || warnings > options.maxWarnings ? 1 : 0;
  process.exitCode = code;
  function* findings(): Generator<JsonFinding> {
    for (const f of shown) for (const r of f.reports) yield toJsonFinding(f.file, f.lines, r);
  }
  await writeAll(options.format === 'json' ? jsonPieces(findings()) : textPieces(findings()));
  if (options.format === 'text' && count > 0) {
    process.stdout.write(`${count} problem${count === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`);
  }
  return code;
}

/**
 * Hands the pieces to stdout one at a time, waiting while it still holds what it was given: into a pipe (CI logs,
 * `| tee`) stdout queues what the reader has not taken yet, and writing everything at once held the whole output
 * (8 MB for 10,000 findings) in that queue. The next piece, and the findings in it, are made only when wanted.
 */
async function writeAll(pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`apache-wsgi-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    return await run(options);
  } catch (err) {
    const message = err instanceof InputError || err instanceof ConfigError || err instanceof WriteError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`apache-wsgi-lint: ${message}\n`);
    return 2;
  }
}

// A reader that stops early (`apache-wsgi-lint … | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
