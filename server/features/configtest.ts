// "Check With Installed Apache": runs the local apachectl/apache2ctl/httpd/apache2 with `-t` (configtest) and `-V`
// (build settings, for the MPM), and reads the verdict. execFile with argument arrays (no shell), a timeout and a
// cap on the output read. Apache's configtest output format: all on stderr, the first error only, e.g.
//   AH00526: Syntax error on line 12 of /etc/apache2/sites-enabled/shop.conf:
//   Invalid command 'WSGIDaemonProces', perhaps misspelled or defined by a module not included in the server configuration
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BINARY_NAMES = ['apachectl', 'apache2ctl', 'httpd', 'apache2'];
/** sbin directories are often missing from a desktop user's PATH. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/apache2/bin', '/opt/homebrew/bin', '/usr/local/bin'];
const TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 256 * 1024;
const SHOWN_OUTPUT = 8 * 1024;

export interface ConfigtestProblem {
  /** Absolute path of the file Apache names (symlinks resolved when possible), if it names one. */
  file?: string;
  /** 1-based line Apache reports (for a continued directive, its last physical line). */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ConfigtestVerdict {
  ok: boolean;
  binary: string;
  exitCode: number | null;
  mpm?: string;
  version?: string;
  problems: ConfigtestProblem[];
  /** The configtest output, at most a few KB. */
  output: string;
}

const isExecutable = (p: string) => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The binary to run: the configured one, else the first of BINARY_NAMES on PATH (plus the usual sbin dirs). */
export function findApacheBinary(configured: string | undefined, envPath = process.env.PATH ?? '', extraDirs = EXTRA_DIRS): string | undefined {
  if (configured) return configured;
  const dirs = [...envPath.split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const name of BINARY_NAMES) for (const d of dirs) if (isExecutable(path.join(d, name))) return path.join(d, name);
  return undefined;
}

interface RunResult {
  code: number | null;
  out: string;
  failed?: string;
}

export interface RunLimits {
  timeoutMs?: number;
  maxOutput?: number;
}

function run(binary: string, args: string[], limits: RunLimits): Promise<RunResult> {
  const timeout = limits.timeoutMs ?? TIMEOUT_MS;
  const maxBuffer = limits.maxOutput ?? MAX_OUTPUT;
  return new Promise((resolve) => {
    execFile(binary, args, { timeout, maxBuffer, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      const out = `${stderr ?? ''}${stdout ?? ''}`;
      if (!err) return resolve({ code: 0, out });
      const e = err as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string };
      if (e.code === 'ENOENT' || e.code === 'EACCES') return resolve({ code: null, out, failed: `cannot run ${binary} (${e.code})` });
      if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ code: null, out, failed: `${binary} printed more than ${Math.round(maxBuffer / 1024)} KB` });
      if (e.killed && e.signal) return resolve({ code: null, out, failed: `${binary} ${args.join(' ')} did not finish within ${timeout / 1000} s` });
      resolve({ code: typeof e.code === 'number' ? e.code : 1, out });
    });
  });
}

const resolveFile = (file: string, root: string | undefined) => {
  const abs = path.isAbsolute(file) || !root ? file : path.join(root, file);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
};

/** Reads configtest output into problems; `root` (HTTPD_ROOT) resolves relative file names. */
export function parseConfigtest(output: string, root?: string): ConfigtestProblem[] {
  const problems: ConfigtestProblem[] = [];
  const lines = output.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    let m: RegExpExecArray | null;
    if ((m = /^AH00526: Syntax error on line (\d+) of (.+):$/.exec(l))) {
      // Walk phase: the message is on the next line.
      problems.push({ file: resolveFile(m[2], root), line: Number(m[1]), message: (lines[++i] ?? '').trim() || 'Syntax error', severity: 'error' });
    } else if ((m = /^[\w.-]+: Syntax error on line (\d+) of ([^:]+): (.*)$/.exec(l))) {
      // Build phase, possibly nested (an error inside an included file names the including line first): the
      // innermost file and line are where the problem is.
      let [line, file, message] = [Number(m[1]), m[2], m[3]];
      let inner: RegExpExecArray | null;
      while ((inner = /^Syntax error on line (\d+) of ([^:]+): (.*)$/.exec(message))) [line, file, message] = [Number(inner[1]), inner[2], inner[3]];
      const unclosed = /^(.+):(\d+): (<[^>]+> was not closed\.)$/.exec(message);
      if (unclosed) [file, line, message] = [unclosed[1], Number(unclosed[2]), unclosed[3]];
      problems.push({ file: resolveFile(file, root), line, message, severity: 'error' });
    } else if (/\[[\w-]*:(warn|error|crit|alert|emerg)\]|^AH\d{5}: /.test(l) && !/Syntax error on line/.test(l)) {
      const message = l.replace(/^\[[^\]]*\] \[[^\]]*\] (\[[^\]]*\] )*/, '');
      const at = /(?:on |in )?line (\d+) of ([^\s:]+?)[.:]?(?:\s|$)/.exec(message);
      const severity = /\[[\w-]*:warn\]/.test(l) || /^AH00558:/.test(l) ? 'warning' : 'error';
      problems.push(at ? { file: resolveFile(at[2], root), line: Number(at[1]), message, severity } : { message, severity });
    }
  }
  return problems;
}

/** Runs `-t` and `-V` and reads both. Never throws: a binary that cannot run becomes a failed verdict. */
export async function checkWithApache(binary: string, limits: RunLimits = {}): Promise<ConfigtestVerdict> {
  const [test, info] = await Promise.all([run(binary, ['-t'], limits), run(binary, ['-V'], limits)]);
  const mpm = /^Server MPM:\s*(\S+)/m.exec(info.out)?.[1];
  const version = /^Server version:\s*(.+)$/m.exec(info.out)?.[1].trim();
  const root = /-D HTTPD_ROOT="([^"]+)"/.exec(info.out)?.[1];
  const problems = parseConfigtest(test.out, root);
  if (test.failed) problems.push({ message: test.failed, severity: 'error' });
  else if (test.code !== 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ message: test.out.trim().split('\n').pop() || `${binary} -t exited with status ${test.code}`, severity: 'error' });
  }
  const ok = test.code === 0 && /Syntax OK/.test(test.out);
  const output = test.out.length > SHOWN_OUTPUT ? `${test.out.slice(0, SHOWN_OUTPUT)}\n… (output cut)` : test.out;
  return { ok, binary, exitCode: test.code, mpm, version, problems, output };
}
