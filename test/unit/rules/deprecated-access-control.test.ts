import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText } from '../../../server/service';

const dir = (body: string) => `<Directory /srv/app>\n    ${body.replace(/\n/g, '\n    ')}\n</Directory>\n`;

ruleTable('deprecated-access-control', {
  valid: [
    dir('Require all granted'),
    '<Location /admin>\n  Require ip 10.0.0.0/8\n</Location>\n',
    // A config written for 2.2 and 2.4 alike: Apache 2.4 never reads the 2.2 branch (Debian packages ship dozens).
    dir('<IfModule mod_authz_core.c>\n    Require all granted\n</IfModule>\n<IfModule !mod_authz_core.c>\n    Order allow,deny\n    Allow from all\n</IfModule>'),
    dir('<IfVersion >= 2.4>\n    Require all denied\n</IfVersion>\n<IfVersion < 2.4>\n    Order deny,allow\n    Deny from all\n</IfVersion>'),
  ],
  invalid: [
    {
      code: dir('«Order allow,deny\nAllow from all»'),
      fixed: dir('Require all granted'),
      message: ['Order/Allow', 'mod_access_compat', "'Require all granted'"],
      severity: 'warning',
    },
    {
      code: dir('«Order deny,allow\nDeny from all»'),
      fixed: dir('Require all denied'),
    },
    {
      code: dir('«Order Deny,Allow\nDeny from all\nAllow from 127.0.0.1 ::1 10.0.0.0/255.0.0.0 .example.com»\nOptions None'),
      fixed: dir('Require ip 127.0.0.1 ::1 10.0.0.0/255.0.0.0\nRequire host .example.com\nOptions None'),
    },
    {
      // The 2.4 branch of such a config is read: a legacy block there is still reported.
      code: dir('<IfModule mod_authz_core.c>\n    «Order allow,deny\n    Allow from all»\n</IfModule>'),
      fixed: dir('<IfModule mod_authz_core.c>\n    Require all granted\n</IfModule>'),
    },
    {
      // the classic .ht* guard: Satisfy All is the default and changes nothing
      code: '<Files ~ "^\\.ht">\n\t«Order allow,deny\n\tDeny from all\n\tSatisfy all»\n</Files>\n',
      fixed: '<Files ~ "^\\.ht">\n\tRequire all denied\n</Files>\n',
    },
    {
      // no Order: the default is deny,allow
      code: dir('«Allow from all»'),
      fixed: dir('Require all granted'),
    },
    {
      code: dir('«Order allow,deny\nAllow from env=let_me_in»'),
      fixed: dir('Require env let_me_in'),
    },
    {
      // Satisfy Any couples it to authentication: no exact one-line translation
      code: dir('AuthType Basic\n«Order deny,allow\nDeny from all\nAllow from 10.0.0.0/8\nSatisfy Any»'),
      message: ['no exact'],
    },
    {
      // allow everyone except some hosts: no fix offered
      code: dir('«Order allow,deny\nAllow from all\nDeny from 192.0.2.7»'),
    },
  ],
});

test('deprecated-access-control: off when the config targets Apache 2.2', () => {
  const text = dir('Order allow,deny\nAllow from all');
  const rule = (s: object) => analyzeText('file:///a.conf', text, 0, s).reports.filter((r) => r.rule === 'deprecated-access-control').length;
  assert.equal(rule({ apacheVersion: '2.2' }), 0);
  assert.equal(rule({ apacheVersion: '2.4' }), 1);
  assert.equal(rule({}), 1);
});
