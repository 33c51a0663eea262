// Every feature at every position of awkward texts: nothing throws, every range lies inside the document, and
// completion edits stay on the cursor's line and end at the cursor (as LSP requires).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Range, TextEdit } from 'vscode-languageserver/node';
import { analyzeText } from '../../../server/service';
import { hover } from '../../../server/features/hover';
import { completion } from '../../../server/features/completion';
import { definition } from '../../../server/features/definition';
import { references } from '../../../server/features/references';
import { prepareRename, rename } from '../../../server/features/rename';
import { documentSymbols, MAX_SYMBOL_DEPTH } from '../../../server/features/symbols';
import { foldingRanges } from '../../../server/features/folding';
import { MAX_SELECTION_DEPTH, selectionRanges } from '../../../server/features/selection';
import { documentLinks } from '../../../server/features/links';
import { semanticTokens } from '../../../server/features/semanticTokens';

const TEXTS = [
  '',
  '\n',
  '<',
  '</',
  '<VirtualHost',
  '<VirtualHost *:80>\r\n  WSGIDaemonProcess "sp ace" \\\r\n   threads=1\r\n  WSGIProcessGroup "sp ace"\r\n',
  'WSGIDaemonProcess a \\\nthreads=\\\n5 display-name=%{GROUP}\nWSGIScriptAlias / /x.py process-group=a \\\n application-group=%{GLOBAL}\n',
  'Define X ${X}\nDefine\nUnDefine\n<IfDefine !>\n</IfDefine>\n<IfDefine>\n${}${X\nAlias ${X}${Y} "${Z}\n',
  '<Directory /a>\n<Files x>\n</Directory>\n</Files>\n</Nope>\n<If "%{HTTP_HOST} == \'a\'">\nRequire not\n',
  'WSGIProcessGroup\nWSGIProcessGroup ""\nWSGIScriptAlias\nWSGIScriptAlias / /x.py process-group= process-group="\n',
  '# comment \\\ncontinued\n  # indented\n\tWSGIDaemonProcess\ttab\tthreads=2\n',
];

function inside(text: string, lines: { lineCount: number }, r: Range): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount && p.character >= 0, JSON.stringify(r));
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), JSON.stringify(r));
  void text;
}

TEXTS.forEach((text, n) => {
  test(`features never throw and keep ranges in the document: text #${n + 1}`, () => {
    const a = analyzeText('file:///ws/odd.conf', text);
    for (const s of documentSymbols(a)) inside(text, a.lines, s.range);
    for (const f of foldingRanges(a)) assert.ok(f.startLine < f.endLine && f.endLine < a.lines.lineCount);
    for (const l of documentLinks(a, { folders: ['/ws'], kind: () => 'file' })) inside(text, a.lines, l.range);
    assert.equal(semanticTokens(a).data.length % 5, 0);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = a.lines.positionAt(offset);
      const h = hover(a, position);
      if (h?.range) inside(text, a.lines, h.range);
      for (const item of completion(a, position)) {
        const edit = item.textEdit as TextEdit;
        assert.equal(edit.range.start.line, position.line, item.label);
        assert.deepEqual(edit.range.end, position, item.label);
        assert.ok(edit.range.start.character <= position.character, item.label);
      }
      for (const l of definition(a, position)) inside(text, a.lines, l.range);
      for (const l of references(a, position, true)) inside(text, a.lines, l.range);
      const prep = prepareRename(a, position);
      if ('range' in prep) {
        inside(text, a.lines, prep.range);
        const r = rename(a, position, 'renamed');
        assert.ok('edit' in r);
      }
      for (let s: any = selectionRanges(a, [position])[0]; s; s = s.parent) inside(text, a.lines, s.range);
    }
  });
});

test('100,000 nested sections: every feature answers, and its answer can be sent (JSON encoders recurse)', () => {
  const depth = 100000;
  const text = '<Directory /x>\nRequire all granted\n'.repeat(depth) + '</Directory>\n'.repeat(depth);
  const a = analyzeText('file:///ws/deep.conf', text);
  assert.ok(!a.reports.some((r) => r.rule === 'internal-error'), a.reports.find((r) => r.rule === 'internal-error')?.message);
  const symbols = documentSymbols(a);
  let levels = 0;
  for (let s: DocumentSymbol | undefined = symbols[0]; s; s = s.children?.[0]) levels++;
  assert.equal(levels, MAX_SYMBOL_DEPTH + 1);
  assert.equal(JSON.parse(JSON.stringify(symbols))[0].name, '<Directory /x>');
  const inner = a.lines.positionAt(text.lastIndexOf('Require') + 2);
  const chain = selectionRanges(a, [inner]);
  let count = 0;
  for (let s: any = chain[0]; s; s = s.parent) count++;
  assert.equal(count, MAX_SELECTION_DEPTH);
  assert.equal(JSON.parse(JSON.stringify(chain))[0].range.start.line, inner.line);
  assert.ok(hover(a, inner));
  assert.ok(completion(a, a.lines.positionAt(text.indexOf('</Directory>'))).length > 0);
  assert.equal(foldingRanges(a).length, depth);
});
