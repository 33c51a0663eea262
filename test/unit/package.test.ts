// The .vsix ships only the bundles, grammar, snippets, language configuration, docs and the icon.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

test('vsix contents', () => {
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  const files = out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/client.js',
    'dist/extension.js',
    'dist/lsp-protocol.js',
    'dist/python-parser.js',
    'dist/server.js',
    'images/icon.png',
    'language-configuration.json',
    'package.json',
    'snippets/apacheconf.json',
    'snippets/python-wsgi.json',
    'syntaxes/apacheconf.tmLanguage.json',
  ]);
});

test('the icon package.json names is a small 128×128 PNG', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { icon?: string };
  assert.equal(pkg.icon, 'images/icon.png');
  const png = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  // The marketplace shows icons at 128×128 at least; kept small for the .vsix budget.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.ok(png.length <= 4 * 1024, `${png.length} bytes`);
});
