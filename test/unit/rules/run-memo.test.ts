// The rules' memos (indexes by name, mod_wsgi reads, section standings) are built while the rules run and
// forgotten once the findings are made, on every path that runs them: a full analysis, the editor's cache (first
// version and the versions after an edit), and a server tree; the findings stay those of a fresh analysis.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { AnalysisCache, analyzeText } from '../../../server/service';
import { memosHolding } from '../../../server/rules/run-memo';
import { MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';

const hostsText = Array.from(
  { length: 12 },
  (_, i) =>
    `<VirtualHost *:80>\n    ServerName s${i}.example\n    WSGIDaemonProcess s${i} processes=2 threads=15\n    WSGIProcessGroup s${i}\n` +
    `    WSGIScriptAlias / /srv/s${i}/wsgi.py\n    <Directory /srv/s${i}>\n        Require all granted\n    </Directory>\n</VirtualHost>\n`,
).join('');

const held = (a: { ast: object; model: object }) => memosHolding(a.model) + memosHolding(a.ast);

test('a full analysis keeps no rule memo once its findings are made', () => {
  const a = analyzeText('file:///site.conf', hostsText + 'WSGIDaemonProcess orphan\n');
  assert.ok(a.reports.some((r) => r.rule === 'wsgi-daemon-unused'), 'the rules ran and found something');
  assert.equal(held(a), 0);
});

test("the editor's cache forgets them after the first version and after each edit, with the findings of a fresh analysis", () => {
  const cache = new AnalysisCache();
  const uri = 'file:///site.conf';
  let text = hostsText;
  const first = cache.get(uri, text, 0);
  first.reports;
  assert.equal(held(first), 0);
  for (let v = 1; v <= 3; v++) {
    // Typing in one host's daemon line: the re-use path (most top-level nodes keep their findings).
    text = text.replace('threads=15', `threads=15${v}`);
    const next = cache.get(uri, text, v);
    assert.deepEqual(next.reports, analyzeText(uri, text).reports);
    assert.equal(held(next), 0);
  }
});

test('a server tree keeps no rule memo once its findings are made', () => {
  const files = new MemoryFiles({
    '/etc/apache2/apache2.conf': 'IncludeOptional sites-enabled/*.conf\n',
    '/etc/apache2/sites-enabled/site.conf': hostsText,
  });
  const tree = analyzeTree(buildTree(files, '/etc/apache2/apache2.conf'));
  assert.equal(held(tree), 0);
});
