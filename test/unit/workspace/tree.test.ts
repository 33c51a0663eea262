import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTree, toFileOffset, toTreeOffset } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { DiskFiles, MemoryFiles } from '../../../server/workspace/files';
import { componentMatcher } from '../../../server/workspace/glob';
import { applyEdits } from '../../../server/features/applyEdits';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const DEBIAN = path.join(FIXTURES, 'debian/etc/apache2');
const RHEL = path.join(FIXTURES, 'rhel/etc/httpd');
const rel = (root: string, files: Iterable<string>) => [...files].map((f) => path.relative(root, f));

test('Debian tree: files in the order Apache reads them, globs sorted, envvars substituted', () => {
  const tree = buildTree(new DiskFiles(), path.join(DEBIAN, 'apache2.conf'));
  assert.deepEqual(rel(DEBIAN, tree.files.keys()), [
    'apache2.conf',
    'mods-enabled/authz_core.load',
    'mods-enabled/mpm_event.load',
    'mods-enabled/wsgi.load',
    'ports.conf',
    'conf-enabled/wsgi-daemons.conf',
    'sites-enabled/000-default.conf',
    'sites-enabled/blog.conf',
    'sites-enabled/shop.conf',
  ]);
  assert.equal(tree.serverRoot, DEBIAN, 'the workspace copy, not the machine ServerRoot it declares');
  assert.equal(tree.defines.get('APACHE_LOG_DIR'), '/var/log/apache2');
  assert.deepEqual(tree.problems, []);
  assert.ok(tree.complete);
});

test('RHEL tree: ServerRoot is the parent of conf/', () => {
  const tree = buildTree(new DiskFiles(), path.join(RHEL, 'conf/httpd.conf'));
  assert.equal(tree.serverRoot, RHEL);
  assert.deepEqual(rel(RHEL, tree.files.keys()), [
    'conf/httpd.conf',
    'conf.modules.d/00-base.conf',
    'conf.modules.d/10-wsgi-python3.conf',
    'conf.d/app.conf',
    'conf.d/reports.conf',
  ]);
});

test('offsets map between the expanded text and each file, both ways', () => {
  const tree = buildTree(new DiskFiles(), path.join(DEBIAN, 'apache2.conf'));
  for (const [file, text] of tree.files) {
    const at = text.indexOf('\n') + 1;
    const t = toTreeOffset(tree, file, at)!;
    assert.deepEqual(toFileOffset(tree, t), { file, offset: at });
    const n = Math.min(10, text.length - at);
    assert.equal(tree.text.slice(t, t + n), text.slice(at, at + n));
  }
});

test('cross-file: groups defined in one file and used in others are not unused', () => {
  const result = analyzeTree(buildTree(new DiskFiles(), path.join(DEBIAN, 'apache2.conf')));
  const unused = [...result.files.values()].flatMap((f) => f.reports.filter((r) => r.rule === 'wsgi-daemon-unused'));
  assert.deepEqual(unused, []);
  const rhel = analyzeTree(buildTree(new DiskFiles(), path.join(RHEL, 'conf/httpd.conf')));
  const reports = rhel.files.get(path.join(RHEL, 'conf.d/reports.conf'))!;
  const found = reports.reports.filter((r) => r.rule === 'wsgi-daemon-unused');
  assert.equal(found.length, 1);
  assert.equal(reports.text.slice(found[0].start, found[0].end), 'reports');
  // The fix is in that file's own offsets and inserts right after the daemon line.
  // The prefork MPM is loaded in another file (conf.modules.d/00-base.conf) and this site runs embedded.
  assert.deepEqual(reports.reports.filter((r) => r.rule === 'wsgi-prefork-embedded').map((r) => reports.text.slice(r.start, r.end)), ['WSGIScriptAlias']);
  const fixed = applyEdits(reports.text, found[0].fixes[0].edits);
  assert.ok(fixed.startsWith('WSGIDaemonProcess reports processes=1 threads=4\nWSGIProcessGroup reports\n'));
});

test('missing Include is an error in the including file; IncludeOptional is silent; cycles are reported', () => {
  const files = new MemoryFiles({
    '/srv/conf/httpd.conf': 'ServerRoot /srv\nInclude conf/missing.conf\nIncludeOptional conf/none/*.conf\nInclude conf/a.conf\n',
    '/srv/conf/a.conf': 'Include conf/b.conf\n',
    '/srv/conf/b.conf': 'Include conf/a.conf\nListen 80\n',
  });
  const result = analyzeTree(buildTree(files, '/srv/conf/httpd.conf'));
  const root = result.files.get('/srv/conf/httpd.conf')!;
  assert.deepEqual(root.reports.map((r) => [r.rule, root.text.slice(r.start, r.end), r.severity]), [['include-not-found', 'conf/missing.conf', 'error']]);
  const b = result.files.get('/srv/conf/b.conf')!;
  assert.deepEqual(b.reports.map((r) => r.rule), ['include-tree']);
  assert.match(b.reports[0].message, /Include cycle: a\.conf → b\.conf → a\.conf/);
});

