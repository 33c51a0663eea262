// Nothing from the workspace is ever executed: the one place that starts a program is Check With Installed Apache
// (server/features/configtest.ts: argument arrays, no shell, a timeout, capped output, trusted workspaces only).
// Any other module of the extension that reaches for child_process (import, require, dynamic import) fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const ALLOWED = ['server/features/configtest.ts'];
/** The module name in any quotes, with or without `node:`; also `process.binding('spawn_sync')`. */
const SPAWNS = /(['"`])(?:node:)?child_process\1|spawn_sync/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? sources(rel) : /\.[cm]?[jt]s$/.test(e.name) ? [rel] : [];
  });
}

test('only server/features/configtest.ts uses child_process in server/ and client/', () => {
  const files = [...sources('server'), ...sources('client')];
  assert.ok(files.length > 50 && files.includes(ALLOWED[0]), 'the walk sees the sources');
  const users = files.filter((f) => SPAWNS.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(users, ALLOWED);
});

test('the guard recognises every way of reaching child_process', () => {
  for (const s of ["import { spawn } from 'node:child_process';", 'const cp = require("child_process");', 'await import(`node:child_process`);', "process.binding('spawn_sync')"]) {
    assert.ok(SPAWNS.test(s), s);
  }
  assert.ok(!SPAWNS.test('// child processes are not started here'));
});
