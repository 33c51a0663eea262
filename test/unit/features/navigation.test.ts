// Definition, references and rename of daemon groups and Define'd variables; outline, folding, selection ranges,
// document links and semantic tokens. Expected ranges are «marked», the cursor is ‸.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, TextEdit } from 'vscode-languageserver/node';
import { analyzeText } from '../../../server/service';
import { definition } from '../../../server/features/definition';
import { references } from '../../../server/features/references';
import { prepareRename, rename } from '../../../server/features/rename';
import { documentSymbols } from '../../../server/features/symbols';
import { foldingRanges } from '../../../server/features/folding';
import { selectionRanges } from '../../../server/features/selection';
import { documentLinks } from '../../../server/features/links';
import { semanticTokens } from '../../../server/features/semanticTokens';
import { marked } from '../../helpers/markers';

/** Text with «ranges» and one ‸ cursor. */
function parse(source: string) {
  const cursor = source.indexOf('‸');
  const { text, spans } = marked(source.replace('‸', ''));
  // The cursor's offset in the text without any marker.
  const offset = source.slice(0, cursor).replace(/[«»]/g, '').length;
  const analysis = analyzeText('file:///ws/site.conf', text);
  return { text, spans, analysis, position: analysis.lines.positionAt(offset) };
}

const texts = (text: string, a: ReturnType<typeof parse>['analysis'], ranges: Array<{ range: { start: never; end: never } | any }>) =>
  ranges.map((r) => text.slice(a.lines.offsetAt(r.range.start), a.lines.offsetAt(r.range.end)));
const starts = (a: ReturnType<typeof parse>['analysis'], ranges: Array<{ range: any }>) => ranges.map((r) => a.lines.offsetAt(r.range.start));

const SITE = [
  'Define «ROOT» /srv/shop',
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess «shop» processes=2 python-home=${«ROOT»}/venv',
  '    WSGIProcessGroup «shop»',
  '    WSGIScriptAlias / ${«ROOT»}/wsgi.py process-group=«shop»',
  '    WSGIImportScript /srv/shop/warm.py process-group="«shop»" application-group=%{GLOBAL}',
  '    WSGIScriptAlias /other /srv/other/wsgi.py process-group=%{GLOBAL}',
  '</VirtualHost>',
  '<IfDefine «ROOT»>',
  '</IfDefine>',
  '',
].join('\n');

/** SITE with the cursor inside the n-th «…» (0 ROOT, 1 shop, 2 ROOT, 3 shop, 4 ROOT, 5 shop, 6 shop, 7 ROOT) and only the ranges of `keep` marked. */
function site(cursorIn: number, keep: string): ReturnType<typeof parse> {
  let k = -1;
  const src = SITE.replace(/«([^»]*)»/g, (_m, name: string) => {
    k++;
    const inner = k === cursorIn ? name.slice(0, 1) + '‸' + name.slice(1) : name;
    return name === keep ? `«${inner}»` : inner;
  });
  return parse(src);
}

test('definition of a group from WSGIProcessGroup, process-group= and a quoted process-group=', () => {
  for (const at of [3, 5, 6]) {
    const c = site(at, 'shop');
    const locs = definition(c.analysis, c.position);
    assert.deepEqual(texts(c.text, c.analysis, locs), ['shop']);
    assert.deepEqual(starts(c.analysis, locs), [c.spans[0].start]);
  }
});

test('definition of ${ROOT} and <IfDefine ROOT> is its Define', () => {
  for (const at of [2, 4, 7]) {
    const c = site(at, 'ROOT');
    const locs = definition(c.analysis, c.position);
    assert.deepEqual(starts(c.analysis, locs), [c.spans[0].start]);
  }
});

test('special values have no definition or references', () => {
  const c = parse('WSGIProcessGroup %{GLO‸BAL}\nWSGIApplicationGroup %{GLOBAL}\n');
  assert.deepEqual(definition(c.analysis, c.position), []);
  assert.deepEqual(references(c.analysis, c.position, true), []);
});

test('references of a group: definition and every use, with or without the declaration', () => {
  const c = site(1, 'shop');
  const all = references(c.analysis, c.position, true);
  assert.deepEqual(starts(c.analysis, all), c.spans.map((s) => s.start));
  assert.deepEqual(texts(c.text, c.analysis, all), ['shop', 'shop', 'shop', 'shop']);
  const uses = references(c.analysis, c.position, false);
  assert.deepEqual(starts(c.analysis, uses), c.spans.slice(1).map((s) => s.start));
});

