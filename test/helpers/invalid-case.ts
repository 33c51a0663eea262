// One invalid case of a rule table, config and Python rules alike: exactly the marked ranges are reported (with the
// message parts and severity asked for), and the first finding's preferred fix turns the text into `fixed`, which
// re-analyses without that finding and with no more parse problems than the text had.
import * as assert from 'node:assert/strict';
import type { Report } from '../../server/rules/types';
import { applyEdits, preferredFix } from '../../server/features/applyEdits';
import { marked } from './markers';

export interface InvalidCase {
  /** The text with the expected finding ranges marked «like this». */
  code: string;
  /** Text expected after applying the first finding's preferred fix; omit when the rule offers no fix. */
  fixed?: string;
  /** Substrings the first finding's message must contain. */
  message?: string[];
  severity?: string;
}

/** What a table reads of an analysis: the reports, and the parse problems (whatever the language calls them). */
export interface Analysed {
  reports: readonly Report[];
  problems: readonly unknown[];
}

/** `analyse` reads the case's text (`as` says which: the marked case or the text after the fix). */
export function checkInvalidCase(ruleId: string, c: InvalidCase, analyse: (text: string, as: 'invalid' | 'fixed') => Analysed): void {
  const { text, spans } = marked(c.code);
  const before = analyse(text, 'invalid');
  const found = before.reports.filter((r) => r.rule === ruleId);
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
  const again = analyse(after, 'fixed');
  // A fix may settle other findings of its rule too (one block granting several scripts), never add one.
  const left = again.reports.filter((r) => r.rule === ruleId).length;
  assert.ok(left <= found.length - 1, `the fixed finding must not be raised again (${left} of ${found.length} left)`);
  assert.ok(again.problems.length <= before.problems.length, `a fix must not add parse problems: ${JSON.stringify(again.problems)}`);
}
