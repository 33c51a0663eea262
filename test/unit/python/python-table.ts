// Table tests for one Python rule, through the same dispatch the editor and the CLI use (analyzeText on a .py
// uri): valid cases raise nothing; invalid cases raise exactly the marked ranges; the preferred fix turns the text
// into `fixed`, which the same parser reads without error nodes and which no longer raises that finding. Every case
// must itself parse cleanly, so a rule cannot pass a case by skipping code the parser could not read.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';
import { applyEdits, preferredFix } from '../../../server/features/applyEdits';
import { parsePython } from '../../../server/python/syntax';
import { marked } from '../../helpers/markers';

export interface PythonInvalidCase {
  /** Python with the expected finding ranges marked «like this». */
  code: string;
  /** Text after the first finding's preferred fix; omit when the rule offers no fix for this case. */
  fixed?: string;
  /** Substrings the first finding's message must contain. */
  message?: string[];
  severity?: string;
  /** The uri to analyse under (default: a .py file). */
  uri?: string;
}

export function errorNodes(text: string): string[] {
  return parsePython(text).errors.map((e) => `${e.start}-${e.end}: ${JSON.stringify(text.slice(Math.max(0, e.start - 20), e.end + 20))}`);
}

export function pythonRuleTable(ruleId: string, table: { valid: string[]; invalid: PythonInvalidCase[] }): void {
  table.valid.forEach((code, i) => {
    test(`${ruleId}: valid #${i + 1}`, () => {
      assert.deepEqual(errorNodes(code), [], 'the case itself must parse');
      const found = analyzeText('file:///srv/app/middleware.py', code).reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(found.map((r) => r.message), []);
    });
  });
  table.invalid.forEach((c, i) => {
    test(`${ruleId}: invalid #${i + 1}`, () => {
      const { text, spans } = marked(c.code);
      const uri = c.uri ?? 'file:///srv/app/middleware.py';
      assert.deepEqual(errorNodes(text), [], 'the case itself must parse');
      const found = analyzeText(uri, text).reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(
        found.map((r) => text.slice(r.start, r.end)),
        spans.map((s) => text.slice(s.start, s.end)),
      );
      assert.deepEqual(found.map((r) => [r.start, r.end]), spans.map((s) => [s.start, s.end]));
      for (const part of c.message ?? []) assert.ok(found[0].message.includes(part), `message ${JSON.stringify(found[0].message)} lacks ${JSON.stringify(part)}`);
      if (c.severity) assert.equal(found[0].severity, c.severity);
      const fix = preferredFix(found[0]);
      if (c.fixed === undefined) {
        assert.equal(fix, undefined, 'no fix expected');
        return;
      }
      assert.ok(fix, 'a preferred fix is expected');
      const after = applyEdits(text, fix.edits);
      assert.equal(after, c.fixed);
      assert.deepEqual(errorNodes(after), [], 'the fixed text must parse without error nodes');
      const left = analyzeText(uri, after).reports.filter((r) => r.rule === ruleId);
      assert.equal(left.length, found.length - 1, 'the fixed finding must not be raised again');
    });
  });
}

/** Joins lines with \n and a final newline: Python cases read better as arrays. */
export const py = (...lines: string[]) => lines.join('\n') + '\n';
