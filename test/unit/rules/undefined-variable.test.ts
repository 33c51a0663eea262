import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { DEBIAN_ENVVARS, DEBIAN_ENVVARS_FILE } from '../../helpers/debian-server';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { MemoryFiles } from '../../../server/workspace/files';
import { analyzeText } from '../../../server/service';

// Each case is a Debian server's apache2.conf, its envvars known: there a name no Define sets and envvars does not
// export is undefined for Apache too.
ruleTable(
  'undefined-variable',
  {
    valid: [
      'Define ROOT /srv\nAlias /a ${ROOT}/a\nErrorLog ${APACHE_LOG_DIR}/error.log\nUser ${APACHE_RUN_USER}\n',
      // mod_rewrite's map lookups are not variables (Apache does not warn about names with a colon).
      'RewriteEngine on\nRewriteMap lower int:tolower\nRewriteRule ^/(.*) /${lower:$1}\n',
      // A body Apache skips is never substituted; a comment neither.
      '<IfDefine NOPE>\n  Alias /d ${SKIPPED}/d\n</IfDefine>\n# ${IN_A_COMMENT}\n',
      // Defined without a value, then used; UnDefine of an exported name falls back to the environment.
      'Define FLAG\nAlias /f /${FLAG}\nUnDefine APACHE_LOG_DIR\nErrorLog ${APACHE_LOG_DIR}/e.log\n',
    ],
    invalid: [
      {
        code: 'CustomLog «${APACHE_LOG_DR}»/access.log combined\n',
        fixed: 'CustomLog ${APACHE_LOG_DIR}/access.log combined\n',
        message: ['${APACHE_LOG_DR} is not defined here', 'Config variable ${APACHE_LOG_DR} is not defined'],
        severity: 'warning',
      },
      // Apache compares names exactly: the same letters in another case are the fix.
      { code: 'User «${apache_run_user}»\n', fixed: 'User ${APACHE_RUN_USER}\n' },
      // Used before its Define (Apache substitutes as it reads): nothing to change it to.
      { code: 'Alias /b «${LATER}»/b\nDefine LATER /l\nAlias /c ${LATER}/c\n' },
      // A Define reads its own line before it defines anything.
      { code: 'Define SELF «${SELF}»\n' },
      {
        code: 'Define SITE_KIND Daemon\nWSGI«${SITE_KND}»Process site\n',
        fixed: 'Define SITE_KIND Daemon\nWSGI${SITE_KIND}Process site\n',
        message: ["Invalid command 'WSGI${SITE_KND}Process'"],
        severity: 'error',
      },
      // Two defined names as close: both offered, neither applied by --fix.
      { code: 'Define APP_A /a\nDefine APP_B /b\nAlias /x «${APP_C}»\n' },
    ],
  },
  {},
  { asServer: true },
);

const SITE = 'CustomLog ${APACHE_LOG_DR}/access.log combined\nWSGIDaemon${X}Process site\n';

function debianSite(envvars: string | null) {
  const files: Record<string, string> = {
    '/etc/apache2/apache2.conf': 'Include sites-enabled/*.conf\n',
    '/etc/apache2/sites-enabled/site.conf': SITE,
  };
  if (envvars !== null) files[DEBIAN_ENVVARS_FILE] = envvars;
  return analyzeTree(buildTree(new MemoryFiles(files), '/etc/apache2/apache2.conf')).files.get('/etc/apache2/sites-enabled/site.conf')!;
}

test('undefined-variable: in a site file of a Debian server, at the reference in that file', () => {
  const file = debianSite(DEBIAN_ENVVARS);
  const found = file.reports.filter((r) => r.rule === 'undefined-variable');
  assert.deepEqual(found.map((r) => [file.text.slice(r.start, r.end), r.severity]), [['${APACHE_LOG_DR}', 'warning'], ['${X}', 'error']]);
});

test('undefined-variable: not judged where the Defines or the environment may come from elsewhere', () => {
  // A file on its own: another file may define them.
  assert.deepEqual(analyzeText('file:///site.conf', SITE).reports.filter((r) => r.rule === 'undefined-variable'), []);
  // A server whose environment is not known (no envvars).
  assert.deepEqual(debianSite(null).reports.filter((r) => r.rule === 'undefined-variable'), []);
});
