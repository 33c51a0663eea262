// Which server a file belongs to: the language server looks for server root files (apache2.conf, httpd.conf) in
// the workspace folders, reads each tree, and analyses a site file in the context of the tree that includes it.
import * as path from 'node:path';
import type { AnalysisEnv, AnalysisSettings } from '../service';
import type { FileSource } from './files';
import type { ScriptLookup } from './scripts';
import { buildTree, type TreeOptions } from './tree';
import { analyzeTree, treeFileOf, type FileFindings, type TreeAnalysis } from './analyzeTree';

const ROOT_NAMES = new Set(['apache2.conf', 'httpd.conf']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', '.tox']);
const MAX_SCAN_DIRS = 2000;
const MAX_SCAN_DEPTH = 8;

export class ServerContexts {
  private folders: string[] = [];
  private roots: string[] | undefined;
  private readonly trees = new Map<string, TreeAnalysis>();
  /**
   * A dropped tree, kept until its root is analysed again: the new analysis re-reads only what changed in its text
   * (analyzeTree's incremental lineage), and consumes it.
   */
  private readonly previous = new Map<string, TreeAnalysis>();
  /** The paths each tree asked for the text of (its files, Include candidates, the WSGI scripts it parsed). */
  private readonly reads = new Map<string, Set<string>>();
  private env: AnalysisEnv = {};

  constructor(
    private readonly files: FileSource,
    private settings: AnalysisSettings = {},
    private treeOptions: TreeOptions = {},
  ) {}

  setFolders(folders: string[]): void {
    this.folders = folders.map((f) => path.resolve(f));
    this.roots = undefined;
    this.trees.clear();
    this.reads.clear();
    this.previous.clear();
  }

  configure(settings: AnalysisSettings, treeOptions: TreeOptions = {}): void {
    this.settings = settings;
    this.treeOptions = treeOptions;
    this.trees.clear();
    this.reads.clear();
    this.previous.clear();
  }

  /** What tree analyses may read beyond the configuration (the WSGI scripts). */
  setEnvironment(env: AnalysisEnv): void {
    this.env = env;
    this.trees.clear();
    this.reads.clear();
    this.previous.clear();
  }

  /** Every server tree of the workspace, analysed (Python scripts ask which of them serve them). */
  analyses(): TreeAnalysis[] {
    return this.serverRoots().map((root) => this.treeOf(root));
  }

  /** Call when any file's content may have changed (an edit, a file created or deleted on disk). */
  invalidate(structureChanged = false): void {
    for (const root of this.trees.keys()) this.drop(root);
    if (structureChanged) {
      this.roots = undefined;
      this.previous.clear();
    }
  }

  /**
   * Call when only the unsaved text of an open document changed (it stays open; nothing on disk changed), `paths`
   * being every path the editor serves that text under (its path, its real path). Of everything a tree reads, only
   * the text of a file can change so: the open document already answers `kind` (a file), and listings and real paths
   * come from the disk. So a tree that never asked for the text of such a path reads the same as before and is kept.
   */
  textChanged(paths: readonly string[]): void {
    const keys = new Set(paths);
    for (const [root, reads] of this.reads) {
      if (this.readsAny(reads, keys)) this.drop(root);
    }
  }

  /** Forgets a root's tree, keeping it as the base of the root's next analysis. */
  private drop(root: string): void {
    const tree = this.trees.get(root);
    if (tree) this.previous.set(root, tree);
    this.trees.delete(root);
    this.reads.delete(root);
  }

  private readsAny(reads: ReadonlySet<string>, keys: ReadonlySet<string>): boolean {
    for (const k of keys) if (reads.has(k)) return true;
    // A read through a symlink gets the text of the document open under its target.
    for (const p of reads) {
      const real = this.files.realPath?.(p);
      if (real !== undefined && keys.has(real)) return true;
    }
    return false;
  }

  /**
   * The findings for `file` in the first server tree that includes it (by its path, else by its real path: the
   * tree may know it through a symlink), or undefined when none does. `findings.file` is the tree's path for it.
   */
  findingsFor(file: string): { findings: FileFindings; tree: TreeAnalysis } | undefined {
    const target = path.resolve(file);
    const trees = this.serverRoots().map((root) => this.treeOf(root));
    for (const tree of trees) {
      const findings = tree.files.get(target);
      if (findings) return { findings, tree };
    }
    for (const tree of trees) {
      const known = treeFileOf(tree, target);
      const findings = known === undefined ? undefined : tree.files.get(known);
      if (findings) return { findings, tree };
    }
    return undefined;
  }

  private treeOf(root: string): TreeAnalysis {
    let t = this.trees.get(root);
    if (!t) {
      const reads = new Set<string>();
      const files = recordReads(this.files, reads);
      const env = this.env.scripts ? { ...this.env, scripts: recordScriptReads(this.env.scripts, reads) } : this.env;
      t = analyzeTree(buildTree(files, root, this.treeOptions), this.settings, env, { previous: this.previous.get(root) });
      this.previous.delete(root);
      if (this.files.realPath) t.realPath = (f) => this.files.realPath?.(f);
      this.trees.set(root, t);
      this.reads.set(root, reads);
    }
    return t;
  }

  /** Root files found under the workspace folders (bounded walk; build and VCS folders skipped). */
  serverRoots(): string[] {
    if (this.roots) return this.roots;
    const found: string[] = [];
    let scanned = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > MAX_SCAN_DEPTH || scanned++ > MAX_SCAN_DIRS) return;
      for (const name of this.files.list(dir).sort()) {
        const p = path.join(dir, name);
        const kind = this.files.kind(p);
        if (kind === 'file' && ROOT_NAMES.has(name)) found.push(p);
        else if (kind === 'dir' && !SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p, depth + 1);
      }
    };
    for (const folder of this.folders) walk(folder, 0);
    this.roots = found;
    return found;
  }
}

/** `files`, noting every path whose text is asked for (everything else passes through untouched). */
function recordReads(files: FileSource, reads: Set<string>): FileSource {
  const recorded: FileSource = {
    read: (file) => {
      reads.add(file);
      return files.read(file);
    },
    kind: (file) => files.kind(file),
    list: (dir) => files.list(dir),
  };
  // Absent means "no links exist": keep it absent when the source has none.
  if (files.realPath) recorded.realPath = (file) => files.realPath?.(file);
  return recorded;
}

/** The script lookup, noting the scripts whose text is parsed (resolve and exists do not read text). */
function recordScriptReads(scripts: ScriptLookup, reads: Set<string>): ScriptLookup {
  return {
    resolve: (target) => scripts.resolve(target),
    python: (file) => {
      reads.add(file);
      return scripts.python(file);
    },
    exists: (file) => scripts.exists(file),
    get generation() {
      return scripts.generation;
    },
  };
}
