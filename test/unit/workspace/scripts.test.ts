// Finding the script behind a WSGIScriptAlias: the absolute path first, else the longest shared tail of path
// segments in the workspace (file name plus at least one directory), nothing when two candidates tie.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryFiles } from '../../../server/workspace/files';
import { ScriptIndex } from '../../../server/workspace/scripts';
import { scriptWorkspace, WORKSPACE } from '../../helpers/scripts';

test('an absolute path that exists wins; otherwise the longest trailing-segment match', () => {
  const s = scriptWorkspace(WORKSPACE);
  assert.deepEqual(s.resolve('/srv/ondisk/ondisk.wsgi'), { kind: 'found', file: '/srv/ondisk/ondisk.wsgi', via: 'absolute' });
  assert.deepEqual(s.resolve('/srv/shop/shop/wsgi.py'), { kind: 'found', file: '/ws/shop/shop/wsgi.py', via: 'segments' });
  assert.deepEqual(s.resolve('/var/www/shop/wsgi.py'), { kind: 'found', file: '/ws/shop/shop/wsgi.py', via: 'segments' });
  // Runs of slashes and `.` components are normalised first.
  assert.deepEqual(s.resolve('/srv//blog/./blog/wsgi.py'), { kind: 'found', file: '/ws/blog/blog/wsgi.py', via: 'segments' });
});

test('a file name alone is not enough (nor missing); ties are ambiguous; skipped folders are not searched', () => {
  const s = scriptWorkspace(WORKSPACE);
  // Only one site.wsgi in the workspace, but nothing else in common: maybe it, maybe another project's.
  assert.deepEqual(s.resolve('/var/www/html/site.wsgi'), { kind: 'ambiguous', candidates: ['/ws/flaskapp/site.wsgi'] });
  assert.equal(s.resolve('/srv/other/wsgi.py').kind, 'ambiguous');
  assert.deepEqual(s.resolve('/srv/x/wsgi.py'), { kind: 'ambiguous', candidates: ['/ws/one/x/wsgi.py', '/ws/two/x/wsgi.py'] });
  // One more shared segment breaks the tie.
  assert.deepEqual(s.resolve('/srv/one/x/wsgi.py'), { kind: 'found', file: '/ws/one/x/wsgi.py', via: 'segments' });
  const missing = s.resolve('/srv/pkg/deep/hidden.wsgi');
  assert.ok(missing.kind === 'missing' && missing.name === 'hidden.wsgi' && missing.complete && missing.absoluteChecked, 'node_modules is not searched');
  assert.equal(missing.kind === 'missing' && missing.near, undefined, 'no folder of the project is in the workspace');
  const typo = s.resolve('/srv/shop/shop/wsgii.py');
  assert.equal(typo.kind === 'missing' && typo.near, '/ws/shop', "the project's deepest folder the workspace has");
});

test('directories, relative paths and unresolved substitutions are skipped', () => {
  const s = scriptWorkspace(WORKSPACE);
  assert.deepEqual(s.resolve('/srv/ondisk/wsgi-dir/'), { kind: 'skipped' });
  assert.deepEqual(s.resolve('/srv/ondisk/wsgi-dir'), { kind: 'skipped' });
  assert.deepEqual(s.resolve('wsgi/app.wsgi'), { kind: 'skipped' });
  assert.deepEqual(s.resolve('/srv/${SITE}/wsgi.py'), { kind: 'skipped' });
});

test('untrusted: an absolute path outside the workspace folders is not read', () => {
  const s = scriptWorkspace(WORKSPACE, { readOutside: false });
  const r = s.resolve('/srv/ondisk/ondisk.wsgi');
  assert.ok(r.kind === 'missing' && !r.absoluteChecked);
  assert.equal(s.python('/srv/ondisk/ondisk.wsgi'), undefined);
  assert.ok(s.python('/ws/plain/plain.wsgi'));
});

test('invalidate: new files are found, parsed scripts follow their content', () => {
  const files: Record<string, string> = { '/ws/a/app/wsgi.py': 'application = 1\n' };
  const s = new ScriptIndex(new MemoryFiles(files), { folders: ['/ws'], readOutside: true });
  assert.equal(s.resolve('/srv/new/site/site.wsgi').kind, 'missing');
  files['/ws/b/site/site.wsgi'] = 'app = 1\n';
  assert.equal(s.resolve('/srv/new/site/site.wsgi').kind, 'missing', 'answers are cached until invalidated');
  const before = s.generation;
  s.invalidate();
  assert.notEqual(s.generation, before);
  assert.equal(s.resolve('/srv/new/site/site.wsgi').kind, 'found');
  const first = s.python('/ws/b/site/site.wsgi');
  files['/ws/b/site/site.wsgi'] = 'application = 1\n';
  assert.notEqual(s.python('/ws/b/site/site.wsgi'), first);
  assert.equal(s.python('/ws/b/site/site.wsgi')?.text, 'application = 1\n');
});

test('the walk is bounded and says so', () => {
  // An endless binary tree of folders: the walk stops after its folder budget and reports an incomplete search.
  const endless = { read: () => undefined, kind: (p: string) => (p.endsWith('.py') ? undefined : ('dir' as const)), list: () => ['a', 'b'] };
  const s = new ScriptIndex(endless, { folders: ['/ws'], readOutside: true });
  const r = s.resolve('/srv/zzz/app/wsgi.py');
  assert.ok(r.kind === 'missing' && !r.complete);
});
