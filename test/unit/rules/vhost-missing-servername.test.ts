import { ruleTable } from '../../helpers/rule-table';

ruleTable('vhost-missing-servername', {
  valid: [
    '<VirtualHost *:80>\n  ServerName a.example\n</VirtualHost>\n',
    // a catch-all that refuses everything needs no name
    '<VirtualHost _default_:80>\n  <Location />\n    Require all denied\n  </Location>\n</VirtualHost>\n',
    '<VirtualHost *:80>\n  RewriteEngine On\n  RewriteRule ^ - [F]\n</VirtualHost>\n',
  ],
  invalid: [
    {
      code: '«<VirtualHost *:80>»\n  DocumentRoot /var/www/html\n</VirtualHost>\n',
      message: ['<VirtualHost *:80>', 'ServerName'],
      severity: 'warning',
    },
    {
      code: '«<VirtualHost *:80 [::]:80>»\n    # the shop\n    ServerAlias *.shop.example shop.example\n</VirtualHost>\n',
      fixed: '<VirtualHost *:80 [::]:80>\n    # the shop\n    ServerName shop.example\n    ServerAlias *.shop.example shop.example\n</VirtualHost>\n',
      message: ["'shop.example'"],
    },
  ],
});
