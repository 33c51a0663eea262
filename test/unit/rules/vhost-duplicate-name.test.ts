import { ruleTable } from '../../helpers/rule-table';

ruleTable('vhost-duplicate-name', {
  valid: [
    // the same name on another port (HTTP and HTTPS twins)
    '<VirtualHost *:80>\n  ServerName a.example\n</VirtualHost>\n<VirtualHost *:443>\n  ServerName a.example\n</VirtualHost>\n',
    '<VirtualHost *:80>\n  ServerName a.example\n  ServerAlias www.a.example\n</VirtualHost>\n<VirtualHost *:80>\n  ServerName b.example\n</VirtualHost>\n',
    // IP-specific hosts and wildcard hosts are matched separately
    '<VirtualHost 10.0.0.1:80>\n  ServerName a.example\n</VirtualHost>\n<VirtualHost *:80>\n  ServerName a.example\n</VirtualHost>\n',
  ],
  invalid: [
    {
      code: '<VirtualHost *:80>\n  ServerName shop.example\n</VirtualHost>\n<VirtualHost *:80>\n  ServerName blog.example\n  ServerAlias «Shop.Example:80» www.blog.example\n</VirtualHost>\n',
      message: ["'shop.example'", "'blog.example'", '*:80'],
      severity: 'warning',
    },
    {
      // _default_ is * in httpd 2.4
      code: '<VirtualHost _default_:443>\n  ServerName a.example\n</VirtualHost>\n<VirtualHost *:443>\n  ServerName «a.example»\n</VirtualHost>\n',
    },
  ],
});
