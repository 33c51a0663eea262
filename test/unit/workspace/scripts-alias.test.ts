// Script paths read `${VAR}` through the one substitution helper (server/model/variables.ts): in whole-server
// analysis a variable Debian's envvars exports resolves, so the script is found and judged; a lone site file
// does not know it and says nothing about the script.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { ScriptIndex } from '../../../server/workspace/scripts';
import { aliasScripts } from '../../../server/workspace/scripts-alias';
import { analyzeText } from '../../../server/service';
import { FLASK_APP } from '../../helpers/scripts';

const SITE = '/ws/etc/apache2/sites-enabled/shop.conf';
const FILES: Record<string, string> = {
  '/ws/etc/apache2/apache2.conf': 'ServerName localhost\nIncludeOptional sites-enabled/*.conf\n',
  '/ws/etc/apache2/envvars': 'export APACHE_RUN_USER=www-data\nexport SHOP_HOME=/srv/shop\n',
  [SITE]: '<VirtualHost *:80>\n    ServerName shop.example.com\n    WSGIScriptAlias / ${SHOP_HOME}/shop/app.wsgi\n</VirtualHost>\n',
  // The Flask script defines `app`, not `application`: wsgi-callable-missing says so once the script is found.
  '/ws/shop/shop/app.wsgi': FLASK_APP,
};

test('an envvars variable in a script path resolves in whole-server analysis', () => {
  const files = new MemoryFiles(FILES);
  const scripts = new ScriptIndex(files, { folders: ['/ws'], readOutside: true });
  const tree = analyzeTree(buildTree(files, '/ws/etc/apache2/apache2.conf'), {}, { scripts });
  const found = [...aliasScripts({ ast: tree.ast, model: tree.model, seesWholeServer: true, scripts }).values()];
  assert.deepEqual(
    found.map((a) => [a.target, a.resolution]),
    [['/srv/shop/shop/app.wsgi', { kind: 'found', file: '/ws/shop/shop/app.wsgi', via: 'segments' }]],
  );
  const site = tree.files.get(SITE)!;
  const missing = site.reports.filter((r) => r.rule === 'wsgi-callable-missing');
  assert.deepEqual(missing.map((r) => site.text.slice(r.start, r.end)), ['${SHOP_HOME}/shop/app.wsgi']);

  // Alone, the site file does not know SHOP_HOME: the script is not looked for.
  const alone = analyzeText(SITE, FILES[SITE], 0, {}, undefined, { scripts });
  assert.equal(aliasScripts({ ast: alone.ast, model: alone.model, seesWholeServer: false, scripts }).size, 0);
  assert.deepEqual(alone.reports.filter((r) => r.rule.startsWith('wsgi-callable') || r.rule.startsWith('wsgi-script')), []);
});
