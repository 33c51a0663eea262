import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-daemon-name', {
  valid: ['WSGIDaemonProcess site processes=2\n', 'WSGIDaemonProcess "my site"\n', 'WSGIDaemonProcess ${NAME} threads=5\n', 'WSGIDaemonProcess a=b\n'],
  invalid: [
    { code: '«WSGIDaemonProcess»\n', message: ['needs a group name'], severity: 'error' },
    { code: '«WSGIDaemonProcess ""» threads=5\n', message: ['needs a group name'] },
    { code: '<VirtualHost *:80>\n  «WSGIDaemonProcess \\\n  »\n</VirtualHost>\n' },
    {
      code: 'WSGIDaemonProcess «processes=2» threads=5\n',
      severity: 'warning',
      message: ["a group literally named 'processes=2'"],
    },
  ],
});
