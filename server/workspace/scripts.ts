// Finds the WSGI script a WSGIScriptAlias names. The config names the path on the server (/srv/shop/shop/wsgi.py);
// the workspace usually holds the project somewhere else (~/code/shop/shop/wsgi.py). So: the absolute path when it
// exists (a config opened on the server itself), else the workspace file sharing the longest tail of path
// segments with it: at least the file name and its directory, since every Django project has a `wsgi.py` (with
// only the shop's repository open, /srv/blog/blog/wsgi.py must not be taken for ~/code/shop/shop/wsgi.py). Two best
// candidates with the same tail, or files that share only the name, are ambiguous: we say nothing rather than
// check the wrong file, and do not call the script missing either.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSource } from './files';
import { parsePython, type PythonSource } from '../python/syntax';

export type ScriptResolution =
  | { kind: 'found'; file: string; via: 'absolute' | 'segments' }
  | {
      /** No file of that name in the workspace (and none at the absolute path, when it could be read). */
      kind: 'missing';
      tried: string;
      name: string;
      searched: readonly string[];
      complete: boolean;
      absoluteChecked: boolean;
      /** A workspace folder named like one of the script's directories: the project is here, the file is not. */
      near: string | undefined;
    }
  /** Files of that name exist, but none is clearly the script (a tie, or only the file name in common). */
  | { kind: 'ambiguous'; candidates: string[] }
  /** A directory, a relative path, a path with substitutions left: not something we can judge. */
  | { kind: 'skipped' };

export interface ScriptLookup {
  resolve(target: string): ScriptResolution;
  /** A resolved script's text, parsed (cached by content); undefined when unreadable or not text. */
  python(file: string): { text: string; source: PythonSource } | undefined;
  /** Whether a file is at this absolute path on this machine; undefined when it may not be read (untrusted). */
  exists(file: string): boolean | undefined;
  /** Changes whenever an answer may have changed, so per-analysis memos can tell they are stale. */
  readonly generation: number;
}

export interface ScriptIndexOptions {
  /** Folders searched for trailing-segment matches (workspace folders; the CLI's working directory). */
  folders: string[];
  /** Whether an absolute path outside the folders may be read (false in untrusted workspaces). */
  readOutside: boolean;
}

const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages', 'dist-packages', 'out', 'dist']);
/** A file name plus one directory: the least a trailing match must share with the configured path. */
export const MIN_SEGMENTS = 2;
const MAX_DIRS = 3000;
const CONFIG_FILE = /\.(conf|vhost)$/;
/** Directory names every server or repository has: a folder named so says nothing about the project being here. */
const GENERIC_DIRS = new Set(['srv', 'var', 'www', 'opt', 'home', 'usr', 'local', 'html', 'htdocs', 'public_html', 'sites', 'apps', 'src', 'lib', 'etc', 'data', 'wsgi', 'apache', 'apache2', 'httpd', 'deploy', 'conf']);
const MAX_DEPTH = 12;

export class ScriptIndex implements ScriptLookup {
  private byName: Map<string, string[]> | undefined;
  private dirs = new Map<string, string>();
  private configs: string[] = [];
  private complete = true;
  private readonly resolved = new Map<string, ScriptResolution>();
  private readonly parsed = new Map<string, { text: string; source: PythonSource }>();
  private gen = 0;
  private readonly folders: string[];

  constructor(
    private readonly files: FileSource,
    private readonly options: ScriptIndexOptions,
  ) {
    this.folders = options.folders.map((f) => path.resolve(f));
  }

  get generation(): number {
    return this.gen;
  }

  /** Call on file events and on documents opened or closed: names and contents may have changed. */
  invalidate(structureChanged = true): void {
    this.gen++;
    this.resolved.clear();
    if (structureChanged) this.byName = undefined;
  }

  resolve(target: string): ScriptResolution {
    let hit = this.resolved.get(target);
    if (!hit) {
      hit = this.compute(target);
      this.resolved.set(target, hit);
    }
    return hit;
  }

  /** Configuration files (`*.conf`, `*.vhost`) met by the same walk: configs that may serve a script. */
  configFiles(): readonly string[] {
    this.index();
    return this.configs;
  }

  exists(file: string): boolean | undefined {
    return this.readable(file) ? this.files.kind(file) === 'file' : undefined;
  }

  read(file: string): string | undefined {
    return this.readable(file) ? this.files.read(file) : undefined;
  }

