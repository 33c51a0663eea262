// Definition, references and rename in the scope of a server tree (in-memory files): reading order, a file
// included twice, a document whose text differs from the tree's copy, files outside the workspace folders,
// names built with ${VAR}, Defines in other files and envvars.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, MarkupContent, Position } from 'vscode-languageserver/node';
import { analyzeText } from '../../../server/service';
import { DiskFiles, MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { definition } from '../../../server/features/definition';
import { references } from '../../../server/features/references';
import { prepareRename, rename } from '../../../server/features/rename';
import { treeScope } from '../../../server/features/navScope';
import { hover } from '../../../server/features/hover';
import { documentLinks } from '../../../server/features/links';
import { completion } from '../../../server/features/completion';

const ROOT = '/ws/etc/apache2';

function server(files: Record<string, string>) {
  const abs = Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.isAbsolute(rel) ? rel : path.join(ROOT, rel), text]));
  const tree = analyzeTree(buildTree(new MemoryFiles(abs), path.join(ROOT, 'apache2.conf')));
  /** The open document `rel` (with `text` instead of the tree's copy if given) and the cursor at `find` + delta. */
  const open = (rel: string, find: string, delta = 1, text = abs[path.join(ROOT, rel)]) => {
    const analysis = analyzeText(pathToFileURL(path.join(ROOT, rel)).href, text);
    const i = text.indexOf(find);
    assert.ok(i >= 0, find);
    return { analysis, position: analysis.lines.positionAt(i + delta) as Position, scope: treeScope(analysis, tree, ['/ws']) };
  };
  return { tree, open };
}

const show = (locs: Location[]) => locs.map((l) => `${path.relative(ROOT, new URL(l.uri).pathname)}:${l.range.start.line}:${l.range.start.character}`);

const BASE = {
  'apache2.conf': 'Include conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n',
  'conf-enabled/daemons.conf': 'Define HOME /srv\nWSGIDaemonProcess shop\n',
  'sites-enabled/a.conf': 'WSGIProcessGroup shop\nWSGIScriptAlias / ${HOME}/a.wsgi process-group=shop\n',
  'sites-enabled/b.conf': '<VirtualHost *:80>\nWSGIProcessGroup shop\n</VirtualHost>\n',
};

test('definition and references across files, in the order Apache reads them', () => {
  const { open } = server(BASE);
  const a = open('sites-enabled/b.conf', 'shop');
  assert.ok(a.scope);
  assert.deepEqual(show(definition(a.analysis, a.position, a.scope)), ['conf-enabled/daemons.conf:1:18']);
  assert.deepEqual(show(references(a.analysis, a.position, true, a.scope)), [
    'conf-enabled/daemons.conf:1:18',
    'sites-enabled/a.conf:0:17',
    'sites-enabled/a.conf:1:47',
    'sites-enabled/b.conf:1:17',
  ]);
  assert.deepEqual(show(references(a.analysis, a.position, false, a.scope)).length, 3);
  const v = open('sites-enabled/a.conf', '${HOME}', 3);
  assert.deepEqual(show(definition(v.analysis, v.position, v.scope!)), ['conf-enabled/daemons.conf:0:7']);
});

