import { ruleTable } from '../../helpers/rule-table';

const PREFORK = 'LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so\n';

ruleTable('wsgi-prefork-embedded', {
  valid: [
    // Event MPM: embedded mode is wsgi-embedded-mode's business, not this rule's.
    'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\nWSGIScriptAlias / /srv/a/wsgi.py\n',
    // Prefork, but the application runs in a daemon group.
    PREFORK + 'WSGIDaemonProcess a\nWSGIScriptAlias / /srv/a/wsgi.py process-group=a\n',
    PREFORK + 'WSGIDaemonProcess a\nWSGIProcessGroup a\nWSGIScriptAlias / /srv/a/wsgi.py\n',
  ],
  invalid: [
    { code: PREFORK + '«WSGIScriptAlias» / /srv/a/wsgi.py\n', message: ["'/'", 'prefork'], severity: 'warning' },
    { code: PREFORK + 'WSGIProcessGroup %{GLOBAL}\n«WSGIScriptAlias» /app /srv/a/wsgi.py\n', message: ["'/app'"] },
  ],
});
