import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-duplicate-daemon', {
  valid: [
    'WSGIDaemonProcess one\nWSGIDaemonProcess two\n',
    // Alternatives Apache never reads together.
    '<IfModule !mod_wsgi.c>\nWSGIDaemonProcess one\n</IfModule>\nWSGIDaemonProcess one\n',
    'WSGIDaemonProcess ${A}\nWSGIDaemonProcess ${A}\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess site threads=5\nWSGIProcessGroup site\nWSGIDaemonProcess «site» threads=5\n',
      fixed: 'WSGIDaemonProcess site threads=5\nWSGIProcessGroup site\n',
      message: ["'site' is already defined at server level"],
      severity: 'error',
    },
    {
      code: '<VirtualHost *:80>\n  ServerName a.example.com\n  WSGIDaemonProcess app\n</VirtualHost>\n<VirtualHost *:80>\n  ServerName b.example.com\n  WSGIDaemonProcess «app»\n</VirtualHost>\n',
      message: ['already defined in <VirtualHost *:80> (ServerName a.example.com)', 'across all virtual hosts'],
    },
    { code: 'WSGIDaemonProcess site threads=5\nWSGIDaemonProcess «site» threads=10\n' },
    {
      code: 'WSGIDaemonProcess a\nWSGIDaemonProcess «a»\nWSGIDaemonProcess «a»\n',
      fixed: 'WSGIDaemonProcess a\nWSGIDaemonProcess a\n',
    },
    {
      code: '<IfDefine A>\nWSGIDaemonProcess x\n</IfDefine>\n<IfDefine !A>\nWSGIDaemonProcess «x»\n</IfDefine>\n',
      severity: 'warning',
    },
  ],
});
