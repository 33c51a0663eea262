// An unsaved edit drops only the server trees that read the edited file (ServerContexts.textChanged): after any
// sequence of edits, every file's findings equal those of contexts that re-read every tree.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ServerContexts } from '../../server/workspace/contexts';
import { MemoryFiles, OverlayFiles } from '../../server/workspace/files';
import { ScriptIndex } from '../../server/workspace/scripts';

// Two servers and four shared files; a file's text may include others (literally or by glob), define a daemon
// another file uses, or serve another file as its WSGI script, so edits move files in and out of trees.
const FILES = ['/w/shared/a.conf', '/w/shared/b.conf', '/w/shared/c.conf', '/w/shared/d.conf'];
const ROOTS = ['/w/one/apache2.conf', '/w/two/httpd.conf'];
const TEXTS = [
  'Listen 80\n',
  'Include /w/shared/b.conf\n',
  'IncludeOptional /w/shared/c*.conf\n',
  'Include /w/shared/missing.conf\n',
  'WSGIDaemonProcess shop threads=2\n',
  'WSGIProcessGroup shop\nWSGIScriptAlias / /w/shared/d.conf\n',
  'def application(environ, start_response):\n    return []\n',
  '<VirtualHost *:80>\nWSGIProcessGroup blog\n</VirtualHost>\n',
];
const ROOT_TEXTS = ['Include /w/shared/a.conf\n', 'IncludeOptional /w/shared/*.conf\n', 'Include /w/shared/d.conf\nListen 81\n', 'Listen 82\n'];

function contextsOver(disk: Record<string, string>, open: Map<string, string>): ServerContexts {
  const files = new OverlayFiles(new MemoryFiles(disk), (f) => open.get(f));
  const contexts = new ServerContexts(files);
  contexts.setFolders(['/w']);
  contexts.setEnvironment({ scripts: new ScriptIndex(files, { folders: ['/w'], readOutside: true }) });
  return contexts;
}

function snapshot(contexts: ServerContexts): string {
  return JSON.stringify([...FILES, ...ROOTS, '/w/shared/missing.conf'].map((f) => {
    const hit = contexts.findingsFor(f);
    return hit && { file: hit.findings.file, text: hit.findings.text, reports: hit.findings.reports };
  }));
}

test('after unsaved edits, kept trees read the same as trees read afresh', () => {
  const edit = fc.record({ file: fc.constantFrom(...FILES, ...ROOTS, '/w/shared/missing.conf'), text: fc.constantFrom(...TEXTS, ...ROOT_TEXTS) });
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TEXTS), { minLength: 4, maxLength: 4 }), fc.array(fc.constantFrom(...ROOT_TEXTS), { minLength: 2, maxLength: 2 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (texts, rootTexts, edits) => {
      const disk: Record<string, string> = {};
      FILES.forEach((f, i) => (disk[f] = texts[i]));
      ROOTS.forEach((f, i) => (disk[f] = rootTexts[i]));
      // Every edited file is open from the start (opening drops every tree; only then do edits start).
      const open = new Map(edits.map((e) => [e.file, disk[e.file] ?? '']));
      const kept = contextsOver(disk, open);
      snapshot(kept);
      for (const e of edits) {
        open.set(e.file, e.text);
        kept.textChanged([e.file]);
        assert.equal(snapshot(kept), snapshot(contextsOver(disk, open)));
      }
    }),
    { numRuns: 300 },
  );
});

test('a tree that does not read the edited file is kept; one that does is read again', () => {
  const disk = { '/w/one/apache2.conf': 'Include /w/shared/a.conf\n', '/w/two/httpd.conf': 'Listen 80\n', '/w/shared/a.conf': 'Listen 81\n' };
  const open = new Map([['/w/shared/a.conf', 'Listen 81\n']]);
  const contexts = contextsOver(disk, open);
  const one = contexts.findingsFor('/w/one/apache2.conf')?.tree;
  const two = contexts.findingsFor('/w/two/httpd.conf')?.tree;
  open.set('/w/shared/a.conf', 'Listen 82\n');
  contexts.textChanged(['/w/shared/a.conf']);
  assert.equal(contexts.findingsFor('/w/two/httpd.conf')?.tree, two, 'kept');
  const again = contexts.findingsFor('/w/one/apache2.conf')?.tree;
  assert.notEqual(again, one, 'read again');
  assert.equal(contexts.findingsFor('/w/shared/a.conf')?.findings.text, 'Listen 82\n');
});

// A server whose site files hold many hosts: an edit re-reads only the top-level nodes around it in the tree's
// spliced text (analyzeTree's incremental lineage), keeping the others with their per-section findings.
const SITES = ['/w/sites/a.conf', '/w/sites/b.conf', '/w/sites/c.conf'];
const siteHost = (site: string, i: number) =>
  `<VirtualHost *:80>\n    ServerName ${site}${i}.example\n    WSGIDaemonProcess ${site}${i} processes=2 threads=15\n    WSGIProcessGroup ${site}${i}\n    WSGIScriptAlias / /srv/${site}${i}/wsgi.py\n</VirtualHost>\n`;
const siteText = (site: string) => Array.from({ length: 6 }, (_, i) => siteHost(site, i)).join('');
const PIECES = ['', 'a', '1', ' ', '\n', '#', '=', '"', 'threads=2 ', 'Define X 1\n', 'ServerName a0.example\n', 'ServerAlias b1.example\n', 'Require all granted\n', 'WSGIProcessGroup b1\n', '</VirtualHost>\n', '<VirtualHost *:80>\n', '${X}'];

test('typing in a site file of a many-host server: each tree read again from the last equals one read afresh', () => {
  const disk: Record<string, string> = { '/w/etc/apache2.conf': 'Listen 80\nIncludeOptional /w/sites/*.conf\n' };
  for (const f of SITES) disk[f] = siteText(f.slice(-6, -5));
  const edit = fc.record({ file: fc.constantFrom(...SITES), at: fc.nat(), atLineStart: fc.boolean(), remove: fc.nat(3), insert: fc.constantFrom(...PIECES) });
  let reused = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const open = new Map(SITES.map((f) => [f, disk[f]]));
      const contexts = contextsOver(disk, open);
      let tree = contexts.findingsFor(SITES[0])!.tree;
      for (const e of edits) {
        const text = open.get(e.file)!;
        const at = e.atLineStart ? text.lastIndexOf('\n', (e.at % (text.length + 1)) - 1) + 1 : e.at % (text.length + 1);
        open.set(e.file, text.slice(0, at) + e.insert + text.slice(at + e.remove));
        contexts.textChanged([e.file]);
        const before = new Set(tree.ast.children);
        tree = contexts.findingsFor(SITES[0])!.tree;
        if (tree.ast.children.some((n) => before.has(n))) reused++;
        assert.equal(snapshotOf(contexts), snapshotOf(contextsOver(disk, open)));
      }
    }),
    { numRuns: 150 },
  );
  assert.ok(reused > 0, 'no tree re-used its previous syntax');
});

function snapshotOf(contexts: ServerContexts): string {
  return JSON.stringify(['/w/etc/apache2.conf', ...SITES].map((f) => contexts.findingsFor(f)?.findings).map((f) => f && { text: f.text, reports: f.reports, problems: f.problems }));
}