  python(file: string): { text: string; source: PythonSource } | undefined {
    const text = this.read(file);
    if (text === undefined) return undefined;
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) return hit;
    const entry = { text, source: parsePython(text) };
    this.parsed.set(file, entry);
    return entry;
  }

  private inside(file: string): boolean {
    return this.folders.some((f) => file === f || file.startsWith(f.endsWith('/') ? f : f + '/'));
  }

  private readable(file: string): boolean {
    return this.options.readOutside || this.inside(file);
  }

  private compute(target: string): ScriptResolution {
    if (!path.isAbsolute(target) || target.endsWith('/') || /\$|%\{/.test(target)) return { kind: 'skipped' };
    const absolute = isNormalAbsolute(target) ? target : path.normalize(target);
    const absoluteChecked = this.readable(absolute);
    if (absoluteChecked) {
      const kind = this.files.kind(absolute);
      if (kind === 'file') return { kind: 'found', file: absolute, via: 'absolute' };
      if (kind === 'dir') return { kind: 'skipped' };
    }
    const want = absolute.split('/').filter(Boolean);
    const name = want[want.length - 1];
    let best = 0;
    let candidates: string[] = [];
    // Every candidate shares the file name; the one sharing the most directories too wins.
    const named = this.index().get(name) ?? [];
    for (const file of named) {
      const n = sharedTail(want, file.split('/').filter(Boolean));
      if (n < best) continue;
      if (n > best) candidates = [];
      best = n;
      candidates.push(file);
    }
    if (best >= MIN_SEGMENTS && candidates.length === 1) return { kind: 'found', file: candidates[0], via: 'segments' };
    if (named.length > 0) return { kind: 'ambiguous', candidates };
    // The deepest of the script's directories the workspace has, generic ones (/srv, /var/www, src) aside.
    let near: string | undefined;
    for (let k = want.length - 2; k >= 0 && near === undefined; k--) if (!GENERIC_DIRS.has(want[k])) near = this.dirs.get(want[k]);
    return { kind: 'missing', tried: absolute, name, searched: this.folders, complete: this.complete, absoluteChecked, near };
  }

  /** File names under the folders -> their paths (bounded walk; VCS, build and virtualenv folders skipped). */
  private index(): Map<string, string[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, string[]>();
    this.dirs = new Map();
    this.configs = [];
    let dirs = 0;
    this.complete = true;
    const walk = (dir: string, depth: number) => {
      if (depth > MAX_DEPTH || dirs++ >= MAX_DIRS) {
        this.complete = false;
        return;
      }
      for (const name of this.files.list(dir).sort()) {
        if (name.startsWith('.')) continue;
        const p = path.join(dir, name);
        const kind = this.files.kind(p);
        if (kind === 'file') {
          if (CONFIG_FILE.test(name)) this.configs.push(p);
          const list = byName.get(name);
          if (list) list.push(p);
          else byName.set(name, [p]);
        } else if (kind === 'dir' && !SKIP_DIRS.has(name)) {
          if (!this.dirs.has(name)) this.dirs.set(name, p);
          walk(p, depth + 1);
        }
      }
    };
    for (const folder of this.folders) {
      // The folder itself is often the project (~/code/shop for /srv/shop/shop/wsgi.py).
      if (!this.dirs.has(path.basename(folder))) this.dirs.set(path.basename(folder), folder);
      walk(folder, 0);
    }
    this.byName = byName;
    return byName;
  }
}

/** Where a server's own configuration lives: a config read from there is the live one, on the machine itself. */
const SERVER_ROOTS = ['/etc/apache2/', '/etc/httpd/', '/usr/local/apache2/', '/etc/apache/'];

/** True for a config file (path or file: URI) under a live server root, where absolute script paths are real. */
export function isLiveConfig(fileOrUri: string): boolean {
  let p = fileOrUri;
  try {
    if (p.startsWith('file:')) p = fileURLToPath(p);
  } catch {
    return false;
  }
  return SERVER_ROOTS.some((r) => p.startsWith(r));
}

/** An empty, `.` or `..` segment: what path.normalize would change in an absolute path without a trailing `/`. */
const NOT_NORMAL = /\/\.{0,2}(?:\/|$)/;

/** True when path.normalize(p) === p, for a `/`-rooted path not ending in `/` (most script paths): no copy needed. */
export function isNormalAbsolute(p: string): boolean {
  return p.startsWith('/') && !p.endsWith('/') && !NOT_NORMAL.test(p);
}

/** How many trailing path segments two paths share. */
export function sharedTail(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
