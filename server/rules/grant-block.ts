// The `<Directory …> Require all granted </Directory>` block that the access rules offer, inserted below the
// directive it is for (with a <Files> block per file when only some files of the directory are meant).
import type { Fix } from './types';
import type { Node } from '../syntax/ast';
import { configWord, insertBelow } from '../model/edits';
import { sectionInfo } from '../catalog/sections';

/** A fix granting access to `dir` (only to `files` in it, when any), below `last`. */
export function grantBlockFix(text: string, dir: string, files: readonly string[], last: Node, preferred?: boolean): Fix {
  // Built in one list (no list per file to flatten).
  const block = [`<Directory ${configWord(dir)}>`];
  if (files.length) for (const f of files) block.push(`    <Files ${configWord(f)}>`, `        Require all granted`, `    </Files>`);
  else block.push(`    Require all granted`);
  block.push(`</Directory>`);
  const what = files.length ? files.join(', ') : 'it';
  const fix: Fix = { title: `Insert <Directory ${dir}> granting access to ${what}`, edits: [insertBelow(text, last.end, block, last.start)] };
  if (preferred) fix.preferred = true;
  return fix;
}

/** The block goes below the directive: only where a <Directory> may stand (top level or a <VirtualHost>, through transparent sections). */
export function directoryMayFollow(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.nameLower !== 'virtualhost' && !sectionInfo(p.nameLower)?.transparent) return false;
  return true;
}

/** <Directory> and <Files> read `*?[` as wildcards and a backslash as an escape: a path with them cannot be written as is. */
export function literalPath(path: string): boolean {
  return !/[\\*?[\]]/.test(path);
}