test('rename edits every file, each with its own exact ranges', () => {
  const { open } = server(BASE);
  const a = open('conf-enabled/daemons.conf', 'shop');
  const r = rename(a.analysis, a.position, 'store', a.scope!);
  assert.ok('edit' in r);
  const changes = r.edit.changes!;
  const byFile = Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [path.relative(ROOT, new URL(uri).pathname), edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`)]));
  assert.deepEqual(byFile, {
    'conf-enabled/daemons.conf': ['1:18-22=store'],
    'sites-enabled/a.conf': ['0:17-21=store', '1:47-51=store'],
    'sites-enabled/b.conf': ['1:17-21=store'],
  });
  // The single-file refusal is gone: the group is defined in the server, though not in b.conf.
  const b = open('sites-enabled/b.conf', 'shop');
  assert.deepEqual(prepareRename(b.analysis, b.position, b.scope!), { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 21 } }, placeholder: 'shop' });
});

test('a file included twice is listed once', () => {
  const { open } = server({ ...BASE, 'apache2.conf': BASE['apache2.conf'] + 'Include sites-enabled/b.conf\n' });
  const a = open('sites-enabled/b.conf', 'shop');
  assert.deepEqual(show(references(a.analysis, a.position, false, a.scope!)).filter((s) => s.startsWith('sites-enabled/b.conf')), ['sites-enabled/b.conf:1:17']);
});

test('the document is authoritative: a text that differs from the tree copy gives no tree scope', () => {
  const { open } = server(BASE);
  const changed = open('sites-enabled/b.conf', 'shop', 1, '# edited\n<VirtualHost *:80>\nWSGIProcessGroup shop\n</VirtualHost>\n');
  assert.equal(changed.scope, undefined);
  const same = server(BASE).open('sites-enabled/b.conf', 'shop');
  assert.ok(same.scope);
});

test('rename is refused where an occurrence is outside the workspace folders', () => {
  const { open } = server({ ...BASE, 'apache2.conf': BASE['apache2.conf'] + 'Include /opt/shared/wsgi.conf\n', '/opt/shared/wsgi.conf': 'WSGIImportScript /srv/w.py process-group=shop application-group=%{GLOBAL}\n' });
  const a = open('conf-enabled/daemons.conf', 'shop');
  assert.equal(show(references(a.analysis, a.position, false, a.scope!)).length, 4, 'found, though not renamable');
  const r = rename(a.analysis, a.position, 'store', a.scope!);
  assert.ok('refused' in r);
  assert.match(r.refused, /wsgi\.conf:1.*outside the workspace folders/);
});

test('rename is refused where the group is also named through a variable, wherever that is', () => {
  const files = { ...BASE, 'sites-enabled/c.conf': 'Define APP shop\nWSGIScriptAlias /c /srv/c.wsgi process-group=${APP}\n' };
  const { open } = server(files);
  const a = open('conf-enabled/daemons.conf', 'shop');
  const r = rename(a.analysis, a.position, 'store', a.scope!);
  assert.ok('refused' in r);
  assert.match(r.refused, /named through a variable in c\.conf:2/);
  // A variable naming some other group does not stand in the way.
  const other = server({ ...files, 'sites-enabled/c.conf': 'Define APP blog\nWSGIScriptAlias /c /srv/c.wsgi process-group=${APP}\n' }).open('conf-enabled/daemons.conf', 'shop');
  assert.ok('edit' in rename(other.analysis, other.position, 'store', other.scope!));
});

test('a variable from envvars: definition on its export line, rename refused', () => {
  const { open } = server({ ...BASE, envvars: 'unset HOME\nexport APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n', 'sites-enabled/a.conf': 'ErrorLog ${APACHE_LOG_DIR}/a.log\n' });
  const a = open('sites-enabled/a.conf', 'APACHE_LOG_DIR', 2);
  assert.deepEqual(show(definition(a.analysis, a.position, a.scope!)), ['envvars:1:7']);
  const p = prepareRename(a.analysis, a.position, a.scope!);
  assert.ok('refused' in p && /environment \(envvars\)/.test(p.refused));
  const u = open('sites-enabled/a.conf', 'ErrorLog', 1);
  assert.deepEqual(definition(u.analysis, u.position, u.scope!), []);  // Define'd as well: the Define is where definition goes, but a rename would strand the uses that read envvars.
  const both = server({ ...BASE, envvars: 'export APACHE_LOG_DIR=/var/log/apache2\n', 'sites-enabled/a.conf': 'ErrorLog ${APACHE_LOG_DIR}/a.log\nDefine APACHE_LOG_DIR /tmp\n' });
  const b = both.open('sites-enabled/a.conf', 'APACHE_LOG_DIR', 2);
  assert.deepEqual(show(definition(b.analysis, b.position, b.scope!)), ['sites-enabled/a.conf:1:7']);
  const r = rename(b.analysis, b.position, 'LOGS', b.scope!);
  assert.ok('refused' in r && /also exported by envvars/.test(r.refused));
});

test('names defined nowhere in the server are refused with the server named', () => {
  const { open } = server({ ...BASE, 'sites-enabled/b.conf': 'WSGIProcessGroup ghost\n' });
  const a = open('sites-enabled/b.conf', 'ghost');
  const p = prepareRename(a.analysis, a.position, a.scope!);
  assert.ok('refused' in p);
  assert.match(p.refused, /not defined in any file of the server read from \/ws\/etc\/apache2\/apache2\.conf/);
});

test('hover of a group and a variable describes the whole server', () => {
  const { open } = server({ ...BASE, envvars: 'export APACHE_LOG_DIR=/var/log/apache2\n', 'sites-enabled/a.conf': BASE['sites-enabled/a.conf'] + 'ErrorLog ${APACHE_LOG_DIR}/a.log\n' });
  const g = open('sites-enabled/b.conf', 'shop');
  const text = (h: ReturnType<typeof hover>) => (h!.contents as MarkupContent).value;
  const group = text(hover(g.analysis, g.position, g.scope!));
  assert.match(group, /Defined by `WSGIDaemonProcess` on `conf-enabled\/daemons\.conf` line 2, at server level/);
  assert.match(group, /Used by 3 directives:\n- WSGIProcessGroup on `sites-enabled\/a\.conf` line 1[^\n]*\n- WSGIScriptAlias process-group= on `sites-enabled\/a\.conf` line 2[^\n]*\n- WSGIProcessGroup on line 2, in <VirtualHost \*:80>/);
  const v = open('sites-enabled/a.conf', 'APACHE_LOG_DIR', 2);
  assert.match(text(hover(v.analysis, v.position, v.scope!)), /Exported by `envvars`: `\/var\/log\/apache2`\.[\s\S]*1 use in the server read from apache2\.conf\./);
  const d = open('sites-enabled/a.conf', '${HOME}', 3);
  assert.match(text(hover(d.analysis, d.position, d.scope!)), /set to `\/srv` on `conf-enabled\/daemons\.conf` line 1/);
  // Without the tree the same hover speaks of this file only.
  assert.match(text(hover(g.analysis, g.position)), /No `WSGIDaemonProcess shop` in this file\./);
});

test("document links substitute variables Define'd in other files of the server", () => {
  const { open } = server(BASE);
  const a = open('sites-enabled/a.conf', 'shop');
  const env = { folders: ['/ws'], kind: (f: string) => (f === '/ws/srv/a.wsgi' ? ('file' as const) : undefined) };
  assert.deepEqual(documentLinks(a.analysis, env, a.scope!).map((l) => l.target), ['file:///ws/srv/a.wsgi']);
  assert.deepEqual(documentLinks(a.analysis, env), [], 'alone, ${HOME} is unknown');
});

test('WSGIRestrictProcess names groups: found, renamed, and a way to the definition', () => {
  const { open } = server({ ...BASE, 'sites-enabled/r.conf': '<Directory /srv>\n    WSGIRestrictProcess blog shop %{GLOBAL}\n</Directory>\n' });
  const r = open('sites-enabled/r.conf', 'shop');
  assert.deepEqual(show(definition(r.analysis, r.position, r.scope!)), ['conf-enabled/daemons.conf:1:18']);
  const d = open('conf-enabled/daemons.conf', 'shop');
  assert.ok(show(references(d.analysis, d.position, false, d.scope!)).includes('sites-enabled/r.conf:1:29'));
  const edit = rename(d.analysis, d.position, 'store', d.scope!);
  assert.ok('edit' in edit);
  const uri = Object.keys(edit.edit.changes!).find((u) => u.endsWith('/r.conf'))!;
  assert.deepEqual(edit.edit.changes![uri].map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}`), ['1:29-33']);
  const special = open('sites-enabled/r.conf', '%{GLOBAL}', 2);
  assert.ok('refused' in prepareRename(special.analysis, special.position, special.scope!));
});

