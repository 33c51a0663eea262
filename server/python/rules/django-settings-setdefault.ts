// Django's generated wsgi.py uses os.environ.setdefault('DJANGO_SETTINGS_MODULE', …). Under mod_wsgi several
// sites can share one process (embedded mode, or one daemon group with an application group per site): the
// environment is the process's, so the first site to load sets the variable and every later one keeps it.
// A warning when a configuration in view serves the script from a shared process (the config side of the rule,
// server/rules/django-settings-setdefault.ts, says the same on the WSGIScriptAlias line); information when no
// configuration serving it is in view (a lone Django project's wsgi.py); nothing when every one gives it a
// process of its own.
// https://docs.djangoproject.com/en/stable/howto/deployment/wsgi/#configuring-the-settings-module
import { shortCode, type PythonRule } from './types';
import { textOf } from '../syntax';
import { settingsSetdefaults } from '../django';

export const djangoSettingsSetdefault: PythonRule = {
  id: 'django-settings-setdefault',
  defaultSeverity: 'warning',
  fixable: true,
  description: "A WSGI script that sets DJANGO_SETTINGS_MODULE with setdefault(), which keeps another site's value in a shared process.",
  docUrl: 'https://docs.djangoproject.com/en/stable/howto/deployment/wsgi/#configuring-the-settings-module',
  check(ctx) {
    const served = ctx.serving?.aliases ?? [];
    const shared = served.filter((a) => a.shared);
    // Served, and no serving alias shares its process: setdefault() is harmless there.
    if (served.length > 0 && shared.length === 0) return;
    const context =
      shared.length > 0
        ? `Here ${shared[0].label} shares ${shared[0].shared}${shared.length > 1 ? ` (and ${shared.length - 1} more)` : ''}: ` +
          `the first site loaded decides the settings for both, and requests run with the other site's settings.`
        : `Could not see a configuration that serves this script, so whether it shares a process is unknown; when ` +
          `several Django sites share one (embedded mode, or one daemon group serving more than one site), the first ` +
          `site loaded decides the settings for all.`;
    for (const s of settingsSetdefaults(ctx.source)) {
      const value = textOf(ctx.source, s.value);
      const assignment = `${s.mapping}[${textOf(ctx.source, s.key)}] = ${value}`;
      ctx.report({
        start: s.call.from,
        end: s.call.to,
        severity: shared.length > 0 ? undefined : 'information',
        message:
          `setdefault() leaves DJANGO_SETTINGS_MODULE alone when it is already set, and the environment belongs to the ` +
          `whole process, not to one application. ${context} Assign it instead: ${shortCode(assignment, 80)}.`,
        fixes: s.standalone ? [{ title: `Assign DJANGO_SETTINGS_MODULE = ${shortCode(value, 40)}`, preferred: true, edits: [{ start: s.call.from, end: s.call.to, newText: assignment }] }] : [],
      });
    }
  },
};
