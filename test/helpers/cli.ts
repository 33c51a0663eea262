// The real CLI binary as the tests run it: a child process, its exit status and both output streams.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** bin/apache-wsgi-lint.js, what `npx apache-wsgi-lint` runs. */
export const LINT_BIN = path.resolve(__dirname, '../../../bin/apache-wsgi-lint.js');

export interface LintRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the linter with these arguments (in `cwd` when given) and waits for it. */
export function runLint(args: readonly string[], cwd?: string): LintRun {
  const r = spawnSync(process.execPath, [LINT_BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new file `name` holding `text`, alone in a fresh temporary directory. */
export function tempFile(name: string, text: string | Buffer, prefix = 'awl-'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), name);
  fs.writeFileSync(file, text);
  return file;
}
