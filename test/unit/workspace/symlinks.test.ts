// The language server's side of symlinked sites: a file is found in the tree that reads it under another path
// (a symlink on either side, or a linked directory), and the editor's unsaved text is what the tree reads.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ServerContexts } from '../../../server/workspace/contexts';
import { DiskFiles, MemoryFiles, OverlayFiles } from '../../../server/workspace/files';
import { analyzeTree, treeFileOf } from '../../../server/workspace/analyzeTree';
import { buildTree } from '../../../server/workspace/tree';

function makeServer(apache2conf: string) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'awl-sym-')));
  const root = path.join(dir, 'apache2');
  for (const d of ['sites-available', 'sites-enabled']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(root, 'apache2.conf'), apache2conf);
  fs.writeFileSync(path.join(root, 'sites-available', 'blog.conf'), 'WSGIDaemonProcess blog\n');
  return { dir, root, available: path.join(root, 'sites-available', 'blog.conf'), enabled: path.join(root, 'sites-enabled', 'blog.conf') };
}

test('a file opened by its target path is found in the tree that reads it through a link, with its unsaved text', () => {
  const ws = makeServer('IncludeOptional sites-enabled/*.conf\n');
  fs.symlinkSync('../sites-available/blog.conf', ws.enabled);
  const open = new Map([[ws.available, 'WSGIDaemonProcess blog threads=3\n']]);
  const contexts = new ServerContexts(new OverlayFiles(new DiskFiles(), (f) => open.get(f)));
  contexts.setFolders([ws.dir]);
  const hit = contexts.findingsFor(ws.available);
  assert.ok(hit);
  assert.equal(hit.findings.file, ws.enabled, 'findings keep the path Apache reads');
  assert.equal(hit.findings.text, 'WSGIDaemonProcess blog threads=3\n', 'the editor text, read through the link');
  assert.equal(contexts.findingsFor(ws.enabled)?.findings, hit.findings);
  assert.equal(contexts.findingsFor(path.join(ws.root, 'sites-available', 'other.conf')), undefined);
});

test('the other way round: a link opened, the tree reading the target; and a linked directory', () => {
  const ws = makeServer('Include sites-available/blog.conf\nIncludeOptional linked/*.conf\n');
  fs.symlinkSync('../sites-available/blog.conf', ws.enabled);
  fs.mkdirSync(path.join(ws.dir, 'real'));
  fs.writeFileSync(path.join(ws.dir, 'real', 'shop.conf'), 'WSGIDaemonProcess shop\n');
  fs.symlinkSync('../real', path.join(ws.root, 'linked'));
  const contexts = new ServerContexts(new OverlayFiles(new DiskFiles(), () => undefined));
  contexts.setFolders([path.join(ws.dir, 'apache2')]);
  assert.equal(contexts.findingsFor(ws.enabled)?.findings.file, ws.available);
  assert.equal(contexts.findingsFor(path.join(ws.dir, 'real', 'shop.conf'))?.findings.file, path.join(ws.root, 'linked', 'shop.conf'));
});

test('without link support (in-memory files) only the exact path matches', () => {
  const files = new MemoryFiles({ '/s/apache2.conf': 'Include a.conf\n', '/s/a.conf': 'Listen 80\n' });
  const tree = analyzeTree(buildTree(files, '/s/apache2.conf'));
  assert.equal(treeFileOf(tree, '/s/a.conf'), '/s/a.conf');
  assert.equal(treeFileOf(tree, '/s/b.conf'), undefined);
});

test('an unsaved edit of a file the tree reads through a link drops that tree, and only that one', () => {
  const ws = makeServer('IncludeOptional sites-enabled/*.conf\n');
  fs.symlinkSync('../sites-available/blog.conf', ws.enabled);
  fs.mkdirSync(path.join(ws.dir, 'other'));
  fs.writeFileSync(path.join(ws.dir, 'other', 'httpd.conf'), 'Listen 80\n');
  const open = new Map([[ws.available, 'WSGIDaemonProcess blog threads=3\n']]);
  const contexts = new ServerContexts(new OverlayFiles(new DiskFiles(), (f) => open.get(f)));
  contexts.setFolders([ws.dir]);
  const other = contexts.findingsFor(path.join(ws.dir, 'other', 'httpd.conf'))?.tree;
  assert.equal(contexts.findingsFor(ws.available)?.findings.text, 'WSGIDaemonProcess blog threads=3\n');
  open.set(ws.available, 'WSGIDaemonProcess blog threads=4\n');
  contexts.textChanged([ws.available]);
  assert.equal(contexts.findingsFor(ws.available)?.findings.text, 'WSGIDaemonProcess blog threads=4\n', 'read again through the link');
  assert.equal(contexts.findingsFor(path.join(ws.dir, 'other', 'httpd.conf'))?.tree, other, 'the other server is kept');
});
