// Reads a server's configuration as Apache does: from a root file, splicing every Include/IncludeOptional in
// place (globs sorted by name, directories read whole, paths relative to ServerRoot, ${VAR} from Define and
// Debian's envvars). The result is one expanded text plus a map from its offsets back to each file, so the
// same rules that analyse one file analyse the whole server, and their findings land in the right file.
import * as path from 'node:path';
import { readWord, readWords, skipBlanks } from '../syntax/lexer';
import { treeDirectiveLines } from './tree-lines';
import { GuardedFiles, type FileSource } from './files';
import { expandGlob, hasWildcard } from './glob';
import { substitute as substituteVariables } from '../model/variables';

/** Expanded text [start, end] (end inclusive, so a file's end is addressable) comes from file text at fileStart. */
export interface Segment {
  start: number;
  end: number;
  file: string;
  fileStart: number;
}

export type TreeProblemKind = 'not-found' | 'cycle' | 'too-deep' | 'too-many-files' | 'unreadable' | 'undefined-variable';

export interface TreeProblem {
  kind: TreeProblemKind;
  file: string;
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning' | 'information';
}

export interface ServerTree {
  root: string;
  serverRoot: string;
  /** Every file read, with its text, in the order Apache first reads it. */
  files: Map<string, string>;
  text: string;
  segments: Segment[];
  /** Define'd names over the environment, as they stand once the whole tree is read. */
  defines: Map<string, string>;
  /** The environment Apache starts with: Debian's envvars (empty elsewhere); rules see it through the tree's ast. */
  environment: Map<string, string>;
  /** The envvars file read for `environment`, if any (navigation jumps to its `export` lines). */
  environmentFile?: { path: string; text: string };
  problems: TreeProblem[];
  /** False when a limit stopped the expansion or a target could not be read: rules then say they saw part of the tree. */
  complete: boolean;
}

export interface TreeOptions {
  /** ServerRoot to use instead of the one the files declare or the layout suggests. */
  serverRoot?: string;
  /** Extra roots an Include target is looked for under when the ServerRoot has no match (setting includeSearchPaths). */
  includeSearchPaths?: string[];
  maxDepth?: number;
  maxFiles?: number;
}

/** The directives buildTree acts on. */
const TREE_DIRECTIVES = new Set(['serverroot', 'define', 'undefine', 'include', 'includeoptional']);
/** httpd refuses nesting deeper than this (AP_MAX_INCLUDE_DEPTH). */
const APACHE_MAX_DEPTH = 128;
const DEFAULT_MAX_FILES = 2000;
/** Well-known ServerRoots: an absolute path under one of them is looked for under the workspace's root too. */
const KNOWN_ROOTS = ['/etc/apache2', '/etc/httpd', '/usr/local/apache2', '/etc/httpd/conf'];

/** ServerRoot guessed from the root file's place: Debian keeps apache2.conf in it, RHEL keeps conf/httpd.conf. */
export function guessServerRoot(rootFile: string): string {
  const dir = path.dirname(rootFile);
  return path.basename(dir) === 'conf' && path.basename(rootFile) === 'httpd.conf' ? path.dirname(dir) : dir;
}

