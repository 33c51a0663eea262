// Table tests for one rule: valid cases raise nothing; invalid cases raise exactly the marked ranges, and the
// preferred fix turns the text into `fixed`, which re-analyses without that rule's finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText, type AnalysisEnv } from '../../server/service';
import { checkInvalidCase, type InvalidCase } from './invalid-case';

export type { InvalidCase };

export interface DeclaredTable {
  ruleId: string;
  table: { valid: string[]; invalid: InvalidCase[] };
  env: AnalysisEnv;
}

/** Every table declared in this process, in order: the fix-safety property seeds its inputs from them. */
export const declaredTables: DeclaredTable[] = [];

/** `env`: what the analysis may read beyond the text (the WSGI scripts of the script rules). */
export function ruleTable(ruleId: string, table: { valid: string[]; invalid: InvalidCase[] }, env: AnalysisEnv = {}): void {
  declaredTables.push({ ruleId, table, env });
  table.valid.forEach((code, i) => {
    test(`${ruleId}: valid #${i + 1}`, () => {
      const found = analyzeText('file:///valid.conf', code, 0, {}, undefined, env).reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(found.map((r) => r.message), []);
    });
  });
  table.invalid.forEach((c, i) => {
    test(`${ruleId}: invalid #${i + 1}`, () => {
      checkInvalidCase(ruleId, c, (text, as) => {
        const a = analyzeText(`file:///${as}.conf`, text, 0, {}, undefined, env);
        return { reports: a.reports, problems: a.ast.problems };
      });
    });
  });
}
