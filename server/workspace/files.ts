// Where the workspace reads files from: the disk, with the editor's unsaved documents laid over it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileSource {
  /** File text, or undefined when it cannot be read (missing, unreadable, a directory, binary). */
  read(file: string): string | undefined;
  kind(file: string): 'file' | 'dir' | undefined;
  /** Entry names of a directory (not sorted), or [] when it cannot be listed. */
  list(dir: string): string[];
  /** The path with every symlink resolved, or undefined when it cannot be (missing); absent: no links exist. */
  realPath?(file: string): string | undefined;
}

const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * A missing path answers undefined instead of throwing: most paths asked about are missing (WSGI scripts of a
 * server config read elsewhere, Include candidates), and building the ENOENT error costs ~5x the stat itself.
 */
const NO_THROW_ON_MISSING = { throwIfNoEntry: false } as const;

/** Whether DiskFiles.read reads a file of this stat: a regular file within the size limit. */
export function readableStat(st: fs.Stats): boolean {
  return st.isFile() && st.size <= MAX_FILE_BYTES;
}

export class DiskFiles implements FileSource {
  read(file: string): string | undefined {
    try {
      const st = fs.statSync(file, NO_THROW_ON_MISSING);
      if (st === undefined || !readableStat(st)) return undefined;
      const buf = fs.readFileSync(file);
      if (buf.subarray(0, 8192).includes(0)) return undefined;
      return buf.toString('utf8');
    } catch {
      return undefined;
    }
  }

  kind(file: string): 'file' | 'dir' | undefined {
    try {
      const st = fs.statSync(file, NO_THROW_ON_MISSING);
      if (st === undefined) return undefined;
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  list(dir: string): string[] {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  }

  realPath(file: string): string | undefined {
    try {
      return fs.realpathSync.native(file);
    } catch {
      return undefined;
    }
  }
}

/**
 * Texts already read, served from memory; everything else from `base`. The CLI reads each file it is given to check
 * that it is text: the tree then takes that reading instead of a second one (an 80k-line root is ~3 MB).
 */
export class PreloadedFiles implements FileSource {
  constructor(
    private readonly base: FileSource,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  read(file: string): string | undefined {
    return this.texts.get(file) ?? this.base.read(file);
  }

  kind(file: string): 'file' | 'dir' | undefined {
    return this.base.kind(file);
  }

  list(dir: string): string[] {
    return this.base.list(dir);
  }

  realPath(file: string): string | undefined {
    return this.base.realPath ? this.base.realPath(file) : file;
  }
}

/**
 * A source that never throws: a file deleted, made unreadable or replaced while a tree is read (ENOENT, EACCES,
 * ELOOP from any FileSource) reads as absent, and the tree reports it instead of failing.
 */
export class GuardedFiles implements FileSource {
  constructor(private readonly base: FileSource) {}

  read(file: string): string | undefined {
    try {
      return this.base.read(file);
    } catch {
      return undefined;
    }
  }

  kind(file: string): 'file' | 'dir' | undefined {
    try {
      return this.base.kind(file);
    } catch {
      return undefined;
    }
  }

  list(dir: string): string[] {
    try {
      return this.base.list(dir);
    } catch {
      return [];
    }
  }

  realPath(file: string): string | undefined {
    try {
      return this.base.realPath ? this.base.realPath(file) : file;
    } catch {
      return undefined;
    }
  }
}

/**
 * For one short run that does not change the disk (the CLI): a directory found missing is remembered, and paths under
 * it are answered absent without a stat. A server config read away from its server names thousands of WSGI scripts
 * under one missing directory (/srv); each stat of a missing path costs ~4 µs, one per directory is enough. Not for
 * the editor: its open documents may lie under a directory the disk lacks, and files come and go while it runs.
 */
export class KnownMissingDirs implements FileSource {
  /** Directory -> whether it is missing (or not a directory: nothing can lie under it either). */
  private readonly missing = new Map<string, boolean>();

  constructor(private readonly base: FileSource) {}

  read(file: string): string | undefined {
    return this.underMissing(file) ? undefined : this.base.read(file);
  }

  kind(file: string): 'file' | 'dir' | undefined {
    return this.underMissing(file) ? undefined : this.base.kind(file);
  }

  list(dir: string): string[] {
    return this.underMissing(dir) ? [] : this.base.list(dir);
  }

  realPath(file: string): string | undefined {
    if (this.underMissing(file)) return undefined;
    return this.base.realPath ? this.base.realPath(file) : file;
  }

  private underMissing(file: string): boolean {
    const dir = path.dirname(file);
    return dir !== file && this.dirMissing(dir);
  }

  /** Asks the base about each directory once, from the top: below a missing one nothing more is asked. */
  private dirMissing(dir: string): boolean {
    let hit = this.missing.get(dir);
    if (hit !== undefined) return hit;
    const parent = path.dirname(dir);
    hit = (parent !== dir && this.dirMissing(parent)) || this.base.kind(dir) !== 'dir';
    this.missing.set(dir, hit);
    return hit;
  }
}

/**
 * Open editor documents take precedence over the disk, also when the tree reaches one through a symlink (Debian's
 * sites-enabled/x.conf → ../sites-available/x.conf, the file the user opened).
 */
export class OverlayFiles implements FileSource {
  constructor(
    private readonly base: FileSource,
    private readonly open: (file: string) => string | undefined,
  ) {}

  read(file: string): string | undefined {
    return this.openText(file) ?? this.base.read(file);
  }

  kind(file: string): 'file' | 'dir' | undefined {
    // No link lookup here: the disk's stat follows links already, and kind() runs on every workspace entry.
    return this.open(file) !== undefined ? 'file' : this.base.kind(file);
  }

  list(dir: string): string[] {
    return this.base.list(dir);
  }

  realPath(file: string): string | undefined {
    return this.base.realPath ? this.base.realPath(file) : file;
  }

  private openText(file: string): string | undefined {
    const direct = this.open(file);
    if (direct !== undefined || !this.base.realPath) return direct;
    const real = this.base.realPath(file);
    return real !== undefined && real !== file ? this.open(real) : undefined;
  }
}

/** In-memory files, for tests. Keys are absolute paths. */
export class MemoryFiles implements FileSource {
  constructor(private readonly files: Record<string, string>) {}

  read(file: string): string | undefined {
    return this.files[path.resolve(file)];
  }

  kind(file: string): 'file' | 'dir' | undefined {
    const p = path.resolve(file);
    if (p in this.files) return 'file';
    const prefix = p.endsWith('/') ? p : p + '/';
    return Object.keys(this.files).some((f) => f.startsWith(prefix)) ? 'dir' : undefined;
  }

  list(dir: string): string[] {
    const prefix = path.resolve(dir) + '/';
    const names = new Set<string>();
    for (const f of Object.keys(this.files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    return [...names];
  }
}
