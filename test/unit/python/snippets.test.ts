// The middleware snippets (snippets/python-wsgi.json): valid Python, and correct middleware by our own rules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../server/service';
import { expandSnippet } from '../../grammar/snippet-expand';
import { errorNodes } from './python-table';

const ROOT = path.resolve(__dirname, '../../../..');
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/python-wsgi.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
const byPrefix = (p: string) => Object.values(snippets).find((s) => s.prefix === p);

for (const prefix of ['wsgi-middleware-passthrough', 'wsgi-middleware-transform']) {
  test(`snippet ${prefix}: parses, and the middleware rules find nothing to say`, () => {
    const s = byPrefix(prefix);
    assert.ok(s, `${prefix} is in snippets/python-wsgi.json`);
    // After the application it wraps, as it would be inserted in a WSGI script.
    const text = 'def application(environ, start_response):\n    return []\n\n\n' + expandSnippet(s.body);
    assert.deepEqual(errorNodes(text), []);
    const analysis = analyzeText('file:///srv/app/app.wsgi', text);
    assert.ok(analysis.python && analysis.python.middleware.length === 1, 'the snippet is recognised as middleware');
    assert.deepEqual(analysis.reports.map((r) => `${r.rule}: ${r.message}`), []);
  });
}

test('the transforming snippet really changes data sent through write() and drops Content-Length', () => {
  const text = expandSnippet(byPrefix('wsgi-middleware-transform')!.body);
  assert.match(text, /write\(self\.transform\(data\)\)/);
  assert.match(text, /'content-length'/);
  assert.match(text, /iterable\.close\(\)/);
  // Without the header filter, or without the finally, the rules speak up: the snippet is silent for the right reasons.
  const filter = "            headers = [(name, value) for name, value in headers if name.lower() != 'content-length']\n";
  assert.ok(text.includes(filter));
  const rulesOn = (t: string) => analyzeText('file:///x.py', t).reports.map((r) => r.rule);
  assert.ok(rulesOn(text.replace(filter, '').replace(/ *# The body.*\n/, '')).includes('wsgi-middleware-content-length'));
  const unclosed = text.replace(/        finally:\n(.*\n){3}/, '        except Exception:\n            raise\n');
  assert.ok(rulesOn(unclosed).includes('wsgi-middleware-close'), unclosed);
});
