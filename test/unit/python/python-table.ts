// Table tests for one Python rule, through the same dispatch the editor and the CLI use (analyzeText on a .py
// uri): valid cases raise nothing; invalid cases raise exactly the marked ranges; the preferred fix turns the text
// into `fixed`, which the same parser reads without error nodes and which no longer raises that finding. Every case
// must itself parse cleanly, so a rule cannot pass a case by skipping code the parser could not read.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/service';
import { parsePython } from '../../../server/python/syntax';
import { checkInvalidCase, type InvalidCase } from '../../helpers/invalid-case';

export interface PythonInvalidCase extends InvalidCase {
  /** The uri to analyse under (default: a .py file). */
  uri?: string;
}

export function errorNodes(text: string): string[] {
  return parsePython(text).errors.map((e) => `${e.start}-${e.end}: ${JSON.stringify(text.slice(Math.max(0, e.start - 20), e.end + 20))}`);
}

/** Every Python table declared in this process: the fix-safety property seeds its Python inputs from them. */
export const declaredPythonTables: Array<{ ruleId: string; invalid: PythonInvalidCase[] }> = [];

export function pythonRuleTable(ruleId: string, table: { valid: string[]; invalid: PythonInvalidCase[] }): void {
  declaredPythonTables.push({ ruleId, invalid: table.invalid });
  table.valid.forEach((code, i) => {
    test(`${ruleId}: valid #${i + 1}`, () => {
      assert.deepEqual(errorNodes(code), [], 'the case itself must parse');
      const found = analyzeText('file:///srv/app/middleware.py', code).reports.filter((r) => r.rule === ruleId);
      assert.deepEqual(found.map((r) => r.message), []);
    });
  });
  table.invalid.forEach((c, i) => {
    test(`${ruleId}: invalid #${i + 1}`, () => {
      const uri = c.uri ?? 'file:///srv/app/middleware.py';
      checkInvalidCase(ruleId, c, (text, as) => {
        const problems = errorNodes(text);
        // The case itself parses cleanly, so a rule cannot pass it by skipping code the parser could not read; the
        // fixed text then may have none either.
        if (as === 'invalid') assert.deepEqual(problems, [], 'the case itself must parse');
        return { reports: analyzeText(uri, text).reports, problems };
      });
    });
  });
}

/** Joins lines with \n and a final newline: Python cases read better as arrays. */
export const py = (...lines: string[]) => lines.join('\n') + '\n';

/** The helper class the middleware-close fixes insert (then two blank lines), line by line as they write it. */
export const CLOSING_ITERABLE = [
  'class ClosingIterable:',
  '    """Iterates `iterator`; close() closes it and then `wrapped`, the wrapped application\'s response (PEP 3333)."""',
  '',
  '    def __init__(self, iterator, wrapped):',
  '        self._iterator = iter(iterator)',
  '        self._wrapped = wrapped',
  '',
  '    def __iter__(self):',
  '        return self',
  '',
  '    def __next__(self):',
  '        return next(self._iterator)',
  '',
  '    def close(self):',
  '        try:',
  "            if hasattr(self._iterator, 'close'):",
  '                self._iterator.close()',
  '        finally:',
  "            if hasattr(self._wrapped, 'close'):",
  '                self._wrapped.close()',
  '',
  '',
];
