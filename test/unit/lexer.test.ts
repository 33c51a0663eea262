import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/syntax/parser';
import { readWords } from '../../server/syntax/lexer';
import { splitLogicalLines } from '../../server/syntax/logical-lines';

const words = (text: string) => {
  const [line] = splitLogicalLines(text);
  return readWords(line, 0).map((w) => ({ raw: w.raw, value: w.value, at: text.slice(w.start, w.end), key: w.key, opt: w.optionValue }));
};

test('lines tile the document for LF, CRLF, no final newline and continuations', () => {
  for (const text of ['', 'a\nb\n', 'a\r\nb\r\n', 'a\nb', 'a \\\nb\nc', '\n\n\n', 'x\\\n', '\\\nfoo\n', '# c \\\nServerName x\n']) {
    const lines = splitLogicalLines(text);
    let pos = 0;
    for (const l of lines) {
      assert.equal(l.start, pos, JSON.stringify(text));
      assert.ok(l.end <= l.next);
      pos = l.next;
    }
    assert.equal(pos, text.length);
    assert.equal(lines.map((l) => text.slice(l.start, l.next)).join(''), text);
  }
});

test('a backslash before the newline joins lines, removing the backslash and the newline', () => {
  const lines = splitLogicalLines('ServerName foo\\\nbar\nListen 80\n');
  assert.equal(lines.length, 2);
  assert.equal(lines[0].content, 'ServerNamefoo'.replace('Namefoo', 'Name foo') + 'bar');
  assert.deepEqual([lines[0].firstLine, lines[0].lastLine, lines[1].firstLine], [0, 1, 2]);
});

test('continuation works with CRLF, with a double backslash, and for a line holding only a backslash', () => {
  assert.equal(splitLogicalLines('A b\\\r\nc\r\n')[0].content, 'A bc');
  // httpd removes one backslash and continues (verified with apache2 -t).
  assert.equal(splitLogicalLines('A b \\\\\nc\n')[0].content, 'A b \\c');
  // `\` alone continues too (verified with apache2 -t: `\` then `foo` fails on 'foo', on the second line).
  assert.deepEqual(splitLogicalLines('\\\nc\n').map((l) => l.content), ['c']);
  // A trailing blank after the backslash ends the line.
  assert.equal(splitLogicalLines('A b\\ \nc\n').length, 2);
});

test('a comment ending in a backslash swallows the next line', () => {
  const lines = splitLogicalLines('# note \\\nServerName x\nListen 80\n');
  assert.equal(lines.length, 2);
  assert.equal(lines[0].content, '# note ServerName x');
});

test('words: quotes only at word start, escapes of the quote character, key=value', () => {
  assert.deepEqual(words('Header set X "a b" \'c d\'').map((w) => w.value), ['Header', 'set', 'X', 'a b', 'c d']);
  assert.deepEqual(words('a"b c"').map((w) => w.raw), ['a"b', 'c"']);
  assert.deepEqual(words('x "say \\"hi\\"" y').map((w) => w.value), ['x', 'say "hi"', 'y']);
  assert.deepEqual(words('x "a\\b"').map((w) => w.value), ['x', 'a\\b']);
  const opt = words('WSGIDaemonProcess site python-path="/srv/my app:/lib" threads=15');
  assert.deepEqual(opt.map((w) => w.at), ['WSGIDaemonProcess', 'site', 'python-path="/srv/my app:/lib"', 'threads=15']);
  assert.deepEqual(opt.map((w) => [w.key, w.opt]), [[null, ''], [null, ''], ['python-path', '/srv/my app:/lib'], ['threads', '15']]);
});

test('word offsets map through continuations', () => {
  const text = 'WSGIDaemonProcess site \\\n    threads=15 \\\n    processes=2\n';
  const [line] = splitLogicalLines(text);
  const ws = readWords(line, 0);
  assert.deepEqual(ws.map((w) => text.slice(w.start, w.end)), ['WSGIDaemonProcess', 'site', 'threads=15', 'processes=2']);
  assert.equal(text.slice(ws[2].valueStart, ws[2].end), '15');
});

test('a word split by a continuation spans both physical lines', () => {
  const text = 'ServerName exa\\\nmple.com\n';
  const ws = readWords(splitLogicalLines(text)[0], 0);
  assert.equal(ws[1].value, 'example.com');
  assert.equal(text.slice(ws[1].start, ws[1].end), 'exa\\\nmple.com');
});

test('unterminated quote reads to the end of the line', () => {
  const ws = words('WSGIPythonHome "/srv/venv');
  assert.equal(ws[1].value, '/srv/venv');
});

test('a quote left open keeps none of the blanks ending the line (Apache strips them before it reads the words)', () => {
  assert.equal(words('ServerName "example.com  \t')[1].value, 'example.com');
  // Within a section tag the words end at its '>': what stands before it is kept, as httpd keeps it.
  const [tag] = parse('<Directory "/srv  >\n</Directory>\n').children;
  assert.equal(tag.kind === 'section' && tag.args[0].value, '/srv  ');
});
