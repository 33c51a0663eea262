import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse, walk } from '../../server/syntax/parser';
import { applyEdits } from '../../server/features/applyEdits';
import type { DirectiveNode, SectionNode } from '../../server/syntax/ast';

const problems = (text: string) => parse(text).problems.map((p) => ({ kind: p.kind, at: text.slice(p.start, p.end), message: p.message }));

test('sections nest, names are case-insensitive, comments only at line start', () => {
  const text = '# top\n<VirtualHost *:80>\n  ServerName a # not a comment\n  <directory /srv>\n    Require all granted\n  </DIRECTORY>\n</virtualhost>\n';
  const ast = parse(text);
  assert.deepEqual(ast.problems, []);
  const [comment, vhost] = ast.children as [unknown, SectionNode];
  assert.equal((comment as { kind: string }).kind, 'comment');
  assert.equal(vhost.nameLower, 'virtualhost');
  assert.deepEqual(vhost.args.map((a) => a.value), ['*:80']);
  const sn = vhost.children[0] as DirectiveNode;
  assert.deepEqual(sn.args.map((a) => a.value), ['a', '#', 'not', 'a', 'comment']);
  const dir = vhost.children[1] as SectionNode;
  assert.equal(dir.parent, vhost);
  assert.equal(text.slice(dir.close!.start, dir.close!.end), '</DIRECTORY>');
  assert.equal(text.slice(vhost.start, vhost.end), text.slice(text.indexOf('<V'), text.lastIndexOf('>') + 1));
});

test('ranges: directive name, args and node span are exact', () => {
  const text = '  WSGIScriptAlias /app "/srv/my app/wsgi.py" process-group=x\n';
  const d = parse(text).children[0] as DirectiveNode;
  assert.equal(text.slice(d.nameSpan.start, d.nameSpan.end), 'WSGIScriptAlias');
  assert.deepEqual(d.args.map((a) => text.slice(a.start, a.end)), ['/app', '"/srv/my app/wsgi.py"', 'process-group=x']);
  assert.equal(text.slice(d.start, d.end), text.trim());
  assert.deepEqual([d.firstLine, d.lastLine], [0, 0]);
});

test('a continued directive covers all its physical lines', () => {
  const text = 'Listen 80\nWSGIDaemonProcess site \\\n  threads=15 \\\n  processes=2\nListen 81\n';
  const d = [...walk(parse(text).children)][1] as DirectiveNode;
  assert.deepEqual([d.firstLine, d.lastLine], [1, 3]);
  assert.equal(text.slice(d.start, d.end), 'WSGIDaemonProcess site \\\n  threads=15 \\\n  processes=2');
});

test('parse problems: unclosed, mismatched, stray, missing >, missing argument', () => {
  assert.deepEqual(problems('<VirtualHost *:80>\nServerName a\n').map((p) => [p.kind, p.at]), [['unclosed-section', '<VirtualHost *:80>']]);
  assert.match(problems('<VirtualHost *:80>\n')[0].message, /<VirtualHost> was not closed/);
  const mm = problems('<VirtualHost *:80>\n</Directory>\n');
  assert.deepEqual(mm.map((p) => [p.kind, p.at]), [['mismatched-close', '</Directory>'], ['unclosed-section', '<VirtualHost *:80>']]);
  assert.match(mm[0].message, /Expected <\/VirtualHost> but saw <\/Directory>/);
  assert.deepEqual(problems('</Files>\n').map((p) => [p.kind, p.at]), [['stray-close', '</Files>']]);
  assert.deepEqual(problems('<VirtualHost *:80\n</VirtualHost>\n').map((p) => [p.kind, p.at]), [['missing-bracket', '<VirtualHost *:80']]);
  assert.deepEqual(problems('<VirtualHost *:80>\n</VirtualHost foo>\n').map((p) => p.kind), ['missing-bracket']);
  assert.deepEqual(problems('<VirtualHost *:80>\n</VirtualHost\n').map((p) => p.kind), ['missing-bracket']);
  assert.deepEqual(problems('<VirtualHost>\n</VirtualHost>\n').map((p) => [p.kind, p.at]), [['missing-section-argument', '<VirtualHost>']]);
  assert.deepEqual(problems('<RequireAll>\n</RequireAll>\n'), []);
  assert.deepEqual(problems('ServerName "a b\n').map((p) => p.kind), ['unterminated-quote']);
});

