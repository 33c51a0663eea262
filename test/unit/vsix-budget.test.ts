// Packaging budget: the issue allows 300 KB, and the .vsix is held to that (a 297 KB margin held until 2026-11-25; the compact
// catalogue, the LSP protocol shared by client and server: docs/DEVELOPMENT.md, "Packaging budget"). Packaged from
// a copy of what ships (the bundles built by `npm test`'s pretest), so the test neither rebuilds dist/ under other
// running tests nor writes into the project.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BUDGET = 300 * 1024;
const SHIPPED = ['.vscodeignore', 'dist/extension.js', 'dist/client.js', 'dist/lsp-protocol.js', 'dist/server.js', 'dist/python-parser.js', 'syntaxes', 'snippets', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images'];

test('the packaged .vsix is at most 300 KB, the issue’s limit', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-vsix-'));
  try {
    for (const rel of SHIPPED) {
      const from = path.join(ROOT, rel);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, rel), { recursive: true });
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    delete pkg.scripts; // no vscode:prepublish rebuild: the bundles are already there
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const out = path.join(dir, 'apache-wsgi.vsix');
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], { cwd: dir, stdio: 'pipe' });
    const size = fs.statSync(out).size;
    t.diagnostic(`apache-wsgi.vsix: ${(size / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)`);
    assert.ok(size <= BUDGET, `apache-wsgi.vsix is ${(size / 1024).toFixed(1)} KB, over the ${BUDGET / 1024} KB budget`);
    assert.ok(size > 20 * 1024, `apache-wsgi.vsix is only ${size} bytes: the bundles are missing`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
