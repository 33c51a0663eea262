import { ruleTable } from '../../helpers/rule-table';

const TWO = '  ServerName shop.example\n</VirtualHost>\n<VirtualHost *:80>\n  ServerName blog.example\n</VirtualHost>\n';

ruleTable('vhost-default-fallback', {
  valid: [
    // one site per address: nothing else to land on
    '<VirtualHost *:80>\n  ServerName shop.example\n</VirtualHost>\n<VirtualHost *:443>\n  ServerName shop.example\n</VirtualHost>\n',
    // a deny-all catch-all first
    '<VirtualHost _default_:80>\n  ServerName default.invalid\n  <Location />\n    Require all denied\n  </Location>\n</VirtualHost>\n<VirtualHost *:80>\n' + TWO,
    // the first host has no ServerName: it is already the server's default site
    '<VirtualHost *:80>\n  DocumentRoot /var/www/html\n</VirtualHost>\n<VirtualHost *:80>\n' + TWO,
  ],
  invalid: [
    {
      code: '«<VirtualHost *:80>»\n' + TWO,
      fixed:
        '<VirtualHost _default_:80>\n    ServerName default.invalid\n    <Location />\n        Require all denied\n    </Location>\n</VirtualHost>\n\n<VirtualHost *:80>\n' +
        TWO,
      message: ["'shop.example'", '*:80', '_default_:80'],
      severity: 'information',
    },
    {
      code: '<IfModule ssl_module>\n  «<VirtualHost 192.0.2.1:443>»\n    ServerName a.example\n  </VirtualHost>\n  <VirtualHost 192.0.2.1:443>\n    ServerName b.example\n  </VirtualHost>\n</IfModule>\n',
      fixed:
        '<IfModule ssl_module>\n  <VirtualHost 192.0.2.1:443>\n      ServerName default.invalid\n      <Location />\n          Require all denied\n      </Location>\n  </VirtualHost>\n\n  <VirtualHost 192.0.2.1:443>\n    ServerName a.example\n  </VirtualHost>\n  <VirtualHost 192.0.2.1:443>\n    ServerName b.example\n  </VirtualHost>\n</IfModule>\n',
    },
  ],
});
