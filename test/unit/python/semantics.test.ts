// The fixes do what their titles say, checked by running the fixed middleware under Python (when python3 is
// installed; the product itself never runs Python): the wrapped application's close() is called even when the
// client goes away after the first chunk, data sent through write() gets the same change as the iterable, and the
// stale Content-Length is gone.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPython } from '../../../server/python/lint';
import type { AnalysisSettings } from '../../../server/service';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/python/middleware.py'), 'utf8');

const DRIVER = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('mw', sys.argv[1])
mw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mw)

class App:
    def __init__(self):
        self.called = self.closed = 0
    def __call__(self, environ, start_response):
        self.called += 1
        write = start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '30')])
        write(b'http: written ')
        return self
    def __iter__(self):
        return iter([b'http: a ', b'http: b ', b'http: c '])
    def close(self):
        self.closed += 1

def run(factory, stop_after):
    app, out, seen = App(), [], {}
    def start_response(status, headers, exc_info=None):
        seen['headers'] = [name for name, _ in headers]
        return out.append
    result = factory(app)({'wsgi.errors': sys.stderr}, start_response)
    if stop_after:
        for i, chunk in enumerate(result):
            out.append(chunk)
            if i + 1 == stop_after:
                break
    if hasattr(result, 'close'):
        result.close()
    return {'called': app.called, 'closed': app.closed, 'out': b''.join(out).decode(), 'headers': seen.get('headers')}

print(json.dumps({name: run(getattr(mw, name), int(stop)) for name, stop in (arg.split(':') for arg in sys.argv[2:])}))
`;

function fixAndRun(settings: AnalysisSettings, runs: string[]): Record<string, { called: number; closed: number; out: string; headers: string[] | null }> {
  let fixed = FIXTURE;
  lintPython('middleware.py', FIXTURE, settings, (t) => (fixed = t));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-py-'));
  try {
    fs.writeFileSync(path.join(dir, 'middleware.py'), fixed);
    const r = spawnSync('python3', ['-c', DRIVER, path.join(dir, 'middleware.py'), ...runs], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 0, `${r.stderr}\n${fixed}`);
    return JSON.parse(r.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

test('after --fix: close() always reaches the application, write() is transformed, Content-Length dropped', (t) => {
  if (!hasPython) return t.skip('python3 is not installed');
  const r = fixAndRun({}, ['Upper:1', 'ErrorReporter:1', 'lower:1', 'timed:1', 'Lazy:1', 'Buffered:1', 'Spread:1', 'Closed:1']);
  for (const [name, run] of Object.entries(r)) assert.equal(run.closed, 1, `${name}: ${JSON.stringify(run)}`);
  assert.equal(r.Upper.out, 'HTTP: WRITTEN HTTP: A ');
  assert.deepEqual(r.Upper.headers, ['Content-Type']);
  assert.equal(r.Lazy.out, 'https: written https: a ');
  assert.deepEqual(r.Lazy.headers, ['Content-Type']);
  assert.deepEqual(r.Buffered.headers, ['Content-Type']);
});

test('the chained alternative: the application runs at once and is closed even if iteration never starts', (t) => {
  if (!hasPython) return t.skip('python3 is not installed');
  const r = fixAndRun({ severities: { 'wsgi-middleware-close': 'off' } }, ['Upper:0', 'lower:0', 'Upper:2']);
  assert.deepEqual([r.Upper.called, r.Upper.closed], [1, 1]);
  assert.deepEqual([r.lower.called, r.lower.closed], [1, 1]);
  assert.equal(r.Upper.out, 'HTTP: WRITTEN HTTP: A HTTP: B ');
});

test('before the fixes, the same runs show the bugs (so the checks above can fail)', (t) => {
  if (!hasPython) return t.skip('python3 is not installed');
  const off = Object.fromEntries(['wsgi-middleware-close', 'wsgi-middleware-close-chained', 'wsgi-middleware-write', 'wsgi-middleware-content-length', 'django-settings-setdefault'].map((id) => [id, 'off' as const]));
  const r = fixAndRun({ severities: off }, ['Upper:1', 'Lazy:1', 'ErrorReporter:1']);
  assert.equal(r.Upper.closed, 0);
  assert.equal(r.Lazy.closed, 0);
  assert.equal(r.ErrorReporter.closed, 0);
  assert.equal(r.Upper.out, 'http: written HTTP: A ');
  assert.deepEqual(r.Upper.headers, ['Content-Type', 'Content-Length']);
});
