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
