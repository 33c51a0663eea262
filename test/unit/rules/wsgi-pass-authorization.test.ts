import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-pass-authorization', {
  valid: [
    'WSGIScriptAlias / /srv/a.wsgi pass-authorization=On\n',
    'WSGIScriptAlias / /srv/a.wsgi pass-authorization=off\n',
    'WSGIHandlerScript h /srv/h.py pass-authorization=ON\n',
    'WSGIScriptAlias / /srv/a.wsgi pass-authorization=${FLAG}\n',
  ],
  invalid: [
    {
      code: 'WSGIScriptAlias / /srv/a.wsgi «pass-authorization=yes»\n',
      fixed: 'WSGIScriptAlias / /srv/a.wsgi pass-authorization=On\n',
      message: ['must be On or Off'],
      severity: 'error',
    },
    { code: 'WSGIHandlerScript h /srv/h.py «pass-authorization=false»\n', fixed: 'WSGIHandlerScript h /srv/h.py pass-authorization=Off\n' },
    { code: 'WSGIScriptAlias / /srv/a.wsgi «pass-authorization=»\n' },
    { code: 'WSGIScriptAlias / /srv/a.wsgi «pass-authorization=maybe»\n' },
  ],
});
