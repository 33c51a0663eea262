// Bad input never throws, and every fix offered is exact: on prefixes of a file full of middleware (text typed
// half-way, cut mid-token) and on the file with one line removed (broken indentation, dangling blocks), analysis
// finishes without an internal error, every range lies in the text, and every fix applies without adding error
// nodes to what the parser already saw.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../server/service';
import { applyEdits } from '../../../server/features/applyEdits';
import { parsePython } from '../../../server/python/syntax';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/python/middleware.py'), 'utf8');

function check(text: string): number {
  const a = analyzeText('file:///cut.py', text);
  assert.deepEqual(a.reports.filter((r) => r.rule === 'internal-error').map((r) => r.message), [], text);
  const before = parsePython(text).errors.length;
  let fixes = 0;
  for (const r of a.reports) {
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${r.rule} range`);
    for (const f of r.fixes) {
      const after = applyEdits(text, f.edits);
      assert.ok(parsePython(after).errors.length <= before, `${r.rule}: '${f.title}' adds parse errors:\n${after}`);
      fixes++;
    }
  }
  return fixes;
}

test('the whole fixture: every rule fires somewhere, every fix parses', () => {
  const rules = new Set(analyzeText('file:///m.py', FIXTURE).reports.map((r) => r.rule));
  assert.deepEqual([...rules].sort(), [
    'django-settings-setdefault',
    'wsgi-middleware-close',
    'wsgi-middleware-close-chained',
    'wsgi-middleware-content-length',
    'wsgi-middleware-write',
  ]);
  assert.ok(check(FIXTURE) >= 8);
});

test('every prefix (in steps of 7 characters)', () => {
  let fixes = 0;
  for (let n = 0; n <= FIXTURE.length; n += 7) fixes += check(FIXTURE.slice(0, n));
  assert.ok(fixes > 200, `only ${fixes} fixes exercised`);
});

test('every one-line deletion', () => {
  const lines = FIXTURE.split('\n');
  for (let i = 0; i < lines.length; i++) check([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
});
