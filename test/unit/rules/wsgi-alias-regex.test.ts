import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-alias-regex', {
  valid: [
    'WSGIScriptAliasMatch ^/apps/([^/]+) /srv/apps/$1/wsgi.py\n',
    // PCRE accepts these although JavaScript does not compile them as written.
    'WSGIScriptAliasMatch "^/(?i)a(?#note)(?>b)++(?P<n>c)(?P=n)" /srv/a.wsgi\n',
    'WSGIScriptAliasMatch ^/\\Qa(b\\E /srv/a.wsgi\n',
    // Apache turns \\\\ into \\ before the pattern is compiled: this is an escaped parenthesis.
    'WSGIScriptAliasMatch ^/a\\\\(b /srv/a.wsgi\n',
    // Constructs we cannot translate are given the benefit of the doubt.
    'WSGIScriptAliasMatch ^/(a(?R)?b) /srv/a.wsgi\n',
    'WSGIScriptAliasMatch ${PATTERN} /srv/a.wsgi\n',
  ],
  invalid: [
    { code: 'WSGIScriptAliasMatch «^/(app» /srv/a.wsgi\n', message: ["pattern '^/(app' does not compile"], severity: 'error' },
    { code: 'WSGIScriptAliasMatch «*app» /srv/a.wsgi\n' },
    { code: 'WSGIScriptAliasMatch «^/[z-a]» /srv/a.wsgi\n' },
    { code: 'WSGIScriptAliasMatch «^/(a)\\\\2» /srv/a.wsgi\n', message: ['refers to capture group 2, but the pattern has only 1'] },
    { code: 'WSGIScriptAliasMatch «^/a{70000}» /srv/a.wsgi\n', message: ['above 65535'] },
    { code: 'WSGIScriptAliasMatch «"^/a\\\\"» /srv/a.wsgi\n' },
  ],
});
