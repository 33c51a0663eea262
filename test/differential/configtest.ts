// Runs Debian's `apache2 -t` on one config file with every module the apache2 package ships loaded (one MPM,
// event) plus mod_wsgi, and reads its verdict: OK, or the failing line of that file and Apache's message.
// Used by differential.test.ts (live, when apache2 is installed) and by record.mjs (to refresh verdicts.json).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Verdict = { ok: true } | { ok: false; line: number | null; message: string };

const MODULE_DIR = '/usr/lib/apache2/modules';
const LOAD_DIR = '/etc/apache2/mods-available';
/** The other MPMs conflict with event ("# Conflicts:" in their .load files); one MPM only. */
const OTHER_MPMS = new Set(['mpm_prefork', 'mpm_worker']);

/** apache2 on PATH, else Debian's /usr/sbin/apache2 (not on a normal user's PATH); undefined when absent. */
export function findApache(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin'];
  const bin = dirs.filter(Boolean).map((d) => path.join(d, 'apache2')).find((f) => isExecutable(f));
  return bin && fs.existsSync(path.join(MODULE_DIR, 'mod_wsgi.so')) ? bin : undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * LoadModule lines for every module in /usr/lib/apache2/modules, named by Debian's .load files (modules
 * without one, such as mod_bucketeer, follow httpd's <name>_module convention), dependencies first.
 */
export function loadModuleLines(): string[] {
  const modules = new Map<string, { id: string; file: string; deps: string[] }>();
  for (const f of fs.readdirSync(LOAD_DIR).filter((n) => n.endsWith('.load')).sort()) {
    const text = fs.readFileSync(path.join(LOAD_DIR, f), 'utf8');
    const m = /^\s*LoadModule\s+(\S+)\s+(\S+)/m.exec(text);
    if (!m) continue;
    const deps = /#\s*Depends:(.*)/.exec(text)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
    modules.set(f.slice(0, -5), { id: m[1], file: path.join(MODULE_DIR, path.basename(m[2])), deps });
  }
  for (const so of fs.readdirSync(MODULE_DIR).filter((n) => /^mod_.*\.so$/.test(n)).sort()) {
    const name = so.slice(4, -3);
    if (![...modules.values()].some((m) => path.basename(m.file) === so)) modules.set(name, { id: `${name}_module`, file: path.join(MODULE_DIR, so), deps: [] });
  }
  for (const mpm of OTHER_MPMS) modules.delete(mpm);
  const lines: string[] = [];
  const done = new Set<string>();
  const visit = (name: string) => {
    const m = modules.get(name);
    if (!m || done.has(name)) return;
    done.add(name);
    m.deps.forEach(visit);
    lines.push(`LoadModule ${m.id} ${m.file}`);
  };
  [...modules.keys()].sort().forEach(visit);
  return lines;
}

export interface Harness {
  run(caseFile: string): Promise<Verdict>;
  dispose(): void;
}

/** The environment Apache runs with in the harness: what ${VAR} falls back to, so our analysis is given it too. */
export function harnessEnvironment(caseFile: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '', LANG: 'C', APACHE_WSGI_DIFF_CASE: path.resolve(caseFile) };
}

/** A throw-away ServerRoot whose main config loads every module and then includes the case file. */
export function createHarness(apache: string): Harness {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awd-'));
  const main = path.join(root, 'main.conf');
  fs.writeFileSync(
    main,
    [
      `ServerRoot ${root}`,
      ...loadModuleLines(),
      `ErrorLog ${root}/error.log`,
      `PidFile ${root}/httpd.pid`,
      `DefaultRuntimeDir ${root}`,
      'Listen 127.0.0.1:18089',
      `Mutex file:${root} default`,
      // The case comes last; its name reaches Apache through the environment, so one main config serves all.
      'Include ${APACHE_WSGI_DIFF_CASE}',
      '',
    ].join('\n'),
  );
  return {
    run(caseFile) {
      const file = path.resolve(caseFile);
      const env = harnessEnvironment(file);
      return new Promise((resolve) => {
        execFile(apache, ['-t', '-f', main], { env, timeout: 20000 }, (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve(parseVerdict(`${stdout}${stderr}`, code, file));
        });
      });
    },
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Apache's output → verdict. Errors come as "AH00526: Syntax error on line N of FILE:\nmessage" (while walking
 * the tree) or "apache2: Syntax error on line M of main.conf: Syntax error on line N of FILE: message" (while
 * building it); a failure with no line of the case file (bad user name, …) has line null.
 */
export function parseVerdict(output: string, exitCode: number, caseFile: string): Verdict {
  if (exitCode === 0) return { ok: true };
  const text = output.replace(/^\[[^\n]*\] \[[a-z_]+:(?:warn|notice|info)\][^\n]*\n?/gm, '').replace(/^AH00558:[^\n]*\n?/gm, '');
  const re = /Syntax error on line (\d+) of ([^\n:]+):\s*/g;
  let line: number | null = null;
  let messageStart = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (path.resolve(m[2]) !== caseFile) continue;
    line = Number(m[1]);
    messageStart = m.index + m[0].length;
  }
  const message = (messageStart >= 0 ? text.slice(messageStart) : text).trim().split('\n')[0].replace(`${caseFile}:${line}: `, '');
  return { ok: false, line, message };
}

/** Failures that depend on this machine (users, files, directories, privileges), kept out of the corpus. */
export function environmentDependent(v: Verdict): boolean {
  if (v.ok) return false;
  return v.line === null || /bad (user|group) name|Could not open|No such file|not a directory|not readable|Could not resolve/i.test(v.message);
}
