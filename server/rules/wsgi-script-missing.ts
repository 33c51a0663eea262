// A WSGIScriptAlias whose script is not where the config says: on the server such an alias answers 404 and logs
// "Target WSGI script not found or unable to stat". We say so only where we can tell: for the live configuration
// (a file under /etc/apache2, /etc/httpd …, whose absolute paths are this machine's), or when the workspace holds
// the project (a folder named like one of the script's directories) but no file of the script's name — a typo, or
// a script moved. A workspace that shows nothing of the project (a config-only repository) gets nothing.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { aliasScripts } from '../workspace/scripts-alias';
import { isLiveConfig } from '../workspace/scripts';

export const wsgiScriptMissing: Rule = {
  id: 'wsgi-script-missing',
  defaultSeverity: 'warning',
  description: 'The WSGI script a WSGIScriptAlias names is not at its path on this server, or not in the workspace that holds its project.',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  requestTime: true,
  check(ctx) {
    const live = isLiveConfig(ctx.uri);
    for (const { alias, target, resolution: r } of aliasScripts(ctx).values()) {
      if (!alias.target || r.kind === 'skipped') continue;
      // The live configuration: this machine's disk decides, whatever copies the workspace holds.
      const offDisk = live && ctx.scripts?.exists(target) === false;
      const typo = r.kind === 'missing' && r.near !== undefined;
      if (!offDisk && !typo) continue;
      const looked: string[] = [];
      if (offDisk || (r.kind === 'missing' && r.absoluteChecked)) {
        looked.push(`there is no ${target} on this machine` + (r.kind === 'found' ? ` (the workspace has ${r.file})` : ''));
      }
      if (r.kind === 'missing' && r.near) looked.push(`no file named '${r.name}' is under ${r.searched.join(', ')}, though the project's folder ${r.near} is`);
      const substituted = target !== alias.target.value ? ` ('${alias.target.value}')` : '';
      const cut = r.kind === 'missing' && !r.complete;
      ctx.report({
        start: alias.target.start,
        end: alias.target.end,
        severity: cut ? 'information' : undefined,
        message:
          `WSGI script '${target}'${substituted} not found: ${looked.join(', and ')}` +
          (cut ? ` (the search stopped early: too many folders)` : '') +
          `. Where it is missing, mod_wsgi answers 404 ("Target WSGI script not found"). Check the path.`,
      });
    }
  },
};
