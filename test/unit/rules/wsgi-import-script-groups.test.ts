import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-import-script-groups', {
  valid: [
    'WSGIImportScript /srv/a.py process-group=%{GLOBAL} application-group=%{GLOBAL}\n',
    'WSGIDaemonProcess a\nWSGIImportScript /srv/a.py application-group=x process-group=a\n',
    // An option before the path: mod_wsgi rejects the path as an option first (wsgi-script-args' error).
    'WSGIDaemonProcess a\nWSGIImportScript process-group=a /srv/a.py application-group=x\n',
  ],
  invalid: [
    {
      // the one group's name ends in a backslash: written last on the line it would join the next line, so no fix
      code: 'WSGIDaemonProcess site\\ threads=5\n«WSGIImportScript» /srv/site/wsgi.py application-group=%{GLOBAL}\n',
    },
    {
      // a last word `process-group=` would take the added option as its value: no fix
      code: 'WSGIDaemonProcess site\n«WSGIImportScript» /srv/site/wsgi.py process-group=\n',
      message: ['application-group= is missing'],
    },
    {
      code: 'WSGIDaemonProcess site\n«WSGIImportScript» /srv/site/wsgi.py process-group=site\n',
      fixed: 'WSGIDaemonProcess site\nWSGIImportScript /srv/site/wsgi.py process-group=site application-group=%{GLOBAL}\n',
      message: ['application-group= is missing'],
      severity: 'error',
    },
    {
      code: 'WSGIDaemonProcess site\n«WSGIImportScript» /srv/site/wsgi.py application-group=%{GLOBAL}\n',
      fixed: 'WSGIDaemonProcess site\nWSGIImportScript /srv/site/wsgi.py application-group=%{GLOBAL} process-group=site\n',
      message: ['process-group= is missing'],
    },
    {
      // mod_wsgi reads the first word as the script path, so process-group= is not given: no fix (the path is missing)
      code: 'WSGIDaemonProcess site\n«WSGIImportScript» process-group=site application-group=%{GLOBAL}\n',
      message: ['process-group= is missing', "'process-group=site' is the first word"],
    },
    // Two groups to choose from: no guess.
    { code: 'WSGIDaemonProcess a\nWSGIDaemonProcess b\n«WSGIImportScript» /srv/a.py application-group=x\n' },
    // No script path: an added option would be read as the path, so no fix (wsgi-script-args asks for the path).
    { code: '««WSGIImportScript»»\n' },
    {
      code: '««WSGIImportScript»» /srv/a.py\n',
      fixed: 'WSGIImportScript /srv/a.py application-group=%{GLOBAL}\n',
    },
  ],
});
