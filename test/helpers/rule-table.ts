// Table tests for one rule: valid cases raise nothing; invalid cases raise exactly the marked ranges, and the
// preferred fix turns the text into `fixed`, which re-analyses without that rule's finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText, type AnalysisEnv } from '../../server/service';
import { applyEdits, preferredFix } from '../../server/features/applyEdits';
import { marked } from './markers';

export interface InvalidCase {
  /** Configuration with the expected finding ranges marked «like this». */
  code: string;
  /** Text expected after applying the first finding's preferred fix; omit when the rule offers no fix. */
  fixed?: string;
  /** Substrings the first finding's message must contain. */
  message?: string[];
  severity?: string;
}

/** `env`: what the analysis may read beyond the text (the WSGI scripts of the script rules). */
export function ruleTable(ruleId: string, table: { valid: string[]; invalid: InvalidCase[] }, env: AnalysisEnv = {}): void {
  table.valid.forEach((code, i) => {
    test(`${ruleId}: valid #${i + 1}`, () => {
      const found = analyzeText('file:///valid.conf', code, 0, {}, undefined, env).reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(found.map((r) => r.message), []);
    });
  });
  table.invalid.forEach((c, i) => {
    test(`${ruleId}: invalid #${i + 1}`, () => {
      const { text, spans } = marked(c.code);
      const found = analyzeText('file:///invalid.conf', text, 0, {}, undefined, env).reports.filter((r) => r.rule === ruleId);
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
      const again = analyzeText('file:///fixed.conf', after, 0, {}, undefined, env);
      const left = again.reports.filter((r) => r.rule === ruleId);
      assert.equal(left.length, found.length - 1, 'the fixed finding must not be raised again');
      const before = analyzeText('file:///invalid.conf', text, 0, {}, undefined, env).ast.problems.length;
      assert.ok(again.ast.problems.length <= before, 'a fix must not add parse problems');
    });
  });
}
