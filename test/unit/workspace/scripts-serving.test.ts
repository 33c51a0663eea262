// The other direction: which WSGIScriptAlias lines serve a Python file, through a whole server tree (the
// test/fixtures/scripts workspace: one daemon group shared by three applications) and through a lone site file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskFiles, MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { ScriptIndex } from '../../../server/workspace/scripts';
import { servingOf, treeView, type ScriptServing } from '../../../server/workspace/scripts-serving';
import { AnalysisCache, analyzeText } from '../../../server/service';

const WS = path.resolve(__dirname, '../../../../test/fixtures/scripts');
const ROOT = path.join(WS, 'etc/apache2/apache2.conf');
const CATALOG = path.join(WS, 'srv/catalog/catalog/wsgi.py');

function setup(folders = [WS]) {
  const scripts = new ScriptIndex(new DiskFiles(), { folders, readOutside: true });
  const tree = analyzeTree(buildTree(new DiskFiles(), ROOT), {}, { scripts });
  return { scripts, tree };
}

test('a script served from a shared daemon group: the alias, its host and file, and whom it shares with', () => {
  const { scripts, tree } = setup();
  const s = servingOf(CATALOG, [treeView(tree)], scripts);
  assert.deepEqual(s.aliases, [
    {
      label: `'/' of 'catalog.example.com' (<VirtualHost *:80>), in ${path.join(WS, 'etc/apache2/sites-enabled/catalog.conf')},`,
      shared: "daemon group 'sites' with '/labs' (/srv/labs/labs/app.wsgi)",
    },
  ]);
  assert.deepEqual(servingOf(path.join(WS, 'srv/nothing.py'), [treeView(tree)], scripts), { aliases: [], key: '' });
});

test('the same alias seen in a tree and alone counts once; the key changes with the answer', () => {
  const { scripts, tree } = setup();
  const site = path.join(WS, 'etc/apache2/sites-enabled/catalog.conf');
  const alone = analyzeText(site, 'WSGIDaemonProcess catalog\nWSGIScriptAlias / /srv/catalog/catalog/wsgi.py process-group=catalog\n', 0, {}, undefined, { scripts });
  const view = { file: site, ast: alone.ast, model: alone.model, seesWholeServer: false };
  const own = servingOf(CATALOG, [view], scripts);
  assert.deepEqual(own.aliases.map((a) => a.shared), [undefined], 'alone in its group');
  const both = servingOf(CATALOG, [treeView(tree), view], scripts);
  assert.equal(both.aliases.length, 2, 'two different lines: the tree one shares, the lone one does not');
  assert.notEqual(both.key, own.key);
});

test('the config side reports on the alias line of the tree, with a fix that gives the app its own group', () => {
  const { tree } = setup();
  const catalog = tree.files.get(path.join(WS, 'etc/apache2/sites-enabled/catalog.conf'))!;
  const found = catalog.reports.filter((r) => r.rule === 'django-settings-setdefault');
  assert.deepEqual(found.map((r) => catalog.text.slice(r.start, r.end)), ['/srv/catalog/catalog/wsgi.py']);
  const fix = found[0].fixes[0];
  assert.equal(fix.title, "Run '/' in a daemon group of its own: WSGIDaemonProcess catalog (options of 'sites')");
  assert.deepEqual(fix.edits.map((e) => e.newText), ['    WSGIDaemonProcess catalog python-home=/srv/venv threads=5\n', ' process-group=catalog']);
});

test('the analysis cache redoes a config when a script changed, and a script when what serves it changed', () => {
  const files: Record<string, string> = { '/ws/labs/labs/app.wsgi': 'app = 1\n' };
  const scripts = new ScriptIndex(new MemoryFiles(files), { folders: ['/ws'], readOutside: true });
  let serving: ScriptServing = { aliases: [{ label: "'/' of x, in y,", shared: "daemon group 'g' with '/b' (/b.wsgi)" }], key: 'shared' };
  const cache = new AnalysisCache();
  cache.setEnvironment({ scripts, servingOf: () => serving });
  const conf = 'WSGIScriptAlias / /srv/labs/labs/app.wsgi\n';
  const codes = (uri: string, text: string) => cache.get(uri, text, 1).reports.map((r) => `${r.rule}:${r.severity}`).filter((c) => /callable|django/.test(c));
  assert.deepEqual(codes('file:///ws/site.conf', conf), ['wsgi-callable-missing:error']);
  files['/ws/labs/labs/app.wsgi'] = 'application = 1\n';
  assert.deepEqual(codes('file:///ws/site.conf', conf), ['wsgi-callable-missing:error'], 'same version, same generation: cached');
  scripts.invalidate(false);
  assert.deepEqual(codes('file:///ws/site.conf', conf), []);
  const py = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'labs.settings')\n";
  assert.deepEqual(codes('file:///ws/labs/labs/wsgi.py', py), ['django-settings-setdefault:warning']);
  serving = { aliases: [{ label: "'/' of x, in y," }], key: 'own' };
  assert.deepEqual(codes('file:///ws/labs/labs/wsgi.py', py), []);
});
