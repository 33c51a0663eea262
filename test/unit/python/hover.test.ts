// Hover in Python files: environ keys, WSGI parameters, the script's application.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';
import { pythonHover, pythonHoverAt } from '../../../server/python/hover';
import { parsePython } from '../../../server/python/syntax';
import { py } from './python-table';

const SCRIPT = py(
  'def application(environ, start_response):',
  "    group = environ['mod_wsgi.process_group']",
  "    threaded = environ.get('wsgi.multithread')",
  "    many = environ.get(\"wsgi.multiprocess\")",
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [b'%r' % group]",
  '',
  'def helper(request):',
  '    environ = request.environ',
  "    return environ['unknown.key']",
);

/** Hover at the first occurrence of `needle` (plus `delta` characters into it). */
function hoverAt(needle: string, delta = 1, text = SCRIPT) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const h = pythonHover(parsePython(text), at + delta);
  return h && { text: text.slice(h.start, h.end), markdown: h.markdown };
}

test('environ keys: what they mean under mod_wsgi', () => {
  const group = hoverAt("'mod_wsgi.process_group'");
  assert.equal(group?.text, "'mod_wsgi.process_group'");
  assert.match(group!.markdown, /empty string/);
  assert.match(group!.markdown, /embedded/);
  assert.match(group!.markdown, /WSGIProcessGroup\.html/);
  assert.match(hoverAt("'wsgi.multithread'")!.markdown, /threads=/);
  assert.match(hoverAt('"wsgi.multiprocess"')!.markdown, /processes=/);
  assert.equal(hoverAt("'unknown.key'"), null);
  assert.equal(hoverAt("'200 OK'"), null);
});

test('environ and start_response where a WSGI callable has them; not elsewhere', () => {
  assert.match(hoverAt('environ,')!.markdown, /^\*\*environ\*\*/);
  assert.match(hoverAt("environ['mod")!.markdown, /SetEnv/);
  assert.match(hoverAt("start_response('200")!.markdown, /write\(data\)/);
  // `environ` in a non-WSGI helper is just a local variable.
  assert.equal(hoverAt('environ = request'), null);
  assert.equal(hoverAt('group ='), null);
});

test('application: the callable mod_wsgi looks up, where the module binds it', () => {
  const h = hoverAt('application(');
  assert.equal(h?.text, 'application');
  assert.match(h!.markdown, /WSGICallableObject/);
  assert.equal(hoverAt('application', 1, py('def make():', '    application = 1')), null);
});

test('the LSP form maps offsets to positions through the analysis', () => {
  const analysis = analyzeText('file:///srv/app/check.wsgi', SCRIPT);
  const h = pythonHoverAt(analysis, { line: 1, character: 20 });
  assert.ok(h);
  assert.deepEqual((h as { range: unknown }).range, { start: { line: 1, character: 20 }, end: { line: 1, character: 44 } });
  assert.equal(pythonHoverAt(analyzeText('file:///a.conf', 'Listen 80\n'), { line: 0, character: 1 }), null);
});
