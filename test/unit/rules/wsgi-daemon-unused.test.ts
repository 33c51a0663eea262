import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-daemon-unused', {
  valid: [
    'WSGIDaemonProcess site\nWSGIProcessGroup site\n',
    '<VirtualHost *:80>\n  WSGIDaemonProcess site threads=5\n  WSGIScriptAlias / /srv/site/wsgi.py process-group=site\n</VirtualHost>\n',
    'WSGIDaemonProcess site\nWSGIImportScript /srv/site/wsgi.py process-group=site application-group=%{GLOBAL}\n',
    'WSGIProcessGroup site\n<IfModule mod_wsgi.c>\nWSGIDaemonProcess site\n</IfModule>\n',
    // %{ENV:…} selects the group per request (SetEnv, RewriteRule [E=…]): any group may be the one
    'WSGIDaemonProcess a\nWSGIDaemonProcess b\nWSGIProcessGroup %{ENV:APP_GROUP}\nWSGIScriptAlias / /srv/site/wsgi.py\n',
  ],
  invalid: [
    // WSGIProcessGroup %{GLOBAL}… would be expanded, not name this group: no fix
    { code: 'WSGIDaemonProcess «%{GLOBAL}site»\nWSGIScriptAlias / /srv/site/wsgi.py\n' },
    {
      code: 'WSGIDaemonProcess «site» processes=2\nWSGIScriptAlias / /srv/site/wsgi.py\n',
      fixed: 'WSGIDaemonProcess site processes=2\nWSGIProcessGroup site\nWSGIScriptAlias / /srv/site/wsgi.py\n',
      message: ["'site'", 'WSGIProcessGroup site'],
      severity: 'warning',
    },
    {
      code: '<VirtualHost *:80>\r\n    WSGIDaemonProcess «shop» \\\r\n        threads=15\r\n    WSGIScriptAlias / /srv/shop/wsgi.py\r\n</VirtualHost>\r\n',
      fixed: '<VirtualHost *:80>\r\n    WSGIDaemonProcess shop \\\r\n        threads=15\r\n    WSGIProcessGroup shop\r\n    WSGIScriptAlias / /srv/shop/wsgi.py\r\n</VirtualHost>\r\n',
    },
    {
      code: 'WSGIDaemonProcess «a»\nWSGIDaemonProcess «b»\nWSGIProcessGroup c\n',
      fixed: 'WSGIDaemonProcess a\nWSGIProcessGroup a\nWSGIDaemonProcess b\nWSGIProcessGroup c\n',
    },
    {
      // a file that only defines groups (used from other files, most likely): information, and no fix
      code: '<IfModule mod_wsgi.c>\n  WSGIDaemonProcess «shop» threads=15\n</IfModule>\n',
      severity: 'information',
      message: ['no WSGIScriptAlias'],
    },
  ],
});
