import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-daemon-option-value', {
  valid: [
    'WSGIDaemonProcess site processes=1 threads=0\n',
    'WSGIDaemonProcess site threads=65533 umask=0007 home=/srv/site chroot=/srv/jail\n',
    'WSGIDaemonProcess site send-buffer-size=512 receive-buffer-size=0 header-buffer-size=8192 response-buffer-size=65536\n',
    'WSGIDaemonProcess site user=www-data user=#33 cpu-priority=-5 server-metrics=on\n',
    'WSGIDaemonProcess site python-home= lang= supplementary-groups=\n',
    // Values from a Define are substituted; unknown variables are not judged.
    'Define T 20\nWSGIDaemonProcess site threads=${T}\n',
    'WSGIDaemonProcess site threads=${UNKNOWN}\n',
    '<IfDefine NEVER>\n<IfModule !mod_wsgi.c>\nWSGIDaemonProcess site processes=0\n</IfModule>\n</IfDefine>\n',
  ],
  invalid: [
    // removing the last option must not leave a backslash last on the line (it would join the next line)
    {
      code: '<VirtualHost *:80>\nWSGIDaemonProcess site\\ «threads=»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\nWSGIDaemonProcess site\\ \n</VirtualHost>\n',
    },
    { code: 'WSGIDaemonProcess site «processes=0»\n', message: ["'processes=0' is out of range", '1 or more'], severity: 'error' },
    { code: 'WSGIDaemonProcess site «threads=65534»\n', message: ['0 to 65533'] },
    { code: 'WSGIDaemonProcess site «processes=abc»\n', message: ['reads this as 0'] },
    { code: 'WSGIDaemonProcess site «threads=»\n', fixed: 'WSGIDaemonProcess site\n', message: ['has no value'] },
    { code: 'WSGIDaemonProcess site «user=root» threads=5\n', fixed: 'WSGIDaemonProcess site threads=5\n', message: ['as root'] },
    { code: 'WSGIDaemonProcess site «user=#0»\n', fixed: 'WSGIDaemonProcess site\n' },
    { code: 'WSGIDaemonProcess site «home=srv/site»\n', message: ['not an absolute path'] },
    { code: 'WSGIDaemonProcess site «chroot=jail»\n', message: ["chroot to start with '/'"] },
    { code: 'WSGIDaemonProcess site «umask=0999»\n', message: ['not an octal number'] },
    { code: 'WSGIDaemonProcess site «umask=0o22»\n', fixed: 'WSGIDaemonProcess site umask=022\n' },
    { code: 'WSGIDaemonProcess site «send-buffer-size=100»\n', fixed: 'WSGIDaemonProcess site send-buffer-size=512\n', message: ['0 or at least 512'] },
    { code: 'WSGIDaemonProcess site «response-buffer-size=-1»\n', fixed: 'WSGIDaemonProcess site response-buffer-size=65536\n' },
    { code: 'WSGIDaemonProcess site «stack-size=0»\n', message: ['more than 0'] },
    { code: 'WSGIDaemonProcess site «graceful-timeout=-5»\n' },
    { code: 'WSGIDaemonProcess site «memory-limit=-1»\n' },
    { code: 'WSGIDaemonProcess site «server-metrics=yes»\n', fixed: 'WSGIDaemonProcess site server-metrics=On\n', message: ['must be On or Off'] },
    { code: 'WSGIDaemonProcess site «cpu-priority=»\n', fixed: 'WSGIDaemonProcess site\n' },
    { code: 'Define T 70000\nWSGIDaemonProcess site «threads=${T}»\n', message: ['0 to 65533'] },
    {
      code: 'WSGIDaemonProcess site «threads=abc»\n',
      severity: 'warning',
      message: ['this means 0', 'serves no requests'],
    },
    { code: 'WSGIDaemonProcess site «maximum-requests=1k»\n', fixed: 'WSGIDaemonProcess site maximum-requests=1\n', severity: 'warning' },
    {
      code: 'WSGIDaemonProcess site «processes=0 \\\n    threads=5»\n',
      message: ["'processes=0' is out of range"],
    },
  ],
});
