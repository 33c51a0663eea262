// The language server's AnalysisCache runs a configuration's rules when its reports are first read (the features
// of a file in a server tree never read them). Property: features on such an analysis answer the same as on
// analyzeText's (rules run first), and its reports, read after the features, are analyzeText's.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisCache, analyzeText, type Analysis } from '../../server/service';
import { documentSymbols } from '../../server/features/symbols';
import { foldingRanges } from '../../server/features/folding';
import { semanticTokens } from '../../server/features/semanticTokens';
import { documentLinks } from '../../server/features/links';
import { selectionRanges } from '../../server/features/selection';
import { hover } from '../../server/features/hover';
import { completion } from '../../server/features/completion';
import { mutatedSeeds, seedsOf } from './fix-safety';
import { ruleTableCases } from '../helpers/table-cases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };
const seeds = seedsOf(ruleTableCases(), []);

/** Every feature that reads an analysis, at a few offsets. */
function features(a: Analysis, offsets: readonly number[]): unknown {
  const positions = offsets.map((o) => a.lines.positionAt(o % (a.text.length + 1)));
  return {
    symbols: documentSymbols(a),
    folding: foldingRanges(a),
    tokens: semanticTokens(a),
    links: documentLinks(a, { folders: ['/srv'], kind: (f) => (f.endsWith('.py') ? 'file' : undefined) }),
    selection: selectionRanges(a, positions),
    hover: positions.map((p) => hover(a, p)),
    completion: positions.map((p) => completion(a, p)),
  };
}

test('cached analyses: features the same as with the rules run first, reports the same as analyzeText\'s', () => {
  fc.assert(
    fc.property(mutatedSeeds(seeds), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), ({ seed, text }, offsets) => {
      const env = seeds[seed].env;
      const rulesFirst = analyzeText('file:///srv/site.conf', text, 1, {}, undefined, env);
      const reportsBefore = rulesFirst.reports;
      const withRules = features(rulesFirst, offsets);
      const cache = new AnalysisCache();
      cache.setEnvironment(env);
      const lazy = cache.get('file:///srv/site.conf', text, 1);
      assert.deepEqual(features(lazy, offsets), withRules);
      assert.deepEqual(lazy.reports, reportsBefore);
      // Read once: the same array every time.
      assert.equal(lazy.reports, lazy.reports);
    }),
    params,
  );
});

test('a cached analysis runs no rule until its reports are read', () => {
  let asked = 0;
  const scripts = {
    generation: 0,
    resolve: (target: string) => (asked++, { kind: 'missing' as const, tried: target, name: 'wsgi.py', searched: [], complete: true, absoluteChecked: true, near: undefined }),
    python: () => undefined,
    exists: () => false,
  };
  const cache = new AnalysisCache();
  cache.setEnvironment({ scripts });
  const a = cache.get('file:///srv/site.conf', 'WSGIScriptAlias / /srv/app/wsgi.py\n', 1);
  documentSymbols(a);
  assert.equal(asked, 0, 'the script rules looked the script up before the reports were read');
  assert.ok(a.reports.length > 0);
  assert.ok(asked > 0);
});
