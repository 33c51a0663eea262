import { ruleTable } from '../../helpers/rule-table';

const host = (body: string) => `<VirtualHost *:80>\n    ServerName shop.example.com\n${body}</VirtualHost>\n`;

ruleTable('alias-access', {
  valid: [
    // Granted by a <Directory> for it, for a directory above it, or by a <Location> for its URL.
    host('    Alias /static/ /srv/shop/static/\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n'),
    host('    Alias /static/ /srv/shop/static/\n    Alias /media/ /srv/shop/media/\n    <Directory /srv/shop>\n        Require all granted\n    </Directory>\n'),
    host('    Alias /static/ /srv/shop/static/\n    <Location /static>\n        Require all granted\n    </Location>\n'),
    // 2.2's Allow from all grants too (deprecated-access-control says the rest).
    'Alias /icons/ /usr/share/apache2/icons/\n<Directory /usr/share/apache2/icons>\n    Order allow,deny\n    Allow from all\n</Directory>\n',
    // Not judged: a ${VAR} or relative target, the one-word form inside <Location>, a skipped body.
    'Alias /static/ ${STATIC_ROOT}/\nAlias /x relative/dir\n<Location /files>\n    Alias /srv/files\n    Require all granted\n</Location>\n',
    'Define OFF\n<IfDefine !OFF>\n    Alias /static/ /srv/shop/static/\n</IfDefine>\n',
  ],
  invalid: [
    {
      // Django's static files with no <Directory> for them: 403
      code: host('    WSGIScriptAlias / /srv/shop/shop/wsgi.py\n    Alias /static/ «/srv/shop/static/»\n    <Directory /srv/shop/shop>\n        <Files wsgi.py>\n            Require all granted\n        </Files>\n    </Directory>\n'),
      fixed: host('    WSGIScriptAlias / /srv/shop/shop/wsgi.py\n    Alias /static/ /srv/shop/static/\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n    <Directory /srv/shop/shop>\n        <Files wsgi.py>\n            Require all granted\n        </Files>\n    </Directory>\n'),
      message: ["Nothing in this file grants access to '/srv/shop/static'", '/static/ gets 403'],
      severity: 'information',
    },
    {
      // one file aliased: only that file is granted
      code: 'Alias /favicon.ico «/srv/shop/static/favicon.ico»\n',
      fixed: 'Alias /favicon.ico /srv/shop/static/favicon.ico\n<Directory /srv/shop/static>\n    <Files favicon.ico>\n        Require all granted\n    </Files>\n</Directory>\n',
      message: ["'favicon.ico' in '/srv/shop/static'"],
    },
    {
      // two aliases into one directory: one block for both, below the last
      code: 'Alias /static/ «/srv/shop/static/»\nAlias /robots.txt «/srv/shop/static/robots.txt»\n',
      fixed: 'Alias /static/ /srv/shop/static/\nAlias /robots.txt /srv/shop/static/robots.txt\n<Directory /srv/shop/static>\n    Require all granted\n</Directory>\n',
    },
    // A grant in another host does not apply; a denial is no grant.
    {
      code: `${host('    Alias /static/ «/srv/shop/static/»\n')}<VirtualHost *:80>\n    ServerName blog.example.com\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n</VirtualHost>\n`,
      fixed: `${host('    Alias /static/ /srv/shop/static/\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n')}<VirtualHost *:80>\n    ServerName blog.example.com\n    <Directory /srv/shop/static>\n        Require all granted\n    </Directory>\n</VirtualHost>\n`,
    },
    // (no block offered: the existing <Directory> for that path would override a new one; it is the one to change)
    { code: 'Alias /media/ «/srv/shop/media/»\n<Directory /srv/shop/media>\n    Require all denied\n</Directory>\n' },
    // A path with wildcard characters cannot be written in <Directory> as is: no fix.
    { code: 'Alias /data/ «/srv/shop/data[1]/»\n' },
  ],
});