export function buildTree(source: FileSource, rootFile: string, options: TreeOptions = {}): ServerTree {
  const files = new GuardedFiles(source);
  const root = path.resolve(rootFile);
  const layoutRoot = options.serverRoot ?? guessServerRoot(root);
  const env = readEnvvars(files, layoutRoot);
  const tree: ServerTree = {
    root,
    serverRoot: layoutRoot,
    files: new Map(),
    text: '',
    segments: [],
    defines: new Map(env.vars),
    environment: env.vars,
    environmentFile: env.file,
    problems: [],
    complete: true,
  };
  const maxDepth = Math.min(options.maxDepth ?? APACHE_MAX_DEPTH, APACHE_MAX_DEPTH);
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  let declaredRoot: string | undefined;
  const substitute = (value: string) => substituteVariables(value, { defined: tree.defines }).text;
  let fileCount = 0;
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string, file: string | null, fileStart: number) => {
    if (file !== null && text.length >= 0) tree.segments.push({ start: length, end: length + text.length, file, fileStart });
    parts.push(text);
    length += text.length;
  };

  /**
   * Maps a path the config names to where it is in this workspace: relative paths sit under the ServerRoot we
   * read from, and absolute paths under the declared or a well-known ServerRoot (/etc/apache2 …) are looked for
   * in the workspace copy first, which is what the user edits.
   */
  const exists = (p: string) => (hasWildcard(p) ? expandGlob(files, p, 1).length > 0 : files.kind(p) !== undefined);
  const locateUnderRoot = (p: string): string => {
    if (!path.isAbsolute(p)) return path.join(tree.serverRoot, p);
    for (const known of [declaredRoot, ...KNOWN_ROOTS]) {
      if (!known || known === tree.serverRoot || !(p === known || p.startsWith(known + '/'))) continue;
      const mapped = path.join(tree.serverRoot, p.slice(known.length));
      if (exists(mapped)) return mapped;
    }
    return p;
  };
  /** Where nothing matches, each Include search root (setting) stands in for `/` and for the ServerRoot. */
  const locate = (p: string): string => {
    const found = locateUnderRoot(p);
    const roots = options.includeSearchPaths ?? [];
    if (roots.length === 0 || exists(found)) return found;
    const known = path.isAbsolute(p) ? [declaredRoot, ...KNOWN_ROOTS].find((k) => k && p.startsWith(k + '/')) : undefined;
    const candidates = roots.flatMap((r) => [path.join(r, p), ...(known ? [path.join(r, p.slice(known.length))] : [])]);
    return candidates.find(exists) ?? found;
  };

  /** `text`: the file's text, read once by the caller (a file included twice keeps its first reading). */
  const visit = (file: string, text: string, depth: number, chain: string[]): void => {
    if (!tree.files.has(file)) tree.files.set(file, text);
    fileCount++;
    let emitted = 0;
    for (const line of treeDirectiveLines(text)) {
      const s = line.content;
      const i = skipBlanks(s, 0);
      if (i >= s.length || s[i] === '#' || s[i] === '<') continue;
      // Only a few directives shape the tree: the other lines' arguments are not worth reading here.
      const { word: nameWord, next } = readWord(line, i);
      const name = nameWord.value.toLowerCase();
      if (!TREE_DIRECTIVES.has(name)) continue;
      const args = readWords(line, next);
      if (name === 'serverroot' && args[0]) {
        // Remembered to map absolute paths; relative ones stay under the root we read from (the workspace copy).
        declaredRoot = substitute(args[0].value).replace(/\/+$/, '');
      } else if (name === 'define' && args[0]) {
        tree.defines.set(args[0].value, args[1] ? substitute(args[1].value) : '');
      } else if (name === 'undefine' && args[0]) {
        tree.defines.delete(args[0].value);
      } else if ((name === 'include' || name === 'includeoptional') && args[0]) {
        emit(text.slice(emitted, line.next), file, emitted);
        emitted = line.next;
        const optional = name === 'includeoptional';
        const problem = (kind: TreeProblemKind, message: string, severity: TreeProblem['severity']) =>
          tree.problems.push({ kind, file, start: args[0].start, end: args[args.length - 1].end, message, severity });
        const target = substitute(args[0].value);
        if (target.includes('${')) {
          problem('undefined-variable', `Include target '${args[0].value}' uses an undefined variable; it was not followed.`, 'information');
          tree.complete = false;
          continue;
        }
        const located = locate(target);
        const matches = hasWildcard(located) ? expandGlob(files, located, maxFiles) : files.kind(located) ? [located] : [];
        if (matches.length === 0) {
          if (!optional) {
            problem(
              'not-found',
              hasWildcard(target)
                ? `No file matches '${target}' (looked in ${path.dirname(located)}); Apache refuses to start. Use IncludeOptional if the files may be absent.`
                : `Included file '${target}' does not exist (looked for ${located}); Apache refuses to start.`,
              'error',
            );
          }
          continue;
        }
        for (const m of expandDirectories(files, matches, maxFiles)) {
          if (chain.includes(m)) {
            problem('cycle', `Include cycle: ${[...chain.slice(chain.indexOf(m)), m].map((f) => path.basename(f)).join(' → ')}; Apache would recurse until its depth limit.`, 'error');
            continue;
          }
          if (depth + 1 >= maxDepth) {
            problem('too-deep', `Includes nest deeper than ${maxDepth} levels; Apache stops here.`, 'error');
            tree.complete = false;
            break;
          }
          if (fileCount >= maxFiles) {
            problem('too-many-files', `More than ${maxFiles} files are included; the rest were not analysed.`, 'warning');
            tree.complete = false;
            break;
          }
          const included = tree.files.get(m) ?? files.read(m);
          if (included === undefined) {
            problem('unreadable', `Cannot read included file ${m}.`, 'warning');
            tree.complete = false;
            continue;
          }
          // A blank line on each side keeps every file's offsets apart, so each offset maps to one file.
          emit('\n', null, 0);
          visit(m, included, depth + 1, [...chain, m]);
          emit('\n', null, 0);
        }
      }
    }
    emit(text.slice(emitted), file, emitted);
  };

  const rootText = files.read(root);
  if (rootText !== undefined) visit(root, rootText, 0, [root]);
  tree.text = parts.join('');
  return tree;
}

