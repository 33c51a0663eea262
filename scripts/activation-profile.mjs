// Times the extension's activation in-process, outside VS Code: loads the bundled dist/extension.js with a stand-in
// `vscode` module (every API is an inert proxy) and reports what VS Code's "Show Running Extensions" adds up —
// code loading (require) plus the synchronous part of activate() — and then the deferred client load.
// A rough, machine-dependent profile to see where time goes; the real figure comes from the e2e (test/e2e/run.sh).
//   node scripts/activation-profile.mjs [runs] [path/to/extension.js, default dist/extension.js]
import { createRequire } from 'node:module';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const bundle = path.resolve(process.argv[3] ?? path.join(root, 'dist/extension.js'));

if (process.env.AWSGI_PROFILE_CHILD) {
  // One cold run per process: a warm require cache would hide the code loading.
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  const inert = new Proxy(function inert() {}, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
    apply: () => inert,
    construct: () => inert,
  });
  // The module's names, from its type declarations: bundles copy them onto their own namespace object.
  const dts = require('node:fs').readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...dts.matchAll(/^\s*export (?:declare )?(?:class|namespace|enum|function|const|let|var) (\w+)/gm)].map((m) => m[1]));
  const vscode = { ...Object.fromEntries([...names].map((n) => [n, inert])), version: '1.100.3' };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const subscriptions = [];
  const context = { subscriptions, asAbsolutePath: (p) => path.join(root, p), extensionPath: root };
  require(path.join(root, 'package.json')); // warm the CommonJS loader, as it is in an extension host
  const t0 = performance.now();
  const ext = require(bundle);
  const t1 = performance.now();
  const activation = ext.activate(context);
  const t2 = performance.now();
  // A failure in activate() must not pass for a fast activation.
  await Promise.resolve(activation).catch((err) => {
    console.error(`activate() failed: ${err?.message ?? err}`);
    process.exit(1);
  });
  // extension.js loads the client library in a setImmediate callback queued during activate(): one queued now
  // runs right after it, so the gap is that load (plus constructing the client and the start's synchronous part).
  const t3 = performance.now();
  await new Promise((r) => setImmediate(r));
  const t4 = performance.now();
  process.send({ codeLoadingMs: t1 - t0, activateCallMs: t2 - t1, clientLoadMs: t4 - t3 });
  process.exit(0);
}

const samples = [];
for (let i = 0; i < runs; i++) {
  samples.push(
    await new Promise((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), [String(runs), bundle], { env: { ...process.env, AWSGI_PROFILE_CHILD: '1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.once('message', resolve);
      child.once('exit', (code) => code && reject(new Error(`profile run exited with ${code}`)));
    }),
  );
}
const median = (k) => {
  const v = samples.map((s) => s[k]).filter((x) => x !== null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)].toFixed(1) : 'n/a';
};
console.log(`activation profile over ${runs} cold runs (median ms; stand-in vscode module, no extension host):`);
console.log(`  code loading (require ${path.relative(root, bundle)}) ${median('codeLoadingMs')}`);
console.log(`  activate() synchronous part              ${median('activateCallMs')}`);
console.log(`  = what "Show Running Extensions" shows   ${(Number(median('codeLoadingMs')) + Number(median('activateCallMs'))).toFixed(1)}  (budget 50)`);
console.log(`  client library loaded after activate()   ${median('clientLoadMs')}`);
