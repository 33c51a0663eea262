import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-unknown-option', {
  valid: [
    'WSGIDaemonProcess site processes=2 threads=15 python-home=/srv/venv display-name=%{GROUP}\n',
    'WSGIScriptAlias / /srv/site/wsgi.py process-group=site application-group=%{GLOBAL} callable-object=app pass-authorization=On\n',
    'WSGIHandlerScript h /srv/h.py process-group=a application-group=b pass-authorization=Off\n',
    // A different case is wsgi-option-case's finding, an unresolved ${VAR} is not judged.
    'WSGIDaemonProcess site Processes=2\n',
    'WSGIDaemonProcess site ${OPT}=2\n',
    // Apache skips this body when mod_wsgi is loaded.
    '<IfModule !mod_wsgi.c>\nWSGIDaemonProcess site thread=5\n</IfModule>\n',
  ],
  invalid: [
    {
      code: 'WSGIDaemonProcess site «thread»=5\n',
      fixed: 'WSGIDaemonProcess site threads=5\n',
      message: ["'thread' is not an option of WSGIDaemonProcess", "Did you mean 'threads'?"],
      severity: 'error',
    },
    { code: 'WSGIDaemonProcess site «python_home»=/srv/venv\n', fixed: 'WSGIDaemonProcess site python-home=/srv/venv\n' },
    {
      code: 'WSGIScriptAlias / /srv/site/wsgi.py «processes»=2\n',
      message: ['(it is an option of WSGIDaemonProcess)', 'It accepts: process-group, application-group, callable-object, pass-authorization'],
    },
    { code: 'WSGIDaemonProcess site «proxy-buffer-size»=8192\n', message: ['existed only in mod_wsgi 4.3.1 to 4.4.6'] },
    {
      code: '<VirtualHost *:80>\n  WSGIDaemonProcess site «proceses=2 \\\n     threads=5»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n  WSGIDaemonProcess site processes=2 \\\n     threads=5\n</VirtualHost>\n',
    },
    { code: 'WSGIAuthUserScript /srv/auth.py «aplication-group»=auth\n', fixed: 'WSGIAuthUserScript /srv/auth.py application-group=auth\n' },
    {
      code: '<IfDefine WITH_WSGI>\nWSGIDaemonProcess site «thread»=5\n</IfDefine>\n',
      fixed: '<IfDefine WITH_WSGI>\nWSGIDaemonProcess site threads=5\n</IfDefine>\n',
      severity: 'warning',
      message: ['Inside <IfDefine WITH_WSGI>, which Apache may skip'],
    },
  ],
});