test('mismatched close recovers when an outer section matches', () => {
  const text = '<VirtualHost *:80>\n<Directory /x>\n</VirtualHost>\nListen 80\n';
  const ast = parse(text);
  assert.deepEqual(ast.problems.map((p) => p.kind), ['mismatched-close']);
  const listen = ast.children[1] as DirectiveNode;
  assert.equal(listen.parent, null);
});

test('every parse problem fix yields text without that problem', () => {
  const cases = [
    '<VirtualHost *:80>\n  <Directory /x>\n',
    '<VirtualHost *:80>\r\n</Directory>\r\n',
    '</Files>\nListen 80\n',
    '<VirtualHost *:80\n</VirtualHost>\n',
    '<VirtualHost *:80>\n</VirtualHost foo>\n',
    'ServerName "a b\n',
    '<IfModule x>',
  ];
  for (const text of cases) {
    let current = text;
    for (let pass = 0; pass < 5; pass++) {
      const p = parse(current).problems.find((x) => x.fix);
      if (!p) break;
      current = applyEdits(current, p.fix!.edits);
    }
    assert.deepEqual(parse(current).problems, [], `${JSON.stringify(text)} -> ${JSON.stringify(current)}`);
  }
});

test('a mismatched closing tag gets the fix that writes out what the recovery read, never one that moves problems on', () => {
  const fixed = (text: string) => {
    const p = parse(text).problems.find((x) => x.kind === 'mismatched-close')!;
    return { title: p.fix!.title, text: applyEdits(text, p.fix!.edits) };
  };
  // An enclosing section matches: the inner ones are closed first, with their own indentation.
  const inner = fixed('<Directory /a>\n  <Files x>\n    <VirtualHost *:80>\n</Directory>\n</VirtualHost>\n');
  assert.deepEqual(inner, {
    title: 'Close </VirtualHost>, </Files> first',
    text: '<Directory /a>\n  <Files x>\n    <VirtualHost *:80>\n    </VirtualHost>\n  </Files>\n</Directory>\n</VirtualHost>\n',
  });
  assert.deepEqual(parse(inner.text).problems.map((p) => p.kind), ['stray-close']);
  // Nothing matches and the interrupted section is never closed: the tag was meant for it.
  const typo = fixed('<Files x>\n</Flies>\n');
  assert.deepEqual(typo, { title: 'Change to </Files>', text: '<Files x>\n</Files>\n' });
  // Words after the name go with it (found by the fix-safety property: a rename alone left `</Files x>y>`).
  const tail = fixed('<Files x>\n</F<Files x>y>\n');
  assert.deepEqual(tail, { title: 'Change to </Files>', text: '<Files x>\n</Files>\n' });
  assert.deepEqual(parse(tail.text).problems, []);
  // `</` then a continuation: no name to rewrite, so no fix (an edit from after the break back to `</` is none).
  assert.equal(parse('<Files x>\n</\\\n\n').problems.find((x) => x.kind === 'mismatched-close')?.fix, undefined);
  // Nothing matches but the section is closed later: renaming would only move the problem, so the tag goes.
  const extra = fixed('<Files x>\n<Directory /a>\n  </Bogus>\n</Directory>\n</Files>\nListen 80\n');
  assert.deepEqual(extra, { title: 'Remove this closing tag (<Directory> is closed later)', text: '<Files x>\n<Directory /a>\n</Directory>\n</Files>\nListen 80\n' });
  assert.deepEqual(parse(extra.text).problems, []);
});

test('unclosed sections get closing tags in nesting order with the file line ending', () => {
  const text = '<VirtualHost *:80>\r\n  <Directory /x>';
  const ast = parse(text);
  const edits = ast.problems.map((p) => p.fix!.edits[0]);
  assert.equal(applyEdits(text, [edits[0]]), text + '\r\n  </Directory>\r\n');
  assert.equal(applyEdits(text, [edits[1]]), text + '\r\n  </Directory>\r\n</VirtualHost>\r\n');
});

test('CR-only, NUL, and garbage input parse without throwing and keep offsets inside the text', () => {
  for (const text of ['\r\r<a\r', '\0\0<\0>', '<<<>>>\n</>\n<>\n', '"\n\'\n\\', '<\n', '</\n', 'a=b=c "=" x="y\n']) {
    const ast = parse(text);
    for (const n of walk(ast.children)) assert.ok(n.start >= 0 && n.end <= text.length && n.start <= n.end);
    for (const p of ast.problems) assert.ok(p.start >= 0 && p.end <= text.length);
  }
});
