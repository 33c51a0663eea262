import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-undefined-process-group', {
  valid: [
    'WSGIDaemonProcess shop\nWSGIProcessGroup shop\n',
    // defined after use is fine at request time
    'WSGIProcessGroup shop\nWSGIDaemonProcess shop\n',
    'WSGIScriptAlias / /srv/a/wsgi.py process-group=%{GLOBAL}\nWSGIProcessGroup %{ENV:GROUP}\n',
    'WSGIProcessGroup ${GROUP}\n',
    // Apache checks this one itself while reading the config (the validation rules report it): not twice
    'WSGIDaemonProcess other\nWSGIScriptAlias / /srv/a/wsgi.py process-group=shop application-group=%{GLOBAL}\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess shop\nWSGIDaemonProcess blog\nWSGIProcessGroup «shpo»\n',
      fixed: 'WSGIDaemonProcess shop\nWSGIDaemonProcess blog\nWSGIProcessGroup shop\n',
      message: ["'shpo'", '500', "Did you mean 'shop'?"],
      severity: 'error',
    },
    {
      code: '<VirtualHost *:80>\n  WSGIDaemonProcess shop\n  WSGIScriptAlias / /srv/shop/wsgi.py process-group=«shop2»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n  WSGIDaemonProcess shop\n  WSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n</VirtualHost>\n',
    },
    {
      // nothing close enough to suggest
      code: 'WSGIDaemonProcess shop\nWSGIProcessGroup «analytics»\n',
      message: ["'analytics'"],
    },
    {
      // a file without any WSGIDaemonProcess: the groups are probably defined elsewhere, so only a warning
      code: '<VirtualHost *:80>\n  WSGIProcessGroup «shop»\n</VirtualHost>\n',
      severity: 'warning',
      message: ['defines no daemon groups'],
    },
  ],
});
