// KnownMissingDirs (the CLI's file source for WSGI scripts) answers as the disk does, and asks the disk about a
// missing directory once instead of about every path under it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskFiles, KnownMissingDirs, MemoryFiles, type FileSource } from '../../../server/workspace/files';

test('every answer equals the disk’s: files, directories, missing paths, paths under a file, symlinks', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-missing-'));
  fs.mkdirSync(path.join(root, 'srv/shop/app'), { recursive: true });
  fs.writeFileSync(path.join(root, 'srv/shop/app/wsgi.py'), 'application = None\n');
  fs.writeFileSync(path.join(root, 'srv/notadir'), 'x');
  fs.symlinkSync(path.join(root, 'srv/shop'), path.join(root, 'linked'));
  fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
  const disk = new DiskFiles();
  const known = new KnownMissingDirs(new DiskFiles());
  const rel = [
    'srv', 'srv/shop', 'srv/shop/app', 'srv/shop/app/wsgi.py', 'srv/shop/app/missing.py', 'srv/blog/app/wsgi.py',
    'srv/blog', 'srv/blog/app', 'srv/notadir', 'srv/notadir/wsgi.py', 'srv/notadir/a/b.py', 'linked/app/wsgi.py',
    'linked/app', 'dangling', 'dangling/wsgi.py', 'nowhere/a/b/c.wsgi', 'srv/shop/app/wsgi.py/x',
  ];
  // Twice, in an order that meets the missing directories before and after the paths under them.
  for (const p of [...rel, ...rel.slice().reverse()].map((r) => path.join(root, r))) {
    assert.equal(known.kind(p), disk.kind(p), `kind ${p}`);
    assert.equal(known.read(p), disk.read(p), `read ${p}`);
    assert.deepEqual(known.list(p).sort(), disk.list(p).sort(), `list ${p}`);
    assert.equal(known.realPath(p), disk.realPath(p), `realPath ${p}`);
  }
});

test('10,000 scripts under one missing directory: the base is asked about the directories, not the scripts', () => {
  const asked: string[] = [];
  const base = new MemoryFiles({ '/etc/apache2/apache2.conf': 'ServerRoot /etc/apache2\n' });
  const counting: FileSource = {
    read: (f) => (asked.push(f), base.read(f)),
    kind: (f) => (asked.push(f), base.kind(f)),
    list: (d) => (asked.push(d), base.list(d)),
  };
  const known = new KnownMissingDirs(counting);
  for (let n = 0; n < 10_000; n++) assert.equal(known.kind(`/srv/site${n}/app/wsgi.py`), undefined);
  assert.deepEqual(asked, ['/', '/srv']);
  // Paths under a directory that exists are still asked about, each.
  assert.equal(known.kind('/etc/apache2/apache2.conf'), 'file');
  assert.equal(known.kind('/etc/apache2/ports.conf'), undefined);
  assert.deepEqual(asked.slice(2), ['/etc', '/etc/apache2', '/etc/apache2/apache2.conf', '/etc/apache2/ports.conf']);
});
