import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText } from '../../../server/service';

ruleTable('syntax-error', {
  valid: [
    '<Directory /srv>\n  Require all granted\n</Directory>\n',
    '<IfModule mod_wsgi.c>\n</IfModule>\n',
    // words after a whole closing tag are ignored by httpd, after a container's tag and after a skipped section's
    // (verified with apache2 -t)
    '<VirtualHost *:80>\n<Directory /srv>\n</Directory> # end of /srv\n</VirtualHost>\tend\nDefine X\n<IfDefine !X>\n</IfDefine> # never read\n',
  ],
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
    {
      // a condition section httpd reads refuses words after its closing tag ("</IfModule> without matching
      // <IfModule> section", verified with apache2 -t)
      code: '<IfModule mod_wsgi.c>\n  WSGIRestrictEmbedded On\n«</IfModule> # wsgi»\n',
      fixed: '<IfModule mod_wsgi.c>\n  WSGIRestrictEmbedded On\n</IfModule>\n',
      message: ['reads this <IfModule>', 'without matching <IfModule> section'],
      severity: 'error',
    },
    { code: '<IfDefine MAYBE>\n«</IfDefine> x»\n', fixed: '<IfDefine MAYBE>\n</IfDefine>\n', message: ['may read this <IfDefine>'], severity: 'warning' },
    {
      // a word glued to the tag is part of it: the tag is not whole
      code: '<Directory /srv>\n«</Directory>x»\n',
      fixed: '<Directory /srv>\n</Directory>\n',
      message: ["missing its closing '>'"],
    },
    {
      // a condition section that holds left open at the end of the file: apache2 -t accepts it (verified), so a
      // warning, with the same fix
      code: '«<IfModule mod_wsgi.c>»\nWSGIRestrictEmbedded On\n',
      fixed: '<IfModule mod_wsgi.c>\nWSGIRestrictEmbedded On\n</IfModule>\n',
      message: ['Its condition holds', 'accepts it'],
      severity: 'warning',
    },
    {
      // inside such a section, httpd does not ask the sections it opened to close either (verified with apache2 -t):
      // warnings; inside one it skips, it soaks to the end of the file and fails
      code: '«<IfModule mod_alias.c>»\n«<Directory /srv>»\nRequire all granted\n',
      fixed: '<IfModule mod_alias.c>\n<Directory /srv>\nRequire all granted\n</Directory>\n</IfModule>\n',
      message: ['accepts'],
      severity: 'warning',
    },
    {
      code: '<IfModule mod_alias.c>\n</IfModule>\n«<Directory /srv>»\nRequire all granted\n',
      fixed: '<IfModule mod_alias.c>\n</IfModule>\n<Directory /srv>\nRequire all granted\n</Directory>\n',
      message: ['was not closed'],
      severity: 'error',
    },
    {
      // one that may not hold (a -D flag could define it): Apache skips it to the end of the file and stops
      code: '«<IfDefine MAYBE>»\nServerName a\n',
      fixed: '<IfDefine MAYBE>\nServerName a\n</IfDefine>\n',
      message: ['was not closed'],
      severity: 'error',
    },
    {
      // A condition section Apache may skip still has its tags paired (ap_soak_end_container): a closing tag that
      // closes nothing inside it stops configtest on the section's own line, so that line is an error too
      code: '<VirtualHost *:80>\n«<IfDefine MAYBE>»\nServerName a\n«</VirtualHost>»\n',
      message: ['may skip this <IfDefine> block', 'Expected </IfDefine> but saw </VirtualHost>'],
    },
    {
      // an outer section surely skipped (its name is defined, and it asks for the opposite): Apache soaks from it
      // and never reads the sections inside, so only it is reported
      code: 'Define X\n«<IfDefine !X>»\n<IfModule mod_nonexistent.c>\n<Directory /a>\n«</Files>»\n</Directory>\n</IfModule>\n</IfDefine>\n',
      message: ['skips this <IfDefine> block (its condition is false here)', 'Expected </Directory> but saw </Files>'],
    },
    {
      // a closing tag glued to more text: httpd compares it without its last character, so in a body it skips the
      // tag closes nothing (configtest stops on the section's line); read, it stops on the tag's
      code: 'Define X\n«<IfDefine !X>»\nKeepAlive On\n«</IfDefine>#»\n',
      message: ['skips this <IfDefine> block', 'Expected </IfDefine> but saw </IfDefine>>'],
    },
    {
      code: 'Define X\n«<IfDefine !X>»\n<Files x>\n«</Files»\n</IfDefine>\n',
      message: ['Expected </Files> but saw </File>'],
    },
    {
      // read (its name is defined): Apache stops at the tag itself, as for any section
      code: 'Define X\n<IfDefine X>\n<Directory /a>\n«</Files>»\n</Directory>\n</IfDefine>\n',
      fixed: 'Define X\n<IfDefine X>\n<Directory /a>\n</Directory>\n</IfDefine>\n',
    },
  ],
});

test('a condition section never closed reads on to the end of the file: a stray tag after it is inside it', () => {
  // Found by the fix-safety fuzz: once the missing </IfDefine> was inserted, the report on the <IfDefine> line
  // appeared; the stray tag is inside the section before the fix too (Apache soaks on to the end of the file).
  const text = '<IfDefine MAYBE>\n  ServerName a\n</Files>\n';
  const lines = (t: string) => analyzeText('file:///a.conf', t).reports.filter((r) => r.rule === 'syntax-error').map((r) => `${t.slice(0, r.start).split('\n').length}: ${r.message.slice(0, 30)}`);
  assert.deepEqual(lines(text), ['1: Apache may skip this <IfDefine', '1: <IfDefine> was not closed: eve', '3: Expected </IfDefine> but saw <']);
  assert.deepEqual(lines(text + '</IfDefine>\n'), ['1: Apache may skip this <IfDefine', '3: Expected </IfDefine> but saw <']);
});
