// Fix safety for Python documents: the Python rules' table cases mutated line by line (delete, duplicate, indent
// or dedent by a step, swap, insert a line of another case), kept only when CPython itself parses them (lezer
// accepts some text Python rejects, such as a mis-indented block); every fix offered then goes through checkFixes,
// and every fixed text must parse in CPython too. CPython is asked once per batch (one `python3` process reading
// all texts as JSON), so this stays fast; without python3 on the machine the test is skipped, its judge missing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { analyzeText } from '../../server/service';
import { applyEdits } from '../../server/features/applyEdits';
import { checkFixes, seedsOf } from './fix-safety';
import { ruleTableCases } from '../helpers/table-cases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

// Answers, for each text of a JSON array on stdin, null when ast.parse accepts it or the error's first line.
const JUDGE = [
  'import ast, json, sys, warnings',
  "warnings.simplefilter('ignore')",
  'out = []',
  'for t in json.load(sys.stdin):',
  '    try:',
  '        ast.parse(t)',
  '        out.append(None)',
  '    except (SyntaxError, ValueError) as e:',
  "        out.append(f'{type(e).__name__}: {e}')",
  'json.dump(out, sys.stdout)',
].join('\n');

const hasPython = spawnSync('python3', ['-c', 'pass']).status === 0;

/** CPython's verdict on each text: null when it parses. */
function cpython(texts: readonly string[]): Array<string | null> {
  const r = spawnSync('python3', ['-c', JUDGE], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Array<string | null>;
  assert.equal(out.length, texts.length);
  return out;
}

type Op =
  | { op: 'delete' | 'duplicate' | 'indent' | 'dedent'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'splice'; at: number; from: number; line: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), line: fc.nat() }),
);

const STEP = '    ';

/** `text` changed line by line; a splice inserts a line of another seed (`others`). */
function mutate(text: string, ops: readonly Op[], others: readonly string[]): string {
  const lines = text.split('\n');
  for (const o of ops) {
    const i = o.at % lines.length;
    if (o.op === 'delete' && lines.length > 1) lines.splice(i, 1);
    else if (o.op === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (o.op === 'indent') lines[i] = STEP + lines[i];
    else if (o.op === 'dedent') lines[i] = lines[i].replace(/^( {1,4}|\t)/, '');
    else if (o.op === 'swap') [lines[i], lines[o.with % lines.length]] = [lines[o.with % lines.length], lines[i]];
    else if (o.op === 'splice') {
      const other = others[o.from % others.length].split('\n');
      lines.splice(i, 0, other[o.line % other.length]);
    }
  }
  return lines.join('\n');
}

test('fix safety: mutated Python table cases that CPython parses get only fixes CPython still parses', { skip: !hasPython && 'python3 not found' }, () => {
  const seeds = seedsOf(ruleTableCases(), []).filter((s) => s.pythonUri);
  assert.ok(seeds.length > 0);
  const texts = seeds.map((s) => s.text);
  const inputs = fc.sample(
    fc.record({ pick: fc.nat(), ops: fc.array(op, { minLength: 1, maxLength: 4 }), crlf: fc.boolean() }).map(({ pick, ops, crlf }) => {
      const seed = seeds[pick % seeds.length];
      const text = mutate(seed.text, ops, texts);
      return { seed, text: crlf ? text.replace(/\n/g, '\r\n') : text };
    }),
    { numRuns: RUNS, seed: SEED },
  );
  const verdicts = cpython(inputs.map((i) => i.text));
  const accepted = inputs.filter((_, k) => verdicts[k] === null);
  // The mutations must leave enough valid Python to test anything.
  assert.ok(accepted.length > RUNS / 10, `only ${accepted.length} of ${RUNS} mutations parse`);
  const fixed: Array<{ input: string; title: string; after: string }> = [];
  for (const { seed, text } of accepted) {
    checkFixes(text, `python:${seed.pythonUri!}`, seed.env, new Set());
    for (const r of analyzeText(seed.pythonUri!, text).reports) {
      for (const f of r.fixes) fixed.push({ input: text, title: `${r.rule}: ${f.title}`, after: applyEdits(text, [...f.edits].sort((a, b) => a.start - b.start)) });
    }
  }
  assert.ok(fixed.length > 0, 'no mutation got a fix');
  const after = cpython(fixed.map((f) => f.after));
  const broken = fixed.flatMap((f, k) => (after[k] === null ? [] : [`${f.title} on ${JSON.stringify(f.input)} → ${after[k]}: ${JSON.stringify(f.after)}`]));
  assert.deepEqual(broken.slice(0, 3), [], `${broken.length} fixes break Python`);
});
