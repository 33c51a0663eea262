// Django's generated wsgi.py uses os.environ.setdefault('DJANGO_SETTINGS_MODULE', …). Under mod_wsgi several
// sites can share one process (embedded mode, or one daemon group with an application group per site): the
// environment is the process's, so the first site to load sets the variable and every later one keeps it.
// https://docs.djangoproject.com/en/stable/howto/deployment/wsgi/#configuring-the-settings-module
import { shortCode, type PythonRule } from './types';
import { textOf } from '../syntax';
import { settingsSetdefaults } from '../django';

export const djangoSettingsSetdefault: PythonRule = {
  id: 'django-settings-setdefault',
  defaultSeverity: 'warning',
  description: "A WSGI script that sets DJANGO_SETTINGS_MODULE with setdefault(), which keeps another site's value in a shared process.",
  docUrl: 'https://docs.djangoproject.com/en/stable/howto/deployment/wsgi/#configuring-the-settings-module',
  check(ctx) {
    for (const s of settingsSetdefaults(ctx.source)) {
      const value = textOf(ctx.source, s.value);
      const assignment = `${s.mapping}[${textOf(ctx.source, s.key)}] = ${value}`;
      ctx.report({
        start: s.call.from,
        end: s.call.to,
        message:
          `setdefault() leaves DJANGO_SETTINGS_MODULE alone when it is already set. The environment belongs to the ` +
          `whole process, so when several Django sites share one (embedded mode, or one daemon group serving more ` +
          `than one site), the first site loaded decides the settings for all and requests run with another site's ` +
          `settings. Assign it instead: ${shortCode(assignment, 80)}.`,
        fixes: s.standalone ? [{ title: `Assign DJANGO_SETTINGS_MODULE = ${shortCode(value, 40)}`, preferred: true, edits: [{ start: s.call.from, end: s.call.to, newText: assignment }] }] : [],
      });
    }
  },
};
