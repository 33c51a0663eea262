// The Python side of wsgi-callable-missing: does a script bind a name at module level?
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePython } from '../../../server/python/syntax';
import { callableStatus } from '../../../server/python/scope';
import { py } from './python-table';

const status = (code: string, name?: string) => {
  const r = callableStatus(parsePython(code), name);
  return r.status === 'defined' ? `defined:${r.binding.kind}` : r.status;
};

test('module-level bindings of application count, whatever binds them', () => {
  const cases: Array<[string, string]> = [
    [py('application = get_wsgi_application()'), 'defined:assignment'],
    [py('application: object = make()'), 'defined:assignment'],
    [py('app = application = make()'), 'defined:assignment'],
    [py('handler, application = make()'), 'defined:assignment'],
    [py('def application(environ, start_response):', '    pass'), 'defined:def'],
    [py('@wrap', 'def application(environ, start_response):', '    pass'), 'defined:def'],
    [py('class application:', '    pass'), 'defined:class'],
    [py('from shop.wsgi import application'), 'defined:import'],
    [py('from shop.wsgi import app as application'), 'defined:import'],
    [py('from shop import (wsgi, app as application)'), 'defined:import'],
    [py('import shop.wsgi as application'), 'defined:import'],
    [py('import application'), 'defined:import'],
    [py('try:', '    from local import application', 'except ImportError:', '    application = None'), 'defined:import'],
    [py('if DEBUG:', '    application = DebuggedApplication(app)', 'else:', '    pass'), 'defined:assignment'],
    [py('with lock:', '    application = make()'), 'defined:assignment'],
    [py('(application := make())'), 'defined:walrus'],
  ];
  for (const [code, want] of cases) assert.equal(status(code), want, code);
});

test('names bound only inside functions or classes, or only read, are missing', () => {
  for (const code of [
    py('def make():', '    application = 1', '    return application'),
    py('class Site:', '    application = None'),
    py('app = make()', 'print(application)'),
    py('import shop.application'),
    py('from shop import application_factory'),
    '',
  ]) {
    assert.equal(status(code), 'missing', code);
  }
});

test('a star import may bring the name in: unknown, not missing', () => {
  const r = callableStatus(parsePython(py('from shop.wsgi import *')));
  assert.equal(r.status, 'unknown');
  assert.match(r.status === 'unknown' ? r.reason : '', /import \*/);
  assert.equal(status(py('from shop.wsgi import *', 'application = wrap(application)')), 'defined:assignment');
});

test('another callable name (WSGICallableObject / callable-object=)', () => {
  assert.equal(status(py('app = Flask(__name__)'), 'app'), 'defined:assignment');
  assert.equal(status(py('app = Flask(__name__)'), 'application'), 'missing');
});

test('the binding names the exact place', () => {
  const text = py('import os', 'application = make()');
  const r = callableStatus(parsePython(text));
  assert.ok(r.status === 'defined');
  assert.equal(text.slice(r.binding.node.from, r.binding.node.to), 'application');
  assert.equal(text.slice(r.binding.statement.from, r.binding.statement.to), 'application = make()');
});
