import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-option-case', {
  valid: [
    'WSGIDaemonProcess site processes=2 python-home=/srv/venv\n',
    // Directive names are case-insensitive; only option names are not.
    'wsgidaemonprocess site processes=2\n',
    'WSGIDaemonProcess site bogus=1\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess site «Processes»=2\n',
      fixed: 'WSGIDaemonProcess site processes=2\n',
      message: ["knows 'processes', not 'Processes'"],
      severity: 'error',
    },
    { code: 'WSGIScriptAlias / /srv/a.wsgi «Process-Group»=a\n', fixed: 'WSGIScriptAlias / /srv/a.wsgi process-group=a\n' },
    { code: 'WSGIDaemonProcess site «PYTHON-HOME»=/srv/venv «Threads»=5\n', fixed: 'WSGIDaemonProcess site python-home=/srv/venv Threads=5\n' },
  ],
});
