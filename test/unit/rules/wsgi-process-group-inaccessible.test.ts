import { ruleTable } from '../../helpers/rule-table';

const SHOP = '<VirtualHost *:80>\n  ServerName shop.example.com\n  WSGIDaemonProcess shop\n  WSGIProcessGroup shop\n</VirtualHost>\n';

ruleTable('wsgi-process-group-inaccessible', {
  valid: [
    SHOP,
    // a group defined at server level serves every host
    'WSGIDaemonProcess shop\n<VirtualHost *:80>\n  ServerName a.example\n  WSGIProcessGroup shop\n</VirtualHost>\n',
    // the same ServerName on another port (the HTTPS twin) may use it
    SHOP + '<VirtualHost *:443>\n  ServerName shop.example.com\n  WSGIScriptAlias / /srv/shop/wsgi.py process-group=shop\n</VirtualHost>\n',
    // a server-level WSGIProcessGroup that only serves the owning host's scripts
    'WSGIProcessGroup shop\n<VirtualHost *:80>\n  ServerName shop.example.com\n  WSGIDaemonProcess shop\n  WSGIScriptAlias / /srv/shop/wsgi.py\n</VirtualHost>\n',
  ],
  invalid: [
    {
      code: SHOP + '<VirtualHost *:80>\n  ServerName blog.example.com\n  WSGIProcessGroup «shop»\n</VirtualHost>\n',
      message: ["'shop'", "'shop.example.com'", "'blog.example.com'", 'cannot be accessed'],
      severity: 'error',
    },
    {
      code: SHOP + '<VirtualHost *:80>\n  ServerName blog.example.com\n  WSGIScriptAlias /blog /srv/blog/wsgi.py process-group=«shop»\n</VirtualHost>\n',
    },
    {
      // from server level, serving a script outside that host
      code: 'WSGIProcessGroup «shop»\nWSGIScriptAlias / /srv/main/wsgi.py\n' + SHOP,
      message: ["for '/'", 'main server'],
    },
  ],
});