test('references of a variable: Define, ${…} and <IfDefine>', () => {
  const c = site(0, 'ROOT');
  const all = references(c.analysis, c.position, true);
  assert.deepEqual(starts(c.analysis, all), c.spans.map((s) => s.start));
  assert.deepEqual(texts(c.text, c.analysis, all), ['ROOT', 'ROOT', 'ROOT', 'ROOT']);
});

function applyRename(c: ReturnType<typeof parse>, name: string): string {
  const result = rename(c.analysis, c.position, name);
  assert.ok('edit' in result, JSON.stringify(result));
  const edits = result.edit.changes!['file:///ws/site.conf'] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create('file:///ws/site.conf', 'apacheconf', 1, c.text), edits);
}

test('rename a group everywhere, quotes kept, special values untouched', () => {
  const c = site(3, 'shop');
  const prep = prepareRename(c.analysis, c.position);
  assert.ok('range' in prep);
  assert.equal(prep.placeholder, 'shop');
  const after = applyRename(c, 'store');
  assert.equal(after, c.text.replace(/(?<=WSGIDaemonProcess |WSGIProcessGroup |process-group=|process-group=")shop/g, 'store'));
  assert.ok(after.includes('process-group="store"'));
  assert.ok(after.includes('process-group=%{GLOBAL}'));
  const again = analyzeText('file:///ws/site.conf', after);
  assert.deepEqual(again.model.daemons.map((d) => d.name), ['store']);
  assert.deepEqual(again.reports.filter((r) => r.rule === 'wsgi-daemon-unused'), []);
});

test('rename a variable everywhere', () => {
  const c = site(4, 'ROOT');
  const after = applyRename(c, 'SHOP_ROOT');
  assert.equal(after.match(/SHOP_ROOT/g)?.length, 4);
  assert.ok(!/\bROOT\b/.test(after.replace(/SHOP_ROOT/g, '')));
});

test('prepareRename refuses special values, names defined elsewhere, and non-names', () => {
  const cases: Array<[string, RegExp]> = [
    ['WSGIProcessGroup %{GLO‸BAL}\n', /%\{GLOBAL\} is a value mod_wsgi expands itself/],
    ['WSGIScriptAlias / /srv/wsgi.py process-group=%{ENV:GR‸OUP}\n', /expands itself/],
    ['WSGIProcessGroup elsew‸here\n', /not defined in this file/],
    ['WSGIScriptAlias / /srv/wsgi.py application-group=%{GLO‸BAL}\n', /%\{GLOBAL\} is a value mod_wsgi expands itself, not a name/],
    ['ErrorLog ${APACHE_LOG‸_DIR}/error.log\n', /not Define'd in this file/],
    ['Serv‸erName example.com\n', /Only daemon process groups and Define variables/],
  ];
  for (const [src, message] of cases) {
    const c = parse(src);
    const r = prepareRename(c.analysis, c.position);
    assert.ok('refused' in r, src);
    assert.match(r.refused, message);
  }
});

test('rename refuses names mod_wsgi or Apache would misread', () => {
  const c = site(1, 'shop');
  for (const bad of ['two words', '%{GLOBAL}', 'a=b', '"q"', '']) {
    const r = rename(c.analysis, c.position, bad);
    assert.ok('refused' in r, bad);
  }
  const v = site(0, 'ROOT');
  assert.ok('refused' in rename(v.analysis, v.position, 'A:B'));
});

test('outline: virtual hosts by ServerName and address, daemon groups, aliases, nested sections', () => {
  const a = analyzeText('file:///ws/site.conf', SITE.replace(/[«»]/g, '') + '<VirtualHost 10.0.0.1:443>\n<Location /x>\n</Location>\n</VirtualHost>\n');
  const outline = (list: DocumentSymbol[]): unknown[] => list.map((s) => (s.children?.length ? [s.name, outline(s.children)] : s.name));
  assert.deepEqual(outline(documentSymbols(a)), [
    'ROOT',
    ['shop.example.com (*:80)', ['shop', '/ → ${ROOT}/wsgi.py', '/other → /srv/other/wsgi.py']],
    '<IfDefine ROOT>',
    ['<VirtualHost 10.0.0.1:443>', ['<Location /x>']],
  ]);
  const vhost = documentSymbols(a)[1];
  assert.deepEqual([vhost.range.start.line, vhost.range.end.line], [1, 8]);
  assert.equal(vhost.children![0].detail, 'WSGIDaemonProcess processes=2');
  assert.equal(vhost.children![1].detail, 'WSGIScriptAlias process-group=shop');
});

test('folding: sections keep their closing tag visible; comment blocks; continued directives', () => {
  const text = [
    '# one', // 0
    '# two', // 1
    '<VirtualHost *:80>', // 2
    '    # lone comment', // 3
    '    WSGIDaemonProcess shop \\', // 4
    '        threads=15', // 5
    '    <Directory /srv>', // 6
    '    </Directory>', // 7
    '</VirtualHost>', // 8
    '<IfModule mod_wsgi.c>', // 9
    '    WSGIRestrictEmbedded On', // 10
    '', // 11
  ].join('\n');
  const ranges = foldingRanges(analyzeText('file:///ws/f.conf', text)).map((r) => [r.startLine, r.endLine, r.kind]);
  assert.deepEqual(
    ranges.sort((x, y) => (x[0] as number) - (y[0] as number)),
    [
      [0, 1, 'comment'],
      [2, 7, 'region'],
      [4, 5, 'region'],
      [9, 11, 'region'],
    ],
  );
});

test('selection ranges grow from the name in ${…} to the whole section', () => {
  const c = parse('<VirtualHost *:80>\n    WSGIScriptAlias / ${RO‸OT}/wsgi.py\n</VirtualHost>\n');
  let r: any = selectionRanges(c.analysis, [c.position])[0];
  const seen: string[] = [];
  while (r) {
    seen.push(c.text.slice(c.analysis.lines.offsetAt(r.range.start), c.analysis.lines.offsetAt(r.range.end)));
    r = r.parent;
  }
  assert.deepEqual(seen, ['ROOT', '${ROOT}', '${ROOT}/wsgi.py', 'WSGIScriptAlias / ${ROOT}/wsgi.py', c.text.trimEnd()]);
});

test('selection ranges of an option: value, word, directive', () => {
  const c = parse('WSGIDaemonProcess shop threads=1‸5\n');
  let r: any = selectionRanges(c.analysis, [c.position])[0];
  const seen: string[] = [];
  for (; r; r = r.parent) seen.push(c.text.slice(c.analysis.lines.offsetAt(r.range.start), c.analysis.lines.offsetAt(r.range.end)));
  assert.deepEqual(seen, ['15', 'threads=15', 'WSGIDaemonProcess shop threads=15']);
});

test('document links: existing files only, relative to the document or a workspace folder, ${VAR} from Define', () => {
  const ws = '/ws';
  const files = new Set([
    '/ws/etc/apache2/conf-enabled/wsgi.conf',
    '/ws/etc/apache2/sites-enabled/app.conf',
    '/ws/srv/shop/wsgi.py',
    '/ws/etc/apache2/mods-available/wsgi.load',
  ]);
  const text = [
    'Define SITE /srv/shop',
    'Include «conf-enabled/wsgi.conf»',
    'IncludeOptional «/etc/apache2/sites-enabled/app.conf»',
    'IncludeOptional /etc/apache2/sites-enabled/*.conf',
    'Include missing.conf',
    'WSGIScriptAlias / "«${SITE}/wsgi.py»"',
    'WSGIScriptAliasMatch ^/(.*) /srv/$1/wsgi.py',
    'Include «../mods-available/wsgi.load»',
    '',
  ].join('\n');
  const { text: plain, spans } = marked(text);
  const a = analyzeText('file:///ws/etc/apache2/sites-enabled/site.conf', plain);
  const links = documentLinks(a, { folders: [ws], kind: (f) => (files.has(f) ? 'file' : files.has(f + '/x') ? 'dir' : undefined) });
  assert.deepEqual(
    links.map((l) => [a.lines.offsetAt(l.range.start), a.lines.offsetAt(l.range.end)]),
    spans.map((s) => [s.start, s.end]),
  );
  assert.deepEqual(
    links.map((l) => l.target),
    ['/ws/etc/apache2/conf-enabled/wsgi.conf', '/ws/etc/apache2/sites-enabled/app.conf', '/ws/srv/shop/wsgi.py', '/ws/etc/apache2/mods-available/wsgi.load'].map((f) => `file://${f}`),
  );
  assert.equal(path.sep, '/');
});

test('semantic tokens: group names, variables and special values, single-line and in order', () => {
  const text = 'Define ROOT /srv\nWSGIDaemonProcess shop\nWSGIProcessGroup shop\nWSGIScriptAlias / ${ROOT}/w.py process-group=%{GLOBAL}\n';
  const a = analyzeText('file:///ws/s.conf', text);
  const data = semanticTokens(a).data;
  const decoded: Array<[string, number, number]> = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const off = a.lines.offsetAt({ line, character: ch });
    decoded.push([text.slice(off, off + data[i + 2]), data[i + 3], data[i + 4]]);
  }
  assert.deepEqual(decoded, [
    ['ROOT', 1, 1],
    ['shop', 0, 1],
    ['shop', 0, 0],
    ['${ROOT}', 1, 0],
    ['%{GLOBAL}', 2, 0],
  ]);
});