test('completion offers the groups and variables of every file of the server', () => {
  const text = '<VirtualHost *:80>\n    WSGIProcessGroup \n    ErrorLog ${\n</VirtualHost>\n<IfDefine \n</IfDefine>\n';
  const { open } = server({ ...BASE, envvars: 'export APACHE_LOG_DIR=/var/log/apache2\n', 'sites-enabled/c.conf': text });
  const labels = (find: string, delta: number) => {
    const c = open('sites-enabled/c.conf', find, delta);
    return completion(c.analysis, c.position, () => c.scope!);
  };
  const groups = labels('WSGIProcessGroup ', 17);
  const shop = groups.find((i) => i.label === 'shop');
  assert.ok(shop, groups.map((i) => i.label).join());
  assert.match((shop.documentation as MarkupContent).value, /`conf-enabled\/daemons\.conf` line 2/);
  assert.deepEqual(labels('${', 2).map((i) => i.label).sort(), ['APACHE_LOG_DIR', 'HOME']);
  assert.deepEqual(labels('<IfDefine ', 10).map((i) => i.label), ['HOME'], '<IfDefine> never sees the environment');
  // Alone, c.conf defines nothing.
  const alone = open('sites-enabled/c.conf', 'WSGIProcessGroup ', 17);
  assert.ok(!completion(alone.analysis, alone.position).some((i) => i.label === 'shop'));
});

test('every offset of every file of the Debian fixture tree: no throw, every location inside its file', () => {
  const DEBIAN = path.resolve(__dirname, '../../../../test/fixtures/debian/etc/apache2');
  const tree = analyzeTree(buildTree(new DiskFiles(), path.join(DEBIAN, 'apache2.conf')));
  const texts = new Map([...tree.files].map(([f, t]) => [pathToFileURL(f).href, t.text]));
  texts.set(pathToFileURL(path.join(DEBIAN, 'envvars')).href, fs.readFileSync(path.join(DEBIAN, 'envvars'), 'utf8'));
  const inside = (l: Location) => {
    const text = texts.get(l.uri);
    assert.ok(text !== undefined, l.uri);
    const lines = text.split('\n');
    for (const p of [l.range.start, l.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${l.uri} ${JSON.stringify(p)}`);
  };
  let found = 0;
  for (const [file, { text }] of tree.files) {
    const analysis = analyzeText(pathToFileURL(file).href, text);
    const scope = treeScope(analysis, tree, [DEBIAN])!;
    assert.ok(scope, file);
    for (let o = 0; o <= text.length; o++) {
      const position = analysis.lines.positionAt(o);
      const locs = [...definition(analysis, position, scope), ...references(analysis, position, true, scope)];
      locs.forEach(inside);
      found += locs.length;
      const r = rename(analysis, position, 'renamed', scope);
      if ('edit' in r) for (const [uri, edits] of Object.entries(r.edit.changes!)) edits.forEach((e) => inside({ uri, range: e.range }));
      hover(analysis, position, scope);
      completion(analysis, position, () => scope);
    }
  }
  assert.ok(found > 0);
});
