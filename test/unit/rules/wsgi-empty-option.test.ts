import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-empty-option', {
  valid: [
    'WSGIScriptAlias / /srv/a.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL} callable-object=app\n',
    'WSGIImportScript /srv/a.py process-group=a application-group=b\n',
    // Empty daemon options are wsgi-daemon-option-value's findings.
    'WSGIDaemonProcess site threads=\n',
  ],
  invalid: [
    {
      code: 'WSGIScriptAlias / /srv/a.wsgi «process-group=»\n',
      fixed: 'WSGIScriptAlias / /srv/a.wsgi\n',
      message: ['empty process group name', '%{GLOBAL}'],
      severity: 'error',
    },
    { code: 'WSGIScriptAlias / /srv/a.wsgi «application-group=""» callable-object=app\n', fixed: 'WSGIScriptAlias / /srv/a.wsgi callable-object=app\n' },
    { code: 'WSGIScriptAliasMatch ^/x /srv/a.wsgi «callable-object=»\n', fixed: 'WSGIScriptAliasMatch ^/x /srv/a.wsgi\n' },
    { code: '<Location /x>\n  WSGIAuthGroupScript /srv/auth.py «application-group=»\n</Location>\n', fixed: '<Location /x>\n  WSGIAuthGroupScript /srv/auth.py\n</Location>\n' },
  ],
});