/**
 * A matched directory is read whole, recursively, in name order, dot-files and dot-directories included: httpd
 * skips only `.` and `..` there (apache2 -t fails on a bad `dir/.hidden.conf` for `Include dir/`). Only a
 * wildcard component skips dot names (glob.ts).
 */
function expandDirectories(files: FileSource, paths: string[], limit: number): string[] {
  const out: string[] = [];
  const add = (p: string, depth: number) => {
    if (out.length > limit || depth > 16) return;
    if (files.kind(p) === 'dir') {
      for (const n of files.list(p).sort()) add(path.join(p, n), depth + 1);
    } else out.push(p);
  };
  for (const p of paths) add(p, 0);
  return out;
}

/** Debian's envvars (`export APACHE_LOG_DIR=/var/log/apache2$SUFFIX`): Apache substitutes them as ${VAR}. */
function readEnvvars(files: FileSource, serverRoot: string): { vars: Map<string, string>; file?: { path: string; text: string } } {
  const vars = new Map<string, string>();
  const file = path.join(serverRoot, 'envvars');
  const text = files.read(file);
  if (!text) return { vars };
  // Blanks within the line only: `^\s*` would rescan every following blank line from each line start (quadratic).
  for (const m of text.matchAll(/^[ \t]*export[ \t]+([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s#]*)/gm)) {
    const raw = m[2].replace(/^["']|["']$/g, '');
    vars.set(m[1], raw.replace(/\$\{?SUFFIX\}?/g, '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => vars.get(v) ?? ''));
  }
  return { vars, file: { path: file, text } };
}

/** Maps an expanded-text offset to its file and local offset; undefined inside the synthetic separators. */
export function toFileOffset(tree: ServerTree, offset: number): { file: string; offset: number } | undefined {
  const segs = tree.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return { file: s.file, offset: s.fileStart + (offset - s.start) };
  }
  return undefined;
}

/** Maps a file-local offset to the expanded text (its first occurrence, when a file is included twice). */
export function toTreeOffset(tree: ServerTree, file: string, offset: number): number | undefined {
  for (const s of tree.segments) {
    if (s.file === file && offset >= s.fileStart && offset <= s.fileStart + (s.end - s.start)) return s.start + (offset - s.fileStart);
  }
  return undefined;
}
