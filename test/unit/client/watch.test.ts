// The client's file watcher must cover every file a server tree reads, or an edit on disk (outside the editor)
// leaves stale findings: checked against the Debian and RHEL fixture trees and Debian's shipped /etc/apache2.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WATCHED_GLOB, WATCHED_NAMES } from '../../../client/watch';
import { buildTree } from '../../../server/workspace/tree';
import { DiskFiles } from '../../../server/workspace/files';
import { componentMatcher } from '../../../server/workspace/glob';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const watched = (file: string) => WATCHED_NAMES.some((n) => componentMatcher(n)(path.basename(file)));

function treeFiles(root: string): string[] {
  const tree = buildTree(new DiskFiles(), root);
  return [...tree.files.keys(), ...(tree.environmentFile ? [tree.environmentFile.path] : [])];
}

test('every file of the fixture trees, envvars included, is watched', () => {
  const files = [...treeFiles(path.join(FIXTURES, 'debian/etc/apache2/apache2.conf')), ...treeFiles(path.join(FIXTURES, 'rhel/etc/httpd/conf/httpd.conf'))];
  assert.ok(files.some((f) => path.basename(f) === 'envvars'));
  assert.deepEqual(files.filter((f) => !watched(f)), []);
  // WSGI scripts, by both extensions.
  assert.ok(watched('/srv/shop/shop/wsgi.py') && watched('/srv/blog/app.wsgi'));
  assert.ok(!watched('/srv/shop/README.md'));
});

test("every file of Debian's shipped /etc/apache2 is watched", { skip: !fs.existsSync('/etc/apache2/apache2.conf') && 'apache2 is not installed' }, () => {
  assert.deepEqual(treeFiles('/etc/apache2/apache2.conf').filter((f) => !watched(f)), []);
});

test('the glob lists each name as one alternative (no nested braces, which VS Code globs do not support)', () => {
  assert.equal(WATCHED_GLOB, `**/{${WATCHED_NAMES.join(',')}}`);
  for (const n of WATCHED_NAMES) assert.ok(!/[{},/]/.test(n), n);
});
