import { ruleTable } from '../../helpers/rule-table';

ruleTable('alias-trailing-slash', {
  valid: [
    // Slashes that agree, either way; a file target without a slash on the URL either.
    'Alias /static/ /srv/site/static/\nAlias /media /srv/site/media\nAlias /favicon.ico /srv/site/static/favicon.ico\n',
    // A target ending in '/' under a URL without one only doubles a slash, which the filesystem ignores.
    'Alias /media /srv/site/media/\nScriptAlias /cgi-bin/ /usr/lib/cgi-bin/\n',
    // mod_wsgi mounts / as the whole site (SCRIPT_NAME '', PATH_INFO the path).
    'WSGIScriptAlias / /srv/site/wsgi.py\nWSGIScriptAlias /api /srv/api/wsgi.py\nWSGIScriptAlias /scripts/ /srv/wsgi-scripts/\n',
    // Not judged: a ${VAR} (its value may end in '/'), a regular expression form, the one-word form in <Location>.
    'Define STATIC /srv/static/\nAlias /static/ ${STATIC}\nAliasMatch ^/static/(.*)$ /srv/static/$1\n<Location /files/>\n  Alias /srv/files\n</Location>\n',
    // A body Apache skips.
    '<IfDefine NEVER_DEFINED_HERE>\n</IfDefine>\nDefine ON\n<IfDefine !ON>\n  Alias /static/ /srv/static\n</IfDefine>\n',
  ],
  invalid: [
    {
      code: '<VirtualHost *:80>\n    Alias «/static/ /srv/site/static»\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n    Alias /static/ /srv/site/static/\n</VirtualHost>\n',
      message: ["'/static/app.css' is served from '/srv/site/staticapp.css'", "'/static' without the slash is not aliased"],
      severity: 'warning',
    },
    // Quoted: the slash goes inside the quotes.
    { code: 'Alias «"/static/" "/srv/my site/static"»\n', fixed: 'Alias "/static/" "/srv/my site/static/"\n' },
    // The whole site aliased: only the target can change.
    { code: 'Alias «/ /srv/site/public»\n', fixed: 'Alias / /srv/site/public/\n', message: ["'/app.css' is served from '/srv/site/publicapp.css'"] },
    { code: 'ScriptAlias «/cgi-bin/ /usr/lib/cgi-bin»\n', fixed: 'ScriptAlias /cgi-bin/ /usr/lib/cgi-bin/\n' },
    {
      // the mount point loses its slash (the script path is a file)
      code: 'WSGIDaemonProcess api\nWSGIScriptAlias «/api/ /srv/api/wsgi.py» process-group=api\n',
      fixed: 'WSGIDaemonProcess api\nWSGIScriptAlias /api /srv/api/wsgi.py process-group=api\n',
      message: ["'/api/users' looks for the script '/srv/api/wsgi.pyusers'", "Mount it at '/api'"],
    },
    { code: 'WSGIScriptAlias «"/api//" /srv/api/wsgi.py»\n', fixed: 'WSGIScriptAlias "/api" /srv/api/wsgi.py\n' },
  ],
});