test('a missing Include inside a section Apache skips is no error; inside one it may skip, a warning', () => {
  const files = new MemoryFiles({
    '/srv/conf/httpd.conf': [
      'ServerRoot /srv',
      'LoadModule dav_module /usr/lib/apache2/modules/mod_dav.so',
      // Debian's dav_svn.load: the Include is read only where mod_dav is not loaded yet (here it is).
      '<IfModule !mod_dav.c>',
      '  Include conf/dav.load',
      '</IfModule>',
      '<IfFile /srv/conf/extra.conf>',
      '  Include conf/extra.conf',
      '</IfFile>',
      '<IfDefine HAVE_EXTRA>',
      '  <IfModule mod_dav.c>',
      '    Include conf/extra.conf',
      '  </IfModule>',
      '</IfDefine>',
      'Include conf/missing.conf',
      '',
    ].join('\n'),
  });
  const root = analyzeTree(buildTree(files, '/srv/conf/httpd.conf')).files.get('/srv/conf/httpd.conf')!;
  const found = root.reports.filter((r) => r.rule === 'include-not-found');
  assert.deepEqual(
    found.map((r) => [root.text.slice(r.start, r.end), r.severity]),
    [['conf/extra.conf', 'warning'], ['conf/extra.conf', 'warning'], ['conf/missing.conf', 'error']],
  );
  assert.match(found[0].message, /Apache refuses to start if it reads the <IfFile \/srv\/conf\/extra\.conf> section around it\.$/);
  assert.match(found[1].message, /<IfDefine HAVE_EXTRA>/);
});

test('a file included twice has each finding once; different findings at one start are all kept', () => {
  const a = 'Bogus one\nOrder allow,deny\nWSGIDaemonProcess d processes=x\n<VirtualHost *:80>\n  ServerName a.example\n</VirtualHost>\n';
  const result = analyzeTree(buildTree(new MemoryFiles({ '/r/h.conf': 'Include /r/a.conf\nInclude /r/a.conf\n', '/r/a.conf': a }), '/r/h.conf'));
  const reports = result.files.get('/r/a.conf')!.reports;
  const keys = reports.map((r) => [r.rule, r.start, r.end, r.message].join('|'));
  assert.equal(new Set(keys).size, keys.length, keys.join('\n'));
  const at = (text: string) => reports.filter((r) => r.start === a.indexOf(text)).map((r) => r.rule).sort();
  assert.deepEqual(at('Bogus'), ['unknown-directive']);
  // Order: its place (directive-context) and its deprecation, from one start offset.
  assert.deepEqual(at('Order'), ['deprecated-access-control', 'directive-context']);
  assert.deepEqual(at('d processes'), ['wsgi-daemon-unused', 'wsgi-duplicate-daemon']);
});

test('section balance is checked per file, and fixes land in that file', () => {
  const files = new MemoryFiles({
    '/etc/apache2/apache2.conf': 'Include sites/*.conf\nListen 80\n',
    '/etc/apache2/sites/a.conf': '<VirtualHost *:80>\n    ServerName a\n',
    '/etc/apache2/sites/b.conf': '</VirtualHost>\n',
  });
  const result = analyzeTree(buildTree(files, '/etc/apache2/apache2.conf'));
  const a = result.files.get('/etc/apache2/sites/a.conf')!;
  assert.deepEqual(a.reports.map((r) => [r.rule, a.text.slice(r.start, r.end)]), [['syntax-error', '<VirtualHost *:80>']]);
  assert.equal(applyEdits(a.text, a.reports[0].fixes[0].edits), '<VirtualHost *:80>\n    ServerName a\n</VirtualHost>\n');
  const b = result.files.get('/etc/apache2/sites/b.conf')!;
  assert.deepEqual(b.reports.map((r) => r.rule), ['syntax-error']);
  assert.deepEqual(result.files.get('/etc/apache2/apache2.conf')!.reports, []);
});

test('limits: 10,000 matching files, deep nesting, Define in include paths', () => {
  const many: Record<string, string> = { '/r/apache2.conf': 'Define SITES /r/sites\nIncludeOptional ${SITES}/*.conf\n' };
  for (let i = 0; i < 10000; i++) many[`/r/sites/s${String(i).padStart(5, '0')}.conf`] = `Listen ${i}\n`;
  const tree = buildTree(new MemoryFiles(many), '/r/apache2.conf', { maxFiles: 500 });
  assert.equal(tree.files.size, 500);
  assert.equal(tree.complete, false);
  assert.deepEqual(tree.problems.map((p) => p.kind), ['too-many-files']);

  const deep: Record<string, string> = {};
  for (let i = 0; i < 200; i++) deep[`/d/f${i}.conf`] = `Include /d/f${i + 1}.conf\n`;
  deep['/d/f200.conf'] = 'Listen 80\n';
  const deepTree = buildTree(new MemoryFiles(deep), '/d/f0.conf');
  assert.deepEqual(deepTree.problems.map((p) => p.kind), ['too-deep']);
});

test('wildcard matcher: *, ?, classes, literal [ and no catastrophic backtracking', () => {
  assert.ok(componentMatcher('*.conf')('a.conf'));
  assert.ok(!componentMatcher('*.conf')('a.conf.bak'));
  assert.ok(componentMatcher('s?te[0-9].conf')('site1.conf'));
  assert.ok(componentMatcher('[!a]*')('b'));
  assert.ok(!componentMatcher('[!a]*')('a'));
  assert.ok(componentMatcher('a[b')('a[b'));
  const evil = componentMatcher('*a*a*a*a*a*a*a*a*a*a*a*b');
  const t0 = Date.now();
  assert.equal(evil('a'.repeat(5000)), false);
  assert.ok(Date.now() - t0 < 5000);
});

test("Debian's shipped /etc/apache2 (when installed) reads completely and raises no error", { skip: !fs.existsSync('/etc/apache2/apache2.conf') && 'apache2 is not installed' }, () => {
  const result = analyzeTree(buildTree(new DiskFiles(), '/etc/apache2/apache2.conf'));
  assert.ok(result.tree.files.size > 5);
  const errors = [...result.files.values()].flatMap((f) => f.reports.filter((r) => r.severity === 'error').map((r) => `${f.file}: ${r.rule}: ${r.message}`));
  assert.deepEqual(errors, []);
});
