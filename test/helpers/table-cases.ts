// The rule tables (test/unit/rules/*.test.ts) read as data, so other tests (the fix-safety property) can start
// from their cases without a copy of them. Loading a table file declares its tests; node:test's `test` is
// silenced meanwhile, so those tests run only in their own file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import nodeTest = require('node:test');
import { marked } from './markers';
import { declaredTables } from './rule-table';
import { declaredPythonTables } from '../unit/python/python-table';
import { pythonRules } from '../../server/python/rules';
import type { AnalysisEnv } from '../../server/service';

export interface TableCase {
  ruleId: string;
  /** The case's text with its «markers» removed. */
  text: string;
  env: AnalysisEnv;
  /** Set for a Python rule's case: the uri its table analyses it under. */
  pythonUri?: string;
}

const TABLES = path.join(__dirname, '..', 'unit', 'rules');

const PYTHON_TABLES = path.join(__dirname, '..', 'unit', 'python');

/** Every invalid case of every config rule table and of every Python rule's table (test/unit/python/<id>.test.ts). */
export function ruleTableCases(dir = TABLES): TableCase[] {
  const files = [
    ...fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort().map((n) => path.join(dir, n)),
    // Only the Python rules' own tables: the other Python test files start servers in hooks.
    ...pythonRules.map((r) => path.join(PYTHON_TABLES, `${r.id}.test.js`)).filter((f) => fs.existsSync(f)),
  ];
  const silenced = nodeTest.mock.method(nodeTest, 'test', () => undefined);
  try {
    for (const f of files) require(f);
  } finally {
    silenced.mock.restore();
  }
  return [
    ...declaredTables.flatMap(({ ruleId, table, env }) => table.invalid.map((c) => ({ ruleId, text: marked(c.code).text, env }))),
    ...declaredPythonTables.flatMap(({ ruleId, invalid }) =>
      invalid.map((c) => ({ ruleId, text: marked(c.code).text, env: {}, pythonUri: c.uri ?? 'file:///srv/app/middleware.py' })),
    ),
  ];
}
