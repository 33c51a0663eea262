// Differential test against the real thing: every config under cases/ is judged by Debian's `apache2 -t` (live
// when apache2 and mod_wsgi are installed, else the verdicts recorded in verdicts.json) and by us. Where Apache
// fails on line N we must report an error covering line N; where Apache accepts we must report no error.
// Refresh the recording after adding cases: npx tsc -p . && node test/differential/record.mjs
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/syntax/parser';
import { buildModel } from '../../server/model/model';
import { runRules } from '../../server/service';
import { rulesById } from '../../server/rules';
import { LineIndex } from '../../server/syntax/positions';
import { createHarness, environmentDependent, findApache, harnessEnvironment, type Verdict } from './configtest';
import { setEnvironment } from '../../server/model/variables';

const DIR = path.resolve(__dirname, '../../../test/differential');
const CASES = path.join(DIR, 'cases');
const names = fs.readdirSync(CASES).filter((n) => n.endsWith('.conf')).sort();
const recorded: Record<string, Verdict> = JSON.parse(fs.readFileSync(path.join(DIR, 'verdicts.json'), 'utf8'));
// APACHE_WSGI_DIFFERENTIAL=recorded checks against the recording even where apache2 is installed.
const apache = process.env.APACHE_WSGI_DIFFERENTIAL === 'recorded' ? undefined : findApache();
const live = new Map<string, Verdict>();

before(async () => {
  if (!apache) return;
  const harness = createHarness(apache);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      live.set(name, await harness.run(path.join(CASES, name)));
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    harness.dispose();
  }
});

/** Our errors for a case, analysed as a whole server (the case is all the config there is besides modules). */
function ourErrors(text: string, file: string): Array<{ first: number; last: number; rule: string; message: string }> {
  const ast = parse(text);
  setEnvironment(ast, new Map(Object.entries(harnessEnvironment(file))));
  const reports = runRules({ uri: 'file:///case.conf', text, ast, model: buildModel(ast), seesWholeServer: true });
  const lines = new LineIndex(text);
  return reports
    // Errors that only show once requests arrive (500, 403) are not configtest's to judge.
    .filter((r) => r.severity === 'error' && !rulesById.get(r.rule)?.requestTime)
    .map((r) => {
      const a = lines.positionAt(r.start);
      const b = lines.positionAt(r.end);
      // A range ending at the very start of a line does not cover that line.
      const last = b.line > a.line && b.character === 0 ? b.line - 1 : b.line;
      return { first: a.line + 1, last: last + 1, rule: r.rule, message: r.message };
    });
}

const describe = (v: Verdict) => (v.ok ? 'accepts it (Syntax OK)' : `fails on line ${v.line}: ${v.message}`);

test('differential corpus: at least 150 cases, each with a recorded, machine-independent verdict', () => {
  assert.ok(names.length >= 150, `only ${names.length} cases`);
  assert.deepEqual(names.filter((n) => !(n in recorded)), [], 'cases without a recorded verdict: run test/differential/record.mjs');
  assert.deepEqual(Object.keys(recorded).filter((n) => !names.includes(n)), [], 'verdicts for cases that no longer exist');
  assert.deepEqual(names.filter((n) => environmentDependent(recorded[n])), [], 'environment-dependent cases must be removed');
});

test('differential corpus: recorded verdicts match the installed apache2', { skip: apache ? false : 'apache2 with mod_wsgi is not installed' }, () => {
  // Messages may differ between releases (or as root); what is compared is whether and where Apache fails.
  const where = (v: Verdict | undefined) => (v ? (v.ok ? 'ok' : v.line) : undefined);
  const stale = names.filter((n) => where(live.get(n)) !== where(recorded[n]));
  assert.deepEqual(
    stale.map((n) => `${n}: recorded ${describe(recorded[n])}; live ${describe(live.get(n)!)}`),
    [],
    'verdicts.json is stale: run node test/differential/record.mjs',
  );
});

for (const name of names) {
  test(`differential: ${name}`, () => {
    const verdict = live.get(name) ?? recorded[name];
    const source = apache && live.has(name) ? 'apache2 -t' : 'recorded apache2 -t';
    const text = fs.readFileSync(path.join(CASES, name), 'utf8');
    const errors = ourErrors(text, path.join(CASES, name));
    const list = (es: typeof errors) => es.map((e) => `\n    line ${e.first}${e.last > e.first ? `-${e.last}` : ''} [${e.rule}] ${e.message}`).join('');
    if (verdict.ok) {
      assert.ok(errors.length === 0, `${name}: ${source} accepts it, but we report errors:${list(errors)}`);
      return;
    }
    const line = verdict.line ?? 0;
    const hit = errors.some((e) => e.first <= line && line <= e.last);
    const shown = text.split(/\r?\n/)[line - 1] ?? '';
    assert.ok(
      hit,
      `${name}: ${source} ${describe(verdict)}\n    (line ${line}: ${shown.trim()})\n  but we report ${errors.length ? `errors only elsewhere:${list(errors)}` : 'no error at all'}`,
    );
  });
}
