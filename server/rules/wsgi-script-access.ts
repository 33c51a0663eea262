// A WSGI script whose directory nothing grants access to: Apache 2.4 denies the filesystem by default (Debian's
// apache2.conf has `<Directory /> Require all denied`), so every request gets 403 and the log says
// "AH01630: client denied by server configuration".
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { hasGrantFor } from '../model/access';
import { scriptLocation } from '../model/scope';
import { directoryMayFollow, grantBlockFix, literalPath } from './grant-block';
import type { SectionNode } from '../syntax/ast';
import type { ScriptAlias } from '../model/model';

export const wsgiScriptAccess: Rule = {
  id: 'wsgi-script-access',
  defaultSeverity: 'information',
  fixable: true,
  description: "No <Directory>/<Files> section grants access to a WSGI script's directory (403 client denied).",
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  inputs: ['wsgiscriptalias', 'wsgiscriptaliasmatch', 'require', 'allow'],
  check(ctx) {
    const where = ctx.seesWholeServer ? 'the server configuration' : 'this file';
    const missing: Ungranted[] = [];
    // Indexed: the allocation profile showed an iterator result per alias here.
    const aliases = ctx.model.scriptAliases;
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i];
      const { dir, file } = scriptLocation(alias);
      if (!dir || !alias.target || hasGrantFor(ctx.model, alias)) continue;
      const fixable = directoryMayFollow(alias.node) && literalPath(dir) && (!file || literalPath(file));
      // The alias's host is enclosingVirtualHost(alias.node), worked out when the model was built.
      missing.push({ alias, dir, file, fixable, host: alias.vhost, fix: undefined });
    }
    shareFixes(ctx.text, missing);
    for (const m of missing) {
      const { alias, dir, file, fix } = m;
      ctx.report({
        start: alias.target!.start,
        end: alias.target!.end,
        message:
          `Nothing in ${where} grants access to ${file ? `'${file}' in ` : ''}'${dir}': Apache 2.4 denies the filesystem by default, ` +
          `so requests get 403 ("client denied by server configuration").` +
          ` Add a <Directory ${dir}> block with ${file ? `<Files ${file}> ` : ''}Require all granted.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

interface Ungranted {
  alias: ScriptAlias;
  dir: string;
  file: string | undefined;
  fixable: boolean;
  host: SectionNode | null;
  /** The block this finding offers (shared with the others of its group), set by shareFixes. */
  fix: Fix | undefined;
}

/**
 * One block for every ungranted script of the same directory in the same host, below the last of their aliases:
 * each of their findings offers this same edit, so one fix (a click, or --fix) grants them all, once.
 */
function shareFixes(text: string, missing: readonly Ungranted[]): void {
  // By host (null: the main server), then by directory: no key string is built (and hashed) per finding.
  const byHost = new Map<SectionNode | null, Ungranted[]>();
  for (const m of missing) {
    if (!m.fixable) continue;
    const list = byHost.get(m.host);
    if (list) list.push(m);
    else byHost.set(m.host, [m]);
  }
  // Each group's fix depends on that group alone: the order they are made in does not matter.
  for (const list of byHost.values()) {
    // A host with one finding (the common case) is one group: no map by directory for it.
    if (list.length === 1) {
      list[0].fix = blockFix(text, list[0].dir, list);
      continue;
    }
    const groups = new Map<string, Ungranted[]>();
    for (const m of list) {
      const group = groups.get(m.dir);
      if (group) group.push(m);
      else groups.set(m.dir, [m]);
    }
    for (const group of groups.values()) {
      const fix = blockFix(text, group[0].dir, group);
      for (const m of group) m.fix = fix;
    }
  }
}

function blockFix(text: string, dir: string, group: readonly Ungranted[]): Fix {
  // Most groups hold one script: its file (if any) is the list, without the Set that removes repeats.
  const files = group.length === 1 ? (group[0].file ? [group[0].file] : []) : group.some((o) => !o.file) ? [] : [...new Set(group.map((o) => o.file!))];
  return grantBlockFix(text, dir, files, group[group.length - 1].alias.node);
}
