// Table tests for one rule: valid cases raise nothing; invalid cases raise exactly the marked ranges, and the
// preferred fix turns the text into `fixed`, which re-analyses without that rule's finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText, type AnalysisEnv } from '../../server/service';
import { checkInvalidCase, type Analysed, type InvalidCase } from './invalid-case';
import { analyzeAsDebianRoot } from './debian-server';

export type { InvalidCase };

export interface DeclaredTable {
  ruleId: string;
  table: { valid: string[]; invalid: InvalidCase[] };
  env: AnalysisEnv;
  /** The cases are read as a Debian server's apache2.conf (whole server, envvars known), not as a file alone. */
  asServer?: boolean;
}

/** Every table declared in this process, in order: the fix-safety property seeds its inputs from them. */
export const declaredTables: DeclaredTable[] = [];

/**
 * `env`: what the analysis may read beyond the text (the WSGI scripts of the script rules). `asServer`: read each
 * case as a Debian server's apache2.conf (for rules that judge only a whole server).
 */
export function ruleTable(ruleId: string, table: { valid: string[]; invalid: InvalidCase[] }, env: AnalysisEnv = {}, options: { asServer?: boolean } = {}): void {
  declaredTables.push({ ruleId, table, env, asServer: options.asServer });
  const analyse = (text: string, as: string): Analysed => {
    if (options.asServer) return analyzeAsDebianRoot(text, env);
    const a = analyzeText(`file:///${as}.conf`, text, 0, {}, undefined, env);
    return { reports: a.reports, problems: a.ast.problems };
  };
  table.valid.forEach((code, i) => {
    test(`${ruleId}: valid #${i + 1}`, () => {
      const found = analyse(code, 'valid').reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(found.map((r) => r.message), []);
    });
  });
  table.invalid.forEach((c, i) => {
    test(`${ruleId}: invalid #${i + 1}`, () => {
      checkInvalidCase(ruleId, c, analyse);
    });
  });
}
