// The `<Directory …> Require all granted </Directory>` block that the access rules offer, inserted below the
// directive it is for (with a <Files> block per file when only some files of the directory are meant), one for
// all the findings of a host and directory.
import type { Fix } from './types';
import type { Node, SectionNode } from '../syntax/ast';
import type { ScriptAlias } from '../model/model';
import { configWord, insertBelow } from '../model/edits';
import { sectionInfo } from '../catalog/sections';

/** An alias nothing grants access to, as the access rules gather them; `fix` is set by shareGrantBlocks. */
export interface Ungranted {
  alias: ScriptAlias;
  dir: string;
  file: string | undefined;
  /** Whether a block can be offered for it (its paths written as they are, a place below it for a <Directory>). */
  fixable: boolean;
  /** The block this finding offers (shared with the others of its group). */
  fix?: Fix;
}

/**
 * One block for every fixable ungranted alias of the same directory in the same host, below the last of them:
 * each of their findings offers this same edit, so one fix (a click, or --fix) grants them all, once.
 */
export function shareGrantBlocks(text: string, missing: readonly Ungranted[], preferred?: boolean): void {
  // By host (null: the main server; the alias's host was worked out when the model was built), then by
  // directory: no key string is built (and hashed) per finding.
  const byHost = new Map<SectionNode | null, Ungranted[]>();
  for (const m of missing) {
    if (!m.fixable) continue;
    const list = byHost.get(m.alias.vhost);
    if (list) list.push(m);
    else byHost.set(m.alias.vhost, [m]);
  }
  // Each group's fix depends on that group alone: the order they are made in does not matter.
  for (const list of byHost.values()) {
    // A host with one finding (the common case) is one group: no map by directory for it.
    if (list.length === 1) {
      list[0].fix = blockFix(text, list, preferred);
      continue;
    }
    const groups = new Map<string, Ungranted[]>();
    for (const m of list) {
      const group = groups.get(m.dir);
      if (group) group.push(m);
      else groups.set(m.dir, [m]);
    }
    for (const group of groups.values()) {
      const fix = blockFix(text, group, preferred);
      for (const m of group) m.fix = fix;
    }
  }
}

/** The block for one group (one directory): its files when all of them alias single files, else the directory. */
function blockFix(text: string, group: readonly Ungranted[], preferred: boolean | undefined): Fix {
  // Most groups hold one alias: its file (if any) is the list, without the Set that removes repeats.
  const files = group.length === 1 ? (group[0].file ? [group[0].file] : []) : group.some((o) => !o.file) ? [] : [...new Set(group.map((o) => o.file!))];
  const dir = group[0].dir;
  const last = group[group.length - 1].alias.node;
  // Built in one list (no list per file to flatten).
  const block = [`<Directory ${configWord(dir)}>`];
  if (files.length) for (const f of files) block.push(`    <Files ${configWord(f)}>`, `        Require all granted`, `    </Files>`);
  else block.push(`    Require all granted`);
  block.push(`</Directory>`);
  const fix: Fix = { title: `Insert <Directory ${dir}> granting access to ${files.length ? files.join(', ') : 'it'}`, edits: [insertBelow(text, last.end, block, last.start)] };
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
