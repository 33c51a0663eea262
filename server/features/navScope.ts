// Where navigation looks: the open document alone, or the whole server tree that includes it (trusted
// workspace, the document's text the same as the tree's copy). Both give the analysis to search, the cursor's
// offset in it, and the way back from its offsets to a file and a range.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { treeFileOf, type TreeAnalysis } from '../workspace/analyzeTree';
import { toFileOffset, toTreeOffset } from '../workspace/tree';
import { rangeOf } from './locate';
import { LineIndex } from '../syntax/positions';

/** What navigation reads of an analysis (a document's or a server tree's). */
export type NavAnalysis = Pick<Analysis, 'ast' | 'model'>;

export interface NavScope {
  analysis: NavAnalysis;
  /** The document offset in `analysis`; undefined when the document is not part of it. */
  offset(docOffset: number): number | undefined;
  /** A span of `analysis` in its file; undefined when no single file holds it. */
  location(start: number, end: number): Location | undefined;
  /** Set for a server tree: its root file, named in messages. */
  root?: string;
  /** "this file", or the server tree, for hovers. */
  name: string;
  /** The line of a span start, with its file (relative to the ServerRoot) when it is not the document itself. */
  place(offset: number): { line: number; file?: string } | undefined;
  /** Variables the environment exports (Debian's envvars) and the file that exports them. */
  exported?: { values: ReadonlyMap<string, string>; file: string };
  /** Why a rename must not edit this file, if it must not. */
  uneditable(uri: string): string | undefined;
  /** Where the environment sets a variable (`export NAME=` in Debian's envvars), for one no Define sets. */
  environment?(name: string): Location | undefined;
}

export function fileScope(analysis: Analysis): NavScope {
  return {
    analysis,
    offset: (o) => o,
    location: (start, end) => ({ uri: analysis.uri, range: rangeOf(analysis.lines, start, end) }),
    name: 'this file',
    place: (o) => ({ line: analysis.lines.positionAt(o).line }),
    uneditable: () => undefined,
  };
}

/**
 * The server tree as the scope for `doc`, or undefined when the tree's copy of the file differs from the
 * document (the document is authoritative) or the file is not in it. Files outside `folders` are not edited:
 * a system /etc/apache2 the tree reached is not the user's to rename in.
 */
export function treeScope(doc: Analysis, tree: TreeAnalysis, folders: readonly string[]): NavScope | undefined {
  // The tree's path for the document (it may reach it through a symlink).
  const docPath = filePath(doc.uri);
  const file = docPath === undefined ? undefined : treeFileOf(tree, docPath);
  const own = file === undefined ? undefined : tree.files.get(file);
  if (!file || !own || own.text !== doc.text) return undefined;
  const uriOf = (f: string) => (f === file ? doc.uri : pathToFileURL(f).href);
  const label = (f: string) => (f.startsWith(tree.tree.serverRoot + path.sep) ? path.relative(tree.tree.serverRoot, f) : f);
  const env = tree.tree.environmentFile;
  return {
    analysis: tree,
    root: tree.tree.root,
    name: `the server read from ${label(tree.tree.root)}`,
    place(o) {
      const at = toFileOffset(tree.tree, o);
      const lines = at && tree.files.get(at.file)?.lines;
      if (!at || !lines) return undefined;
      return { line: lines.positionAt(at.offset).line, file: at.file === file ? undefined : label(at.file) };
    },
    exported: env && tree.tree.environment.size > 0 ? { values: tree.tree.environment, file: label(env.path) } : undefined,
    offset: (o) => toTreeOffset(tree.tree, file, o),
    location(start, end) {
      const s = toFileOffset(tree.tree, start);
      const e = toFileOffset(tree.tree, end);
      const lines = s && tree.files.get(s.file)?.lines;
      if (!s || !e || s.file !== e.file || !lines) return undefined;
      return { uri: uriOf(s.file), range: rangeOf(lines, s.offset, e.offset) };
    },
    environment(name) {
      const env = tree.tree.environmentFile;
      if (!env || !tree.tree.environment.has(name)) return undefined;
      const m = new RegExp(`^[ \\t]*export[ \\t]+(${name.replace(/[^A-Za-z0-9_]/g, '')})=`, 'm').exec(env.text);
      if (!m) return undefined;
      const start = m.index + m[0].length - 1 - m[1].length;
      return { uri: pathToFileURL(env.path).href, range: rangeOf(new LineIndex(env.text), start, start + m[1].length) };
    },
    uneditable(uri) {
      const f = filePath(uri);
      if (f !== undefined && folders.some((d) => f === d || f.startsWith(d.endsWith(path.sep) ? d : d + path.sep))) return undefined;
      return `${f ?? uri} is outside the workspace folders`;
    },
  };
}

/** A file: uri as an absolute path; undefined for other schemes and malformed uris. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Locations of scope spans, without the duplicates a file included twice gives, in reading order. */
export function locations(scope: NavScope, spans: ReadonlyArray<{ start: number; end: number }>): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    const loc = scope.location(s.start, s.end);
    if (!loc) continue;
    const key = `${loc.uri}\0${loc.range.start.line}:${loc.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loc);
  }
  return out;
}
