import { ruleTable } from '../../helpers/rule-table';

const vhost = (name: string | null, body: string) => `<VirtualHost *:80>\n${name ? `  ServerName ${name}\n` : ''}${body}</VirtualHost>\n`;
const alias = (group: string) => `  WSGIScriptAlias / /srv/x/wsgi.py process-group=${group} application-group=%{GLOBAL}\n`;

ruleTable('wsgi-group-unreachable', {
  valid: [
    'WSGIDaemonProcess site\nWSGIScriptAlias / /srv/site/wsgi.py process-group=site application-group=%{GLOBAL}\n',
    // Without application-group=, or with %{…} values, mod_wsgi does not check while reading.
    'WSGIScriptAlias / /srv/site/wsgi.py process-group=nosuch\n',
    'WSGIScriptAlias / /srv/site/wsgi.py process-group=%{ENV:G} application-group=x\n',
    'WSGIScriptAlias / /srv/site/wsgi.py process-group=nosuch application-group=%{SERVER}\n',
    'WSGIScriptAliasMatch ^/(.*) /srv/$1/wsgi.py process-group=nosuch application-group=x\n',
    'WSGIImportScript /srv/a.py process-group=%{GLOBAL} application-group=%{GLOBAL}\n',
    // A global group serves every host; a vhost group serves hosts with the same ServerName.
    'WSGIDaemonProcess g\n' + vhost('a.example.com', alias('g')),
    vhost('a.example.com', '  WSGIDaemonProcess g\n') + vhost('a.example.com:8080', alias('g')),
    vhost(null, '  WSGIDaemonProcess g\n') + vhost(null, alias('g')),
    vhost('a.example.com', '  WSGIDaemonProcess g\n' + alias('g')),
    'Define H a.example.com\n' + vhost('${H}', '  WSGIDaemonProcess g\n') + vhost('a.example.com', alias('g')),
    // An unknown ServerName is not judged.
    vhost('${HOST}', '  WSGIDaemonProcess g\n') + vhost('a.example.com', alias('g')),
  ],
  invalid: [
    // the only group defined earlier sits in another virtual host: not offered, it would be rejected in turn
    {
      code: 'ServerName main.example.com\n<VirtualHost *:80>\n  ServerName a.example.com\n  WSGIDaemonProcess a\n</VirtualHost>\nWSGIScriptAlias / /srv/a.wsgi process-group=«b» application-group=%{GLOBAL}\n',
    },
    {
      code: 'WSGIScriptAlias / /srv/site/wsgi.py process-group=«site» application-group=%{GLOBAL}\nWSGIDaemonProcess site\n',
      fixed: 'WSGIDaemonProcess site\nWSGIScriptAlias / /srv/site/wsgi.py process-group=site application-group=%{GLOBAL}\n',
      message: ["Daemon group 'site' is defined only further down", 'must come first'],
      severity: 'error',
    },
    {
      code: 'WSGIDaemonProcess site\nWSGIScriptAlias / /srv/site/wsgi.py process-group=«stie» application-group=x\n',
      fixed: 'WSGIDaemonProcess site\nWSGIScriptAlias / /srv/site/wsgi.py process-group=site application-group=x\n',
      message: ["No WSGIDaemonProcess named 'stie'", "Did you mean 'site'?", 'unless a file read earlier defines the group'],
      // A lone file may be one of several: another file read first could define the group.
      severity: 'warning',
    },
    { code: 'WSGIDaemonProcess site\nWSGIImportScript /srv/a.py process-group=«%{ENV:G}» application-group=%{GLOBAL}\n', severity: 'warning' },
    {
      code: vhost('a.example.com', '  WSGIDaemonProcess a\n') + vhost('b.example.com', '  WSGIScriptAlias / /srv/x/wsgi.py process-group=«a» application-group=%{GLOBAL}\n'),
      message: ['defined in <VirtualHost *:80> (ServerName a.example.com)', 'the ServerName is b.example.com'],
      severity: 'error',
    },
    { code: vhost('A.example.com', '  WSGIDaemonProcess a\n') + vhost('a.example.com', '  WSGIImportScript /srv/x.py process-group=«a» application-group=x\n') },
    {
      code: vhost('a.example.com', '  WSGIDaemonProcess a\n') + '<VirtualHost *:80>\n  WSGIScriptAlias / /srv/x/wsgi.py process-group=«a» application-group=%{GLOBAL}\n  ServerName a.example.com\n</VirtualHost>\n',
      message: ['no ServerName is set'],
    },
    { code: vhost(null, '  WSGIDaemonProcess a\n') + vhost('b.example.com', '  WSGIScriptAlias / /srv/x/wsgi.py process-group=«a» application-group=%{GLOBAL}\n'), message: ['a virtual host without ServerName'] },
    { code: 'ServerName main.example.com\n' + vhost('a.example.com', '  WSGIDaemonProcess a\n') + 'WSGIScriptAlias / /srv/a.wsgi process-group=«a» application-group=%{GLOBAL}\n' },
    {
      code: 'WSGIScriptAlias / /srv/site/wsgi.py process-group=«site \\\n    application-group=%{GLOBAL}»\n',
      severity: 'warning',
    },
  ],
});
