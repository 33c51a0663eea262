// The .vsix ships only the bundles, grammar, snippets, language configuration and docs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
    'dist/server.js',
    'language-configuration.json',
    'package.json',
    'snippets/apacheconf.json',
    'snippets/python-wsgi.json',
    'syntaxes/apacheconf.tmLanguage.json',
  ]);
});
