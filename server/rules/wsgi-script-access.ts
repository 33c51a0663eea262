// A WSGI script whose directory nothing grants access to: Apache 2.4 denies the filesystem by default (Debian's
// apache2.conf has `<Directory /> Require all denied`), so every request gets 403 and the log says
// "AH01630: client denied by server configuration".
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { grantsFor } from '../model/access';
import { scriptLocation } from '../model/scope';
import { configWord, insertBelow } from '../model/edits';
import { sectionInfo } from '../catalog/sections';
import type { Node } from '../syntax/ast';

export const wsgiScriptAccess: Rule = {
  id: 'wsgi-script-access',
  defaultSeverity: 'information',
  fixable: true,
  description: "No <Directory>/<Files> section grants access to a WSGI script's directory (403 client denied).",
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  check(ctx) {
    const where = ctx.seesWholeServer ? 'the server configuration' : 'this file';
    for (const alias of ctx.model.scriptAliases) {
      const { dir, file } = scriptLocation(alias);
      if (!dir || !alias.target || grantsFor(ctx.model, alias).length > 0) continue;
      const block = file
        ? [`<Directory ${configWord(dir)}>`, `    <Files ${configWord(file)}>`, `        Require all granted`, `    </Files>`, `</Directory>`]
        : [`<Directory ${configWord(dir)}>`, `    Require all granted`, `</Directory>`];
      ctx.report({
        start: alias.target.start,
        end: alias.target.end,
        message:
          `Nothing in ${where} grants access to ${file ? `'${file}' in ` : ''}'${dir}': Apache 2.4 denies the filesystem by default, ` +
          `so requests get 403 ("client denied by server configuration").` +
          ` Add a <Directory ${dir}> block with ${file ? `<Files ${file}> ` : ''}Require all granted.`,
        fixes: directoryMayFollow(alias.node) && literal(dir) && (!file || literal(file)) ? [{ title: `Insert <Directory ${dir}> granting access to ${file ?? 'it'}`, edits: [insertBelow(ctx.text, alias.node.end, block, alias.node.start)] }] : [],
      });
    }
  },
};

/** The block goes below the alias: only where a <Directory> may stand (not in the section of a misplaced alias). */
function directoryMayFollow(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.nameLower !== 'virtualhost' && !sectionInfo(p.nameLower)?.transparent) return false;
  return true;
}

/** <Directory> and <Files> read `*?[` as wildcards and a backslash as an escape: a path with them cannot be written as is. */
function literal(path: string): boolean {
  return !/[\\*?[\]]/.test(path);
}
