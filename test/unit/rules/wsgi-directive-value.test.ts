import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-directive-value', {
  valid: [
    'WSGIRestrictEmbedded On\nWSGIPassAuthorization off\nWSGIScriptReloading OFF\n',
    'WSGIMapHEADToGET auto\nWSGIAcceptMutex FLOCK\nWSGIPythonHashSeed random\nWSGIPythonHashSeed 4294967295\n',
    'WSGITrustedProxies 10.0.0.1 192.168.0.0/16 10.0.0 2001:db8::/32\n',
    'Define FLAG On\nWSGIRestrictEmbedded ${FLAG}\nWSGIRestrictStdout ${UNKNOWN}\n',
    // A wrong number of words is argument-count's finding.
    'WSGIRestrictEmbedded On Off\n',
    '<IfModule !mod_wsgi.c>\nWSGIRestrictEmbedded maybe\n</IfModule>\n',
  ],
  invalid: [
    {
      code: 'WSGIRestrictEmbedded «true»\n',
      fixed: 'WSGIRestrictEmbedded On\n',
      message: ["WSGIRestrictEmbedded does not accept 'true'", 'On or Off'],
      severity: 'error',
    },
    { code: '<Location />\n  WSGIPassAuthorization «no»\n</Location>\n', fixed: '<Location />\n  WSGIPassAuthorization Off\n</Location>\n' },
    { code: 'WSGIMapHEADToGET «sometimes»\n', message: ['On, Off or Auto'] },
    { code: 'WSGIPythonHashSeed «abc»\n', message: ['random, or a whole number from 0 to 4294967295'] },
    { code: 'WSGIPythonHashSeed «4294967296»\n' },
    { code: 'WSGIPythonHashSeed «-1»\n' },
    { code: 'WSGIAcceptMutex «bogus»\n', message: ['default, flock, fcntl, sysvsem, posixsem, pthread'] },
    { code: 'WSGITrustedProxies 10.0.0.1 «proxy.example.com»\n' },
    { code: 'WSGITrustedProxies «2001:DB8::1»\n', fixed: 'WSGITrustedProxies 2001:db8::1\n' },
    { code: 'Define FLAG yes\nWSGIRestrictSignal «${FLAG}»\n', message: ["does not accept 'yes'"] },
    { code: '<IfDefine X>\nWSGIChunkedRequest «maybe»\n</IfDefine>\n', severity: 'warning' },
  ],
});
