// Which documents get the Python analysis, and that it keeps the Analysis shape the features rely on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText, AnalysisCache } from '../../../server/service';
import { isPythonDocument } from '../../../server/python/analyze';
import { py } from './python-table';

const MIDDLEWARE = py('class M:', '    def __call__(self, environ, start_response):', '        for c in self.app(environ, start_response):', '            yield c');

test('.py and .wsgi documents (and languageId python) are Python; configs are not', () => {
  for (const uri of ['file:///srv/app/wsgi.py', 'file:///srv/app/app.wsgi', 'file:///srv/APP.WSGI', '/srv/app/middleware.py', 'file:///a.py?x=1']) assert.ok(isPythonDocument(uri), uri);
  for (const uri of ['file:///etc/apache2/apache2.conf', 'file:///srv/app/wsgi.py.conf', 'untitled:Untitled-1', 'file:///srv/py']) assert.ok(!isPythonDocument(uri), uri);
  assert.ok(isPythonDocument('untitled:Untitled-1', 'python'));
});

test('a Python document gets the Python rules in the usual Analysis shape', () => {
  const a = analyzeText('file:///srv/app/middleware.py', MIDDLEWARE, 3);
  assert.equal(a.version, 3);
  assert.ok(a.python);
  assert.deepEqual(a.ast.children, []);
  assert.deepEqual(a.model.directives, []);
  assert.deepEqual(a.reports.map((r) => r.rule), ['wsgi-middleware-close', 'wsgi-middleware-close-chained']);
  assert.deepEqual(a.lines.positionAt(a.reports[0].start), { line: 2, character: 17 });
  // The same text as a configuration is read as Apache directives, with no Python finding.
  const conf = analyzeText('file:///srv/app/site.conf', MIDDLEWARE);
  assert.equal(conf.python, undefined);
  assert.ok(!conf.reports.some((r) => r.rule.startsWith('wsgi-middleware')));
});

test('settings: severities and off apply to Python rules', () => {
  const a = analyzeText('file:///m.py', MIDDLEWARE, 0, { severities: { 'wsgi-middleware-close': 'error', 'wsgi-middleware-close-chained': 'off' } });
  assert.deepEqual(a.reports.map((r) => `${r.rule}:${r.severity}`), ['wsgi-middleware-close:error']);
});

test('ignore comments work in Python files too', () => {
  const text = MIDDLEWARE.replace('        for c', '        # apache-wsgi: ignore=wsgi-middleware-close,wsgi-middleware-close-chained\n        for c');
  assert.deepEqual(analyzeText('file:///m.py', text).reports.map((r) => r.rule), []);
});

test('the cache keys Python analysis by languageId as well', () => {
  const cache = new AnalysisCache();
  assert.ok(cache.get('untitled:Untitled-1', MIDDLEWARE, 1, 'python').python);
  assert.equal(cache.get('untitled:Untitled-2', 'Listen 80\n', 1, 'apacheconf').python, undefined);
});
