// A WSGI script whose directory nothing grants access to: Apache 2.4 denies the filesystem by default (Debian's
// apache2.conf has `<Directory /> Require all denied`), so every request gets 403 and the log says
// "AH01630: client denied by server configuration".
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { hasGrantFor } from '../model/access';
import { scriptLocation } from '../model/scope';
import { directoryMayFollow, literalPath, shareGrantBlocks, type Ungranted } from './grant-block';

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
      missing.push({ alias, dir, file, fixable, fix: undefined });
    }
    shareGrantBlocks(ctx.text, missing);
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
