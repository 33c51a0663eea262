import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-daemon-option-conflict', {
  valid: [
    'WSGIDaemonProcess site script-user=deploy\n',
    'WSGIDaemonProcess site script-group=deploy\n',
    // An empty value is its own error (wsgi-daemon-option-value), and mod_wsgi stops there.
    'WSGIDaemonProcess site script-user= script-group=deploy\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess site script-user=deploy «script-group=deploy»\n',
      message: ["Daemon group 'site' gives both script-user and script-group"],
      severity: 'error',
    },
    { code: 'WSGIDaemonProcess site script-group=web threads=5 «script-user=deploy»\n' },
  ],
});
