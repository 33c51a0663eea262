// node scripts/profile-rules.mjs [file] [runs]: where a warm analysis spends its time, stage by stage and rule by
// rule (median of the runs, after warm-up), over the compiled out/ tree. Run `npx tsc -p .` first. It informs the
// performance work (docs/DEVELOPMENT.md "## Performance"); nothing here fails a build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(ROOT, '.bench/vhosts-300.conf');
const runs = Number(process.argv[3] ?? 30);
const text = fs.readFileSync(file, 'utf8');

const { parse } = require(path.join(ROOT, 'out/server/syntax/parser.js'));
const { buildModel } = require(path.join(ROOT, 'out/server/model/model.js'));
const { rules } = require(path.join(ROOT, 'out/server/rules/index.js'));
const { analyzeText } = require(path.join(ROOT, 'out/server/service.js'));
const { withoutIgnored } = require(path.join(ROOT, 'out/server/features/ignoreComments.js'));
const { LineIndex } = require(path.join(ROOT, 'out/server/syntax/positions.js'));

/** CPU milliseconds (user + system) of this process since `since` (a process.cpuUsage() value). */
const now = () => process.cpuUsage();
const elapsed = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = new Map();
const add = (k, v) => (times.get(k) ?? times.set(k, []).get(k)).push(v);

for (let r = 0; r < runs + 5; r++) {
  const keep = r >= 5;
  let t = now();
  const ast = parse(text);
  const tParse = elapsed(t);
  t = now();
  const model = buildModel(ast);
  const tModel = elapsed(t);
  if (keep) add('(parse)', tParse), add('(model)', tModel);
  const reports = [];
  for (const rule of rules) {
    t = now();
    rule.check({ uri: 'file:///bench.conf', text, ast, model, seesWholeServer: false, report: (f) => reports.push({ ...f, rule: rule.id }) });
    if (keep) add(rule.id, elapsed(t));
  }
  t = now();
  withoutIgnored(text, reports);
  new LineIndex(text);
  if (keep) add('(ignore comments + line index)', elapsed(t));
  t = now();
  analyzeText('file:///bench.conf', text);
  if (keep) add('= analyzeText', elapsed(t));
}

const rows = [...times].map(([k, xs]) => [k, median(xs)]).sort((a, b) => b[1] - a[1]);
const sum = rows.filter(([k]) => !k.startsWith('=')).reduce((s, [, v]) => s + v, 0);
console.log(`${path.basename(file)}: ${text.split('\n').length - 1} lines, median CPU time of ${runs} warm runs`);
for (const [k, v] of rows) if (v >= 0.05 || k.startsWith('=')) console.log(`${v.toFixed(2).padStart(8)} ms  ${k}`);
console.log(`${sum.toFixed(2).padStart(8)} ms  sum of stages`);
