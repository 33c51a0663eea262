import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-script-alias-order', {
  valid: [
    'WSGIScriptAlias /suburl /srv/sub/wsgi.py\nWSGIScriptAlias / /srv/main/wsgi.py\n',
    // /app is not a path-segment prefix of /application
    'WSGIScriptAlias /app /srv/app/wsgi.py\nWSGIScriptAlias /application /srv/application/wsgi.py\n',
    // mod_alias runs before mod_wsgi: the static Alias wins whatever the order
    'WSGIScriptAlias / /srv/site/wsgi.py\nAlias /static/ /srv/site/static/\n',
    // different hosts do not compete
    '<VirtualHost *:80>\n  WSGIScriptAlias / /srv/a/wsgi.py\n</VirtualHost>\n<VirtualHost *:80>\n  WSGIScriptAlias /api /srv/b/wsgi.py\n</VirtualHost>\n',
    // the one-argument Alias inside <Location> is not a prefix mapping
    '<Location /static>\n  Alias /srv/static\n</Location>\nAlias /static/css /srv/css\n',
    // A fallback for a server without mod_rewrite: Apache 2.4 on Debian has the module, so it skips the section.
    '<IfModule !mod_rewrite.c>\n  WSGIScriptAlias / /srv/fallback/wsgi.py\n</IfModule>\nWSGIScriptAlias /api /srv/api/wsgi.py\n',
    // The same alias for two modules of which at most one may be there: alternatives, not a repeat.
    '<IfModule mod_fcgid.c>\n  ScriptAlias /cgi /srv/fcgi/\n</IfModule>\n<IfModule mod_fastcgi.c>\n  ScriptAlias /cgi /srv/fastcgi/\n</IfModule>\n',
  ],
  invalid: [
    {
      // Within one section that may be skipped, both are read or neither is: the order still matters.
      code: '<IfModule mod_fastcgi.c>\n  WSGIScriptAlias / /srv/main/wsgi.py\n  WSGIScriptAlias «/api» /srv/api/wsgi.py\n</IfModule>\n',
      fixed: '<IfModule mod_fastcgi.c>\n  WSGIScriptAlias /api /srv/api/wsgi.py\n  WSGIScriptAlias / /srv/main/wsgi.py\n</IfModule>\n',
    },
    {
      code: '<VirtualHost *:80>\n    WSGIScriptAlias / /srv/main/wsgi.py\n    WSGIScriptAlias «/suburl» /srv/sub/wsgi.py process-group=sub\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80>\n    WSGIScriptAlias /suburl /srv/sub/wsgi.py process-group=sub\n    WSGIScriptAlias / /srv/main/wsgi.py\n</VirtualHost>\n',
      message: ["'/suburl'", "'WSGIScriptAlias /'"],
      severity: 'warning',
    },
    {
      code: 'Alias /media/ /srv/media/\nAlias «/media/thumbs/» /srv/thumbs/\n',
      fixed: 'Alias /media/thumbs/ /srv/thumbs/\nAlias /media/ /srv/media/\n',
    },
    {
      // repeated slashes match as one, as in mod_alias
      code: 'WSGIScriptAlias /api/ /srv/api/wsgi.py\nWSGIScriptAlias «//api//v2» /srv/v2/wsgi.py\n',
      fixed: 'WSGIScriptAlias //api//v2 /srv/v2/wsgi.py\nWSGIScriptAlias /api/ /srv/api/wsgi.py\n',
    },
    {
      // an Alias swallows a WSGIScriptAlias under it even when listed after it: no move helps
      code: 'WSGIScriptAlias «/docs/api» /srv/api/wsgi.py\nAlias /docs /srv/docs\n',
      message: ['mod_alias'],
    },
  ],
});
