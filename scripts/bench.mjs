// npm run bench [-- --smoke]: generates realistic mod_wsgi configs, measures the CLI against `apache2 -t`, the
// in-process service, and the language server's first diagnostics, and prints a table. Budgets are printed
// next to each figure; nothing here fails a build (the machines are noisy), it informs.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.bench');
const smoke = process.argv.includes('--smoke');
const SIZES = smoke ? [300] : [300, 1500, 5000];
fs.mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- inputs
function vhost(i) {
  const name = `site${i}`;
  return [
    `<VirtualHost *:80>`,
    `    ServerName ${name}.example.com`,
    `    ServerAlias www.${name}.example.com`,
    `    WSGIDaemonProcess ${name} processes=2 threads=15 display-name=%{GROUP} python-home=/srv/${name}/venv python-path=/srv/${name}`,
    `    WSGIProcessGroup ${name}`,
    `    WSGIScriptAlias /api /srv/${name}/api/wsgi.py`,
    `    WSGIScriptAlias / /srv/${name}/${name}/wsgi.py`,
    `    Alias /static/ /srv/${name}/static/`,
    `    <Directory /srv/${name}/${name}>`,
    `        <Files wsgi.py>`,
    `            Require all granted`,
    `        </Files>`,
    `    </Directory>`,
    `    ErrorLog /tmp/${name}-error.log`,
    `    CustomLog /tmp/${name}-access.log combined`,
    `</VirtualHost>`,
    ``,
  ].join('\n');
}

function generate(count) {
  const file = path.join(OUT, `vhosts-${count}.conf`);
  const head = '<VirtualHost _default_:80>\n    ServerName default.invalid\n    <Location />\n        Require all denied\n    </Location>\n</VirtualHost>\n\nWSGIRestrictEmbedded On\n\n';
  if (!fs.existsSync(file)) fs.writeFileSync(file, head + Array.from({ length: count }, (_, i) => vhost(i)).join(''));
  return file;
}

function generateTree(count) {
  const dir = path.join(OUT, `tree-${count}`);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(path.join(dir, 'sites'), { recursive: true });
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, 'sites', `site${i}.conf`), vhost(i));
    fs.writeFileSync(path.join(dir, 'root.conf'), `IncludeOptional ${path.join(dir, 'sites')}/*.conf\n`);
  }
  return dir;
}

// ---------------------------------------------------------------- helpers
const lineCount = (file) => fs.readFileSync(file, 'utf8').split('\n').length - 1;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
// A full collection on demand, to measure what an analysis keeps (the flag is read when a context is made).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');
const ms = (x) => (x === undefined ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(0));

/** Wall time (ms) and peak RSS (MB) of a command, via GNU time when present. */
function measure(cmd, args, env = {}) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', '__RSS_KB=%M', cmd, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  const m = /__RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { wall, rssMb: m ? Number(m[1]) / 1024 : undefined, status: r.status, stderr: r.stderr };
}

/** The run with the median wall time of three: one run on a shared machine is mostly noise. */
function medianRun(run, times = 3) {
  const runs = Array.from({ length: times }, run).sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(times / 2)];
}

function apacheConfig(file) {
  const wrapper = path.join(OUT, `apache-${path.basename(file)}`);
  fs.writeFileSync(
    wrapper,
    [
      'ServerRoot /etc/apache2',
      'Include /etc/apache2/mods-enabled/*.load',
      'Include /etc/apache2/mods-enabled/*.conf',
      '<IfModule !wsgi_module>',
      'LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so',
      '</IfModule>',
      `ErrorLog ${OUT}/apache-error.log`,
      `PidFile ${OUT}/apache.pid`,
      'Listen 127.0.0.1:18099',
      `Mutex file:${OUT}`,
      `Include ${file}`,
      '',
    ].join('\n'),
  );
  return wrapper;
}

const hasApache = spawnSync('sh', ['-c', 'command -v apache2'], { encoding: 'utf8' }).status === 0;
const apacheEnv = { APACHE_RUN_USER: 'www-data', APACHE_RUN_GROUP: 'www-data', APACHE_RUN_DIR: OUT, APACHE_LOG_DIR: OUT, APACHE_LOCK_DIR: OUT, APACHE_PID_FILE: `${OUT}/apache.pid` };

