// The rule tables (test/unit/rules/*.test.ts) read as data, so other tests (the fix-safety property) can start
// from their cases without a copy of them. Loading a table file declares its tests; node:test's `test` is
// silenced meanwhile, so those tests run only in their own file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import nodeTest = require('node:test');
import { marked } from './markers';
import { declaredTables } from './rule-table';
import type { AnalysisEnv } from '../../server/service';

export interface TableCase {
  ruleId: string;
  /** The case's text with its «markers» removed. */
  text: string;
  env: AnalysisEnv;
}

const TABLES = path.join(__dirname, '..', 'unit', 'rules');

/** Every invalid case of every config rule table, in file order. */
export function ruleTableCases(dir = TABLES): TableCase[] {
  const silenced = nodeTest.mock.method(nodeTest, 'test', () => undefined);
  try {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) require(path.join(dir, f));
  } finally {
    silenced.mock.restore();
  }
  return declaredTables.flatMap(({ ruleId, table, env }) =>
    table.invalid.map((c) => ({ ruleId, text: marked(c.code).text, env })),
  );
}
