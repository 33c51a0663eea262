import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-script-args', {
  valid: [
    'WSGIScriptAlias / /srv/site/wsgi.py\n',
    'WSGIScriptAliasMatch ^/(.*) /srv/$1.wsgi process-group=a\n',
    'WSGIImportScript /srv/a.py process-group=a application-group=%{GLOBAL}\n',
    'WSGIHandlerScript h /srv/h.py\n',
    'WSGIDispatchScript /srv/d.py\n',
    'WSGIDaemonProcess\n',
  ],
  invalid: [
    { code: '«WSGIScriptAlias /»\n', message: ['needs the url-path and script-path; the script-path is missing'], severity: 'error' },
    { code: '«WSGIScriptAlias»\n', message: ['the url-path and script-path are missing'] },
    { code: '«WSGIScriptAlias "" /srv/a.wsgi»\n', message: ['has an empty url-path'] },
    { code: '«WSGIImportScript»\n', message: ['needs the script-path'] },
    { code: '«WSGIHandlerScript py-handler»\n', message: ['the script-path is missing'] },
    {
      code: 'WSGIScriptAlias / «process-group=site» /srv/site/wsgi.py\n',
      fixed: 'WSGIScriptAlias / /srv/site/wsgi.py process-group=site\n',
      message: ["mod_wsgi reads 'process-group=site' as the script-path, so mod_wsgi rejects the line"],
    },
    {
      code: 'WSGIImportScript «process-group=a» «application-group=b» /srv/a.py\n',
      fixed: 'WSGIImportScript application-group=b /srv/a.py process-group=a\n',
    },
    {
      code: 'WSGIScriptAlias / «process-group=site»\n',
      severity: 'warning',
      message: ['requests will look for a script of that name'],
    },
  ],
});
