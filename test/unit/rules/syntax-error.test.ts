import { ruleTable } from '../../helpers/rule-table';

ruleTable('syntax-error', {
  valid: ['<Directory /srv>\n  Require all granted\n</Directory>\n', '<IfModule mod_wsgi.c>\n</IfModule>\n'],
  invalid: [
    {
      code: '«<Directory /srv»\n</Directory>\n',
      fixed: '<Directory /srv>\n</Directory>\n',
      message: ["missing its closing '>'"],
    },
    {
      code: '«<Files wsgi.py>»\n  Require all granted\n',
      fixed: '<Files wsgi.py>\n  Require all granted\n</Files>\n',
    },
    {
      code: 'ServerName a\n«</VirtualHost>»\n',
      fixed: 'ServerName a\n',
    },
    {
      // a mismatched closing tag whose section is closed later goes (the rename case is in test/unit/parser.test.ts)
      code: '<Files x>\n<Directory /a>\n  «</Bogus>»\n</Directory>\n</Files>\n',
      fixed: '<Files x>\n<Directory /a>\n</Directory>\n</Files>\n',
    },
  ],
});
