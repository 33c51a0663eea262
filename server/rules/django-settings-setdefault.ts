// The config side of django-settings-setdefault (the Python side is server/python/rules/): a script that sets
// DJANGO_SETTINGS_MODULE with setdefault() and runs in a process another application shares. The environment is
// the process's, so whichever site loads first decides the settings of both. Here the fix is the process: a
// daemon group of its own for this application (same options as the one it leaves, so python-home stays).
import type { Rule } from './types';
import { aliasScripts } from '../workspace/scripts-alias';
import { processLabel, sharedProcess } from '../workspace/scripts-sharing';
import { settingsSetdefaults } from '../python/django';
import { daemonNamed, freshGroupName } from '../model/groups';
import { scriptLocation } from '../model/scope';
import { basenameOf } from '../model/paths';
import { insertAbove } from '../model/edits';
import { setAliasOption } from '../workspace/scripts-edits';
import { djangoSettingsSetdefault as pythonSide } from '../python/rules/django-settings-setdefault';

export const djangoSettingsSetdefaultConfig: Rule = {
  id: pythonSide.id,
  defaultSeverity: 'warning',
  fixable: true,
  description: pythonSide.description,
  docUrl: pythonSide.docUrl,
  check(ctx) {
    const scripts = aliasScripts(ctx);
    for (const { alias, resolution: r } of scripts.values()) {
      if (r.kind !== 'found' || !alias.target || !alias.url) continue;
      const script = ctx.scripts?.python(r.file);
      if (!script || settingsSetdefaults(script.source).length === 0) continue;
      const shared = sharedProcess(ctx.model, alias, scripts);
      if (!shared) continue;
      const old = shared.group ? daemonNamed(ctx.model, shared.group) : undefined;
      const options = old ? old.node.args.slice(1).map((w) => ' ' + w.raw).join('') : '';
      // A quote the old group's line never closes takes in the rest of that line: copied onto a line of its own it
      // would be one more unclosed quote, and which options it holds is unclear. No fix then (close the quote first).
      const copyable = !old || old.node.args.every((w) => !w.unterminated);
      const name = freshGroupName(ctx.model, basenameOf(scriptLocation(alias).dir ?? '') || 'wsgi-app');
      ctx.report({
        start: alias.target.start,
        end: alias.target.end,
        message:
          `${r.file} sets DJANGO_SETTINGS_MODULE with setdefault(), and '${alias.url.value}' shares ${processLabel(shared.group)} ` +
          `with '${shared.partner.url!.value}' (${shared.partnerTarget}) in another application group. The environment ` +
          `belongs to the process, so whichever application loads first sets it for both, and requests run with the ` +
          `other site's settings. Give this application its own daemon group (or assign the variable in the script).`,
        fixes: copyable
          ? [
              {
                title: `Run '${alias.url.value}' in a daemon group of its own: WSGIDaemonProcess ${name}${old ? ` (options of '${old.name}')` : ''}`,
                preferred: true,
                edits: [insertAbove(ctx.text, alias.node.start, [`WSGIDaemonProcess ${name}${options}`]), setAliasOption(alias, 'process-group', name)],
              },
            ]
          : [],
      });
    }
  },
};
