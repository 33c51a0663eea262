// client/semver-lite.ts stands in for `semver` in the client bundle: same answers as the real package for what
// vscode-languageclient asks, and the library's required range keeps the form the stand-in understands.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, satisfies } from '../../../client/semver-lite';

const ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realParse = require('semver/functions/parse') as (v: string) => { major: number; minor: number; patch: number; prerelease: Array<string | number>; version: string } | null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realSatisfies = require('semver/functions/satisfies') as (v: string, r: string) => boolean;

const VERSIONS = ['1.100.3', '1.91.0', '1.90.9', '2.0.0', '1.0.0', '0.9.1', '0.0.3', '1.100.0-insider', '1.101.0-insider.2', 'v1.95.1', ' 1.95.1 ', '1.95', 'x.y.z', '', '01.2.3', '1.2.3+build.7'];
const RANGES = ['^1.91.0', '^1.100.0', '^0.9.0', '^0.0.3', '>=1.91.0', '>=1.91.0 <2.0.0', '<1.91.0', '>1.0.0 <=1.100.3', '=1.100.3', '1.100.3'];

test('parse agrees with semver', () => {
  for (const v of VERSIONS) {
    const real = realParse(v);
    const lite = parse(v);
    if (real === null) assert.equal(lite, null, v);
    else assert.deepEqual(lite && { ...lite }, { major: real.major, minor: real.minor, patch: real.patch, prerelease: real.prerelease, version: real.version }, v);
  }
});

test('satisfies agrees with semver', () => {
  for (const v of VERSIONS.filter((x) => realParse(x) !== null)) {
    for (const r of RANGES) assert.equal(satisfies(v, r), realSatisfies(v, r), `${v} in ${r}`);
  }
});

test("vscode-languageclient's required VS Code range is one semver-lite understands", () => {
  const main = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-languageclient/lib/node/main.js'), 'utf8');
  const range = /REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(main)?.[1];
  assert.ok(range, 'REQUIRED_VSCODE_VERSION not found in vscode-languageclient');
  assert.match(range, /^\^\d+\.\d+\.\d+$/);
  // engines.vscode's floor must satisfy it, as the real check would say.
  const floor = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.vscode.replace(/^\^/, '');
  assert.equal(satisfies(floor, range), realSatisfies(floor, range));
  assert.ok(satisfies(floor, range));
});
