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
    {
      // wims-lti's site file: the alias names its own group, which mod_wsgi lets win, so no request gets 500 (a live
      // server answered 200); the misspelled line only misleads
      code: 'WSGIDaemonProcess wimslti threads=2\n<VirtualHost *:80>\n  WSGIScriptAlias / /srv/wims/app.wsgi process-group=wimslti\n  WSGIProcessGroup «wims-lti»\n</VirtualHost>\n',
      fixed: 'WSGIDaemonProcess wimslti threads=2\n<VirtualHost *:80>\n  WSGIScriptAlias / /srv/wims/app.wsgi process-group=wimslti\n  WSGIProcessGroup wimslti\n</VirtualHost>\n',
      severity: 'warning',
      message: ['no request uses this line', 'process-group= '],
    },
    {
      // one alias of the host without process-group= takes the group from the line: every request for it gets 500
      code: 'WSGIDaemonProcess wimslti\n<VirtualHost *:80>\n  WSGIScriptAlias /a /srv/wims/app.wsgi process-group=wimslti\n  WSGIScriptAlias /b /srv/wims/b.wsgi\n  WSGIProcessGroup «wims-lti»\n</VirtualHost>\n',
      fixed: 'WSGIDaemonProcess wimslti\n<VirtualHost *:80>\n  WSGIScriptAlias /a /srv/wims/app.wsgi process-group=wimslti\n  WSGIScriptAlias /b /srv/wims/b.wsgi\n  WSGIProcessGroup wimslti\n</VirtualHost>\n',
      severity: 'error',
      message: ['then answers every request for it with 500'],
    },
    {
      // .wsgi files run by handler take the line's group too
      code: 'WSGIDaemonProcess wimslti\n<VirtualHost *:80>\n  WSGIScriptAlias / /srv/wims/app.wsgi process-group=wimslti\n  AddHandler wsgi-script .wsgi\n  WSGIProcessGroup «wims-lti»\n</VirtualHost>\n',
      fixed: 'WSGIDaemonProcess wimslti\n<VirtualHost *:80>\n  WSGIScriptAlias / /srv/wims/app.wsgi process-group=wimslti\n  AddHandler wsgi-script .wsgi\n  WSGIProcessGroup wimslti\n</VirtualHost>\n',
      severity: 'error',
    },
  ],
});
