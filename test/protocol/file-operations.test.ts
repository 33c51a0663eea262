// The client bundle leaves minimatch out (client/glob-filters-absent.ts): vscode-languageclient needs it only for
// the glob filters of file operations a server announces. The real server must announce none, neither in its
// initialize result nor by registering them later, even to a client that offers dynamic registration.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InitializeRequest, InitializedNotification, RegistrationRequest, type Registration } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp-client';
import { Minimatch } from '../../client/glob-filters-absent';

const ROOT = path.resolve(__dirname, '../../..');

test('the server announces no file operations, so the client bundle needs no glob matcher', async () => {
  const client = new LspClient('stdio');
  const registered: Registration[] = [];
  client.connection.onRequest(RegistrationRequest.type, (p) => {
    registered.push(...p.registrations);
  });
  try {
    const fileOps = { dynamicRegistration: true, didCreate: true, willCreate: true, didRename: true, willRename: true, didDelete: true, willDelete: true };
    const init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, fileOperations: fileOps, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    assert.equal(init.capabilities.workspace?.fileOperations, undefined);
    const uri = 'file:///tmp/file-ops/site.conf';
    await client.open(uri, 'ServerName a.example\n', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(registered.filter((r) => r.method.startsWith('workspace/') && /Files$/.test(r.method)), []);
  } finally {
    await client.stop();
  }
});

test('the stand-in refuses a pattern instead of matching wrongly, and is what the client bundle holds', () => {
  assert.throws(() => new Minimatch('**/*.conf'), /glob filters are not bundled/);
  const bundle = fs.readFileSync(path.join(ROOT, 'dist/client.js'), 'utf8');
  assert.ok(bundle.includes('glob filters are not bundled'), 'dist/client.js does not hold the stand-in');
  // minimatch's own code (its GLOBSTAR marker and its pattern-length guard) is not in it.
  assert.ok(!bundle.includes('GLOBSTAR') && !bundle.includes('pattern is too long'), 'dist/client.js still holds minimatch');
});
