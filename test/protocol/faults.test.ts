// Protocol faults against the real server: malformed JSON-RPC, unknown methods and documents, missing params,
// positions out of range, a document of several MB, 1,000 edits in a burst, cancellation. After each the server
// must still answer a hover; it may answer a bad request with an error or ignore it, but never stop serving.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, CompletionRequest, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp-client';

const URI = 'file:///tmp/faults/site.conf';
const TEXT = 'WSGIDaemonProcess shop threads=15\nWSGIProcessGroup shop\n';

/** The server still works: a hover on WSGIDaemonProcess comes back with its text. */
async function stillServing(client: LspClient, what: string): Promise<void> {
  assert.ok(client.alive, `server exited after: ${what}`);
  const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 3 } })) as Hover | null;
  assert.match(JSON.stringify(hover?.contents ?? null), /WSGIDaemonProcess/, `no hover after: ${what}`);
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

function rawFrame(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

async function started(): Promise<LspClient> {
  const client = new LspClient('stdio');
  await client.initialize();
  await client.open(URI, TEXT, 1);
  await client.waitForDiagnostics(URI, (p) => p.version === 1);
  return client;
}

test('malformed JSON-RPC is answered with an error or ignored, and the server keeps serving', async () => {
  const client = await started();
  try {
    const faults: Record<string, string | Buffer> = {
      'invalid JSON': frame('{"jsonrpc":"2.0","id":900,"method":'),
      'a JSON array': frame('[1,2,3]'),
      'a JSON null': frame('null'),
      'no method': frame('{"jsonrpc":"2.0","id":901}'),
      'unknown request': frame('{"jsonrpc":"2.0","id":902,"method":"apacheWsgi/nothing","params":{}}'),
      'unknown notification': frame('{"jsonrpc":"2.0","method":"apacheWsgi/nothing","params":{}}'),
      'hover without params': frame('{"jsonrpc":"2.0","id":903,"method":"textDocument/hover"}'),
      'completion with null params': frame('{"jsonrpc":"2.0","id":904,"method":"textDocument/completion","params":null}'),
      'definition without a document': frame('{"jsonrpc":"2.0","id":905,"method":"textDocument/definition","params":{"position":{"line":0,"character":0}}}'),
      'didOpen without text': frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/faults/b.conf"}}}'),
      'didChange of a document never opened': frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/faults/none.conf","version":2},"contentChanges":[{"text":"x"}]}}'),
      'invalid UTF-8 in a string': rawFrame(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","method":"x","params":{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')])),
    };
    for (const [what, bytes] of Object.entries(faults)) {
      client.sendRaw(bytes);
      await stillServing(client, what);
    }
  } finally {
    await client.stop();
  }
});

test('a wrong Content-Length or a broken header costs that message only', async () => {
  const client = await started();
  try {
    const body = '{"jsonrpc":"2.0","method":"apacheWsgi/nothing","params":{}}';
    const faults: Record<string, string> = {
      'a Content-Length too short': `Content-Length: 10\r\n\r\n${body}`,
      'a Content-Length too long': `Content-Length: 500\r\n\r\n${body}`,
      'a Content-Length that is no number': `Content-Length: abc\r\n\r\n${body}`,
      'no Content-Length': `Content-Type: application/vscode-jsonrpc\r\n\r\n${body}`,
      'bytes before a header': `garbage${frame(body)}`,
      'a header without its blank line': `Content-Length: 12\r\n{"a":1}`,
    };
    for (const [what, bytes] of Object.entries(faults)) {
      client.sendRaw(bytes);
      await stillServing(client, what);
    }
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('requests for unknown documents and positions out of range get empty answers', async () => {
  const client = await started();
  try {
    const positions = [
      { line: -1, character: 0 },
      { line: 0, character: -5 },
      { line: 1e9, character: 0 },
      { line: 0, character: 1e9 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0.5 },
    ];
    for (const position of positions) {
      for (const uri of [URI, 'file:///tmp/faults/never-opened.conf']) {
        // Either an answer (clamped or empty) or an error response: what matters is that one comes back.
        await Promise.allSettled([
          client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
          client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
        ]);
      }
      await stillServing(client, `position ${JSON.stringify(position)}`);
    }
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/faults/never-opened.conf' }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  } finally {
    await client.stop();
  }
});

test('a document of several MB is analysed and published, and hovers still answer', async () => {
  const client = await started();
  try {
    const big = 'file:///tmp/faults/big.conf';
    const block = '<VirtualHost *:80>\n  ServerName a.example.com\n  WSGIScriptAlias / /srv/a/wsgi.py\n</VirtualHost>\n';
    const text = block.repeat(Math.ceil((4 << 20) / block.length));
    await client.open(big, text, 1);
    const p = await client.waitForDiagnostics(big, (x) => x.version === 1, 120000);
    assert.ok(p.diagnostics.length > 0);
    await stillServing(client, 'a 4 MB document');
  } finally {
    await client.stop();
  }
});

test('1,000 edits in a burst: the last state wins and no publication is older than one before it', async () => {
  const client = await started();
  try {
    const uri = 'file:///tmp/faults/burst.conf';
    await client.open(uri, 'Listen 80\n', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // Odd versions leave a section open (one diagnostic), even ones are clean; the last (1001) is odd.
    const sends: Array<Promise<void>> = [];
    for (let v = 2; v <= 1001; v++) sends.push(client.replace(uri, v % 2 ? `<VirtualHost *:${v}>\n` : 'Listen 80\n', v));
    await Promise.all(sends);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 1001, 60000);
    assert.ok(last.diagnostics.some((d) => d.code === 'syntax-error'));
    await stillServing(client, 'a burst of 1,000 edits');
    const versions = client.published(uri).map((p) => p.version ?? -1);
    for (let k = 1; k < versions.length; k++) assert.ok(versions[k] >= versions[k - 1], `version ${versions[k]} published after ${versions[k - 1]}`);
    assert.equal(versions[versions.length - 1], 1001);
    // Each publication matches its version's text: an odd version has the open section, an even one none.
    for (const p of client.published(uri)) {
      if (p.version && p.version > 1) assert.equal(p.diagnostics.some((d) => d.code === 'syntax-error'), p.version % 2 === 1, `version ${p.version}`);
    }
  } finally {
    await client.stop();
  }
});

test('cancelled requests are answered or dropped, and the server keeps serving', async () => {
  const client = await started();
  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, k) => {
        const source = new CancellationTokenSource();
        const request = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: k % 20 } }, source.token);
        source.cancel();
        return request;
      }),
    );
    // vscode-jsonrpc settles a cancelled request on the client side; the server must simply not fall over.
    assert.equal(outcomes.length, 50);
    client.sendRaw(frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":123456}}'));
    client.sendRaw(frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":null}'));
    await stillServing(client, 'cancellations');
  } finally {
    await client.stop();
  }
});
