// "Touch WSGI Script": sets a WSGI script's modification time to now, so mod_wsgi's daemon processes reload the
// application on their next request (WSGIScriptReloading, on by default). Only scripts a WSGIScriptAlias of the
// document names, and only inside a workspace folder: the command must not become a way to touch any file.
// https://modwsgi.readthedocs.io/en/master/user-guides/reloading-source-code.html
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigModel } from '../model/model';
import { aliasAt } from './effectiveGroup';

export interface ScriptTarget {
  path: string;
  url: string;
  /** Byte offset of the alias, for the caller's line numbers. */
  offset: number;
}

export type TouchResult =
  | { touched: string; mtime: string }
  | { choices: ScriptTarget[]; message: string }
  | { refused: string };

/** Script files the document's aliases name (static absolute paths of files, not directories). */
export function scriptTargets(model: ConfigModel): ScriptTarget[] {
  return model.scriptAliases.flatMap((a) => {
    const t = a.target?.value;
    if (a.match || !t || !path.isAbsolute(t) || t.endsWith('/') || /[$%]\{|\$\d/.test(t)) return [];
    return [{ path: path.normalize(t), url: a.url?.value ?? '', offset: a.node.start }];
  });
}

function realpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Whether `file` (resolved, symlinks followed) lies inside one of the folders. */
export function insideFolders(file: string, folders: readonly string[]): boolean {
  const real = realpath(file);
  if (!real) return false;
  return folders.some((f) => {
    const root = realpath(f);
    if (!root) return false;
    const rel = path.relative(root, real);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}

/**
 * Touches the script given (it must be one of the document's targets), else the one of the alias at `offset`, else
 * the only target in the workspace; with several candidates the caller is asked to choose.
 */
export function touchScript(model: ConfigModel, offset: number, folders: readonly string[], chosen?: string, now = new Date()): TouchResult {
  const targets = scriptTargets(model);
  if (targets.length === 0) return { refused: 'No WSGIScriptAlias in this file names a script file.' };
  let target: ScriptTarget | undefined;
  if (chosen !== undefined) {
    target = targets.find((t) => t.path === path.normalize(chosen));
    if (!target) return { refused: `${chosen} is not a script a WSGIScriptAlias of this file names.` };
  } else {
    const here = aliasAt(model, offset);
    target = here && targets.find((t) => t.offset === here.node.start);
    if (!target) {
      const inWorkspace = targets.filter((t) => insideFolders(t.path, folders));
      if (inWorkspace.length !== 1) {
        return inWorkspace.length === 0
          ? { refused: `None of the scripts (${targets.map((t) => t.path).join(', ')}) is a file inside the workspace.` }
          : { choices: inWorkspace, message: 'Several WSGI scripts: choose one.' };
      }
      target = inWorkspace[0];
    }
  }
  if (!insideFolders(target.path, folders)) return { refused: `${target.path} is not a file inside the workspace; only workspace scripts are touched.` };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target.path);
    if (!stat.isFile()) return { refused: `${target.path} is not a file.` };
    fs.utimesSync(target.path, stat.atime, now);
  } catch (err) {
    return { refused: `Cannot touch ${target.path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.` };
  }
  return { touched: target.path, mtime: now.toISOString() };
}