// ---------------------------------------------------------------- 1. CLI vs apache2 -t
const rows = [];
const files = SIZES.map(generate);
for (const file of files) {
  const lines = lineCount(file);
  measure(process.execPath, [path.join(ROOT, 'bin/apache-wsgi-lint.js'), '--format', 'json', file]); // warm the disk cache
  const ours = medianRun(() => measure(process.execPath, [path.join(ROOT, 'bin/apache-wsgi-lint.js'), '--format', 'json', file]));
  const apache = hasApache ? medianRun(() => measure('apache2', ['-t', '-f', apacheConfig(file)], apacheEnv)) : undefined;
  if (apache && apache.status !== 0) console.error(`note: apache2 -t rejected ${path.basename(file)}: ${apache.stderr.split('\n').slice(-3).join(' ')}`);
  rows.push({ file: path.basename(file), lines, ours, apache });
}

console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}${smoke ? ' (smoke run)' : ''}\n`);
console.log('1. CLI (apache-wsgi-lint --format json) vs apache2 -t, median of 3 runs each (budget: ratio ≤ 0.5 on 85k lines, RSS ≤ 150 MB)');
console.log('| file | lines | CLI ms | CLI RSS MB | apache2 -t ms | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const ratio = r.apache ? (r.ours.wall / r.apache.wall).toFixed(2) : 'n/a';
  console.log(`| ${r.file} | ${r.lines} | ${ms(r.ours.wall)} | ${r.ours.rssMb?.toFixed(0) ?? 'n/a'} | ${r.apache ? ms(r.apache.wall) : 'not installed'} | ${ratio} |`);
}

// Server start-up is measured (printed under 3.) while this process is still small: after the in-process runs
// below, this client's own garbage collection would add tens of milliseconds to the server's figure.
const startFile = files.find((f) => f.includes('-300')) ?? files[0];
const starts = [];
for (let i = 0; i < 5; i++) starts.push(await firstDiagnostics(fs.readFileSync(startFile, 'utf8')));

// ---------------------------------------------------------------- 2. in-process service
let seed = 42;
const costs = [];
const { analyzeText, AnalysisCache } = require(path.join(ROOT, 'out/server/service.js'));
const features = loadFeatures();
console.log('\n2. In-process service, after warm-up: median / p95 of 50 runs (budgets: 5k lines ≤ 10 ms, 24k ≤ 30 ms, re-analysis, hover and completion ≤ 2 ms)');
console.log('| input | lines | full analysis | re-analysis after 1-char edit | hover | completion |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const perLine = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = lineCount(file);
  warmUp(() => analyzeText('file:///bench.conf', text));
  const full = timeRuns(() => analyzeText('file:///bench.conf', text));
  const at = text.indexOf('threads=15', text.length >> 1);
  // A character typed (threads=15 -> threads=156), then taken back: the text's length changes with each edit, so
  // everything after it moves, as when typing.
  const edited = text.slice(0, at + 10) + '6' + text.slice(at + 10);
  // The editor's path: the cache re-analyses the new version from the previous one (each run is one edit away
  // from the last: the two texts alternate, a character inserted, then deleted), rules included (their findings
  // are what gets published).
  const cache = new AnalysisCache();
  let version = 0;
  const nextVersion = () => cache.get('file:///bench.conf', ++version % 2 ? edited : text, version).reports;
  warmUp(nextVersion);
  const edit = timeRuns(nextVersion);
  const analysis = analyzeText('file:///bench.conf', text);
  const hover = features.hover ? timeRuns(() => features.hover(analysis, randomPosition(analysis))) : undefined;
  const completion = features.completion ? timeRuns(() => features.completion(analysis, randomPosition(analysis))) : undefined;
  perLine.push({ lines, perLineUs: (median(full) * 1000) / lines });
  costs.push({ file, lines, ...(await fullAnalysisCosts(() => analyzeText('file:///bench.conf', text), text)) });
  const fmt = (xs) => (xs ? `${ms(median(xs))} / ${ms(p95(xs))} ms` : 'n/a');
  console.log(`| ${path.basename(file)} | ${lines} | ${fmt(full)} | ${fmt(edit)} | ${fmt(hover)} | ${fmt(completion)} |`);
}

/**
 * What a full analysis costs besides its own work: the garbage collector's pauses while 50 of them run (their
 * share of the time, and how many young-generation collections each analysis causes), and the heap one analysis
 * keeps while it is the current one (the syntax tree, the model, the findings and the rules' per-tree memos).
 * Kept data costs twice: a scavenge copies what is alive, so the more an analysis keeps and the more it allocates
 * around it, the more each one copies.
 */
async function fullAnalysisCosts(analyze, text) {
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) analyze();
  const t1 = performance.now();
  // GC entries are delivered after the synchronous runs, on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const within = pauses.filter((e) => e.startTime >= t0 && e.startTime < t1);
  const gcMs = within.reduce((sum, e) => sum + e.duration, 0);
  const minor = within.filter((e) => (e.detail?.kind ?? e.kind) === constants.NODE_PERFORMANCE_GC_MINOR).length;
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let kept = analyze();
  collectGarbage();
  const keptBytes = process.memoryUsage().heapUsed - before;
  kept = undefined;
  return { gcShare: gcMs / (t1 - t0), minorPerRun: minor / 50, keptBytes, textBytes: Buffer.byteLength(text) };
}

/**
 * Runs `fn` at least 5 times and for at least 1.5 s, so the timed runs start once optimizing compilation has
 * settled (5 runs of the 4.8k-line file take ~50 ms). What is left between two series of the same work is the
 * garbage collector's phase: the medians of one process's series still vary by ~±25 %.
 */
function warmUp(fn) {
  const until = performance.now() + 1500;
  for (let i = 0; i < 5 || performance.now() < until; i++) fn();
}

function timeRuns(fn, runs = 50) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function randomPosition(analysis) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const line = seed % analysis.lines.lineCount;
  return { line, character: 8 };
}

/** Hover and completion entry points, when the feature modules exist (they take an analysis and a position). */
function loadFeatures() {
  const found = {};
  for (const [key, mod, fn] of [['hover', 'hover', 'hover'], ['completion', 'completion', 'completion']]) {
    try {
      const m = require(path.join(ROOT, 'out/server/features', `${mod}.js`));
      if (typeof m[fn] === 'function') found[key] = m[fn];
    } catch {
      // not built yet
    }
  }
  return found;
}

console.log('\n2b. Where a full analysis goes besides its own work: garbage collection during 50 more full analyses, and the heap one analysis keeps');
console.log('| input | lines | GC share of full-analysis time | young-generation GCs per analysis | heap kept by one analysis | kept per line | kept / text size |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const c of costs) {
  console.log(
    `| ${path.basename(c.file)} | ${c.lines} | ${(c.gcShare * 100).toFixed(0)} % | ${c.minorPerRun.toFixed(1)} | ${(c.keptBytes / 2 ** 20).toFixed(1)} MB | ${(c.keptBytes / c.lines).toFixed(0)} B | ${(c.keptBytes / c.textBytes).toFixed(1)}× |`,
  );
}

// ---------------------------------------------------------------- 3. server start to first diagnostics
console.log(
  `\n3. Language server (stdio) start to first publishDiagnostics, ${lineCount(startFile)}-line document: median ${ms(median(starts))} ms of 5 starts (${ms(Math.min(...starts))}–${ms(Math.max(...starts))}; budget ≤ 300 ms)`,
);

async function firstDiagnostics(text) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (msg) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const done = new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const sep = buf.indexOf('\r\n\r\n');
        if (sep < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())[1]);
        if (buf.length < sep + 4 + len) return;
        const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString());
        buf = buf.subarray(sep + 4 + len);
        if (msg.method === 'textDocument/publishDiagnostics') resolve(performance.now() - t0);
        if (msg.id === 1 && msg.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench.conf', languageId: 'apacheconf', version: 1, text } } });
        }
      }
    });
  });
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  const elapsed = await done;
  child.kill();
  return elapsed;
}

// ---------------------------------------------------------------- 4. growth
console.log('\n4. Growth: full-analysis time per line (flat = linear)');
console.log('| lines | µs per line |');
console.log('| ---: | ---: |');
for (const g of perLine) console.log(`| ${g.lines} | ${g.perLineUs.toFixed(3)} |`);

// ---------------------------------------------------------------- 5. include tree
const tree = generateTree(smoke ? 50 : 500);
const treeRun = measure(process.execPath, [path.join(ROOT, 'bin/apache-wsgi-lint.js'), '--format', 'json', path.join(tree, 'root.conf')]);
console.log(`\n5. Tree of ${smoke ? 50 : 500} site files included by one root: CLI ${ms(treeRun.wall)} ms, RSS ${treeRun.rssMb?.toFixed(0) ?? 'n/a'} MB`);
