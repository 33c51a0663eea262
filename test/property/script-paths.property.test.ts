// ScriptIndex takes a script path as it is when isNormalAbsolute says path.normalize would not change it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { isNormalAbsolute } from '../../server/workspace/scripts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

test('isNormalAbsolute(p) only when path.normalize(p) === p, and for every normal rooted path without a trailing slash', () => {
  const piece = fc.constantFrom('/', '/', '.', '..', '...', 'a', 'srv', 'wsgi.py', '.x', 'é', '\\', ' ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (xs) => {
      const p = xs.join('');
      if (isNormalAbsolute(p)) assert.equal(path.normalize(p), p);
      else if (p.startsWith('/') && !p.endsWith('/')) assert.notEqual(path.normalize(p), p);
    }),
    params,
  );
});
