import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, chooseFixes } from '../../server/features/applyEdits';
import type { Report } from '../../server/rules/types';

const report = (rule: string, start: number, newText: string): Report => ({
  rule, severity: 'warning', start, end: start, message: '', docUrl: '', fixes: [{ title: rule, preferred: true, edits: [{ start, end: start, newText }] }],
});

test('applyEdits applies sorted edits exactly and refuses overlaps', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }]), 'AbcdEf');
  assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]));
});

test('chooseFixes: one fix per insertion point, none inside unparsed spans except parse repairs', () => {
  const reports = [report('a', 3, 'x'), report('b', 3, 'y'), report('c', 10, 'z'), report('syntax-error', 11, '>')];
  assert.deepEqual(chooseFixes(reports).map((e) => e.newText), ['x', 'z', '>']);
  assert.deepEqual(chooseFixes(reports, [{ start: 9, end: 12 }]).map((e) => e.newText), ['x', '>']);
});
