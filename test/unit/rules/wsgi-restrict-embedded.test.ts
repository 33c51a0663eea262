import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-restrict-embedded', {
  valid: [
    'WSGIRestrictEmbedded On\nWSGIDaemonProcess a\nWSGIScriptAlias / /srv/a/wsgi.py process-group=a\n',
    // one alias still runs embedded
    'WSGIDaemonProcess a\nWSGIScriptAlias /a /srv/a/wsgi.py process-group=a\nWSGIScriptAlias /b /srv/b/wsgi.py\n',
    // embedded on purpose
    'WSGIDaemonProcess a\nWSGIScriptAlias /a /srv/a/wsgi.py process-group=a\nWSGIScriptAlias /b /srv/b/wsgi.py process-group=%{GLOBAL}\n',
    // a lone file of <VirtualHost> blocks cannot hold WSGIRestrictEmbedded (server level only): not asked there
    '<VirtualHost *:80>\n  WSGIDaemonProcess a\n  WSGIProcessGroup a\n  WSGIScriptAlias / /srv/a/wsgi.py\n</VirtualHost>\n',
  ],
  invalid: [
    {
      code: 'WSGIPythonOptimize 1\n<IfModule mod_wsgi.c>\n  <VirtualHost *:80>\n    «WSGIDaemonProcess» a\n    WSGIProcessGroup a\n    WSGIScriptAlias / /srv/a/wsgi.py\n  </VirtualHost>\n</IfModule>\n',
      fixed: 'WSGIPythonOptimize 1\n<IfModule mod_wsgi.c>\n  WSGIRestrictEmbedded On\n  <VirtualHost *:80>\n    WSGIDaemonProcess a\n    WSGIProcessGroup a\n    WSGIScriptAlias / /srv/a/wsgi.py\n  </VirtualHost>\n</IfModule>\n',
      message: ['WSGIRestrictEmbedded On'],
      severity: 'hint',
    },
    {
      code: '«WSGIDaemonProcess» a\nWSGIDaemonProcess b\nWSGIScriptAlias /a /srv/a/wsgi.py process-group=a\nWSGIScriptAlias /b /srv/b/wsgi.py process-group=b\n',
      fixed: 'WSGIRestrictEmbedded On\nWSGIDaemonProcess a\nWSGIDaemonProcess b\nWSGIScriptAlias /a /srv/a/wsgi.py process-group=a\nWSGIScriptAlias /b /srv/b/wsgi.py process-group=b\n',
    },
  ],
});
