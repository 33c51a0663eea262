// The snippets: exactly the ones issue 7 lists, well-formed for VS Code, and every body, inserted with its
// defaults, is configuration our own parser and rules accept (daemon mode stays daemon mode). Where Apache or
// Python is installed, the expanded bodies also pass `apache2 -t` and the WSGI script answers a request.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parser as python } from '@lezer/python';
import { parse } from '../../server/syntax/parser';
import { analyzeText } from '../../server/service';
import { ROOT, tokenize } from './tokenize';
import { expandSnippet, parseSnippet } from './snippet-expand';
import { apacheConfigTest } from './apache-configtest';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const load = (rel: string): Record<string, Snippet> => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const apache = load('snippets/apacheconf.json');
const pythonSnippets = load('snippets/python-wsgi.json');
const apacheSnippets = Object.values(apache);
const byPrefix = (p: string) => apacheSnippets.find((s) => s.prefix === p)!;

test('snippet files are contributed for their languages', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = (pkg.contributes.snippets as Array<{ language: string; path: string }>).map((s) => `${s.language} ${path.normalize(s.path)}`);
  assert.ok(contributed.includes(`apacheconf ${path.normalize('./snippets/apacheconf.json')}`), contributed.join(', '));
  assert.ok(contributed.includes(`python ${path.normalize('./snippets/python-wsgi.json')}`), contributed.join(', '));
});

test('exactly the snippets of issue 7, with grouped prefixes and descriptions', () => {
  assert.deepEqual(apacheSnippets.map((s) => s.prefix).sort(), [
    'apache-default-vhost',
    'wsgi-daemon-process',
    'wsgi-django',
    'wsgi-flask',
    'wsgi-https-vhost',
    'wsgi-restrict-embedded',
    'wsgi-vhost',
  ]);
  // The middleware snippets are issue 10's (engineer G; their own tests are in test/unit/python/snippets.test.ts).
  assert.deepEqual(Object.values(pythonSnippets).map((s) => s.prefix), ['wsgi-mode-check', 'wsgi-middleware-passthrough', 'wsgi-middleware-transform']);
  for (const s of [...apacheSnippets, ...Object.values(pythonSnippets)]) {
    assert.match(s.prefix, /^(wsgi|apache)-[a-z]+(-[a-z]+)*$/);
    assert.ok(s.description.length >= 40 && s.description.endsWith('.'), `${s.prefix}: description`);
    assert.ok(Array.isArray(s.body) && s.body.length > 0, `${s.prefix}: body`);
  }
});

test('snippets have placeholders numbered 1..n, choices where a value is one of a few', () => {
  for (const s of [...apacheSnippets, ...Object.values(pythonSnippets)]) {
    const { tabstops } = parseSnippet(s.body);
    assert.ok(tabstops.length > 0, `${s.prefix} has no placeholder`);
    assert.deepEqual([...tabstops].sort((a, b) => a - b), tabstops.map((_, i) => i + 1), `${s.prefix}: tabstops ${tabstops}`);
  }
  assert.deepEqual(parseSnippet(byPrefix('wsgi-restrict-embedded').body).choices, [1]);
  assert.deepEqual(parseSnippet(byPrefix('wsgi-daemon-process').body).choices, [2, 3]);
  assert.match(expandSnippet(byPrefix('wsgi-restrict-embedded').body), /^WSGIRestrictEmbedded On$/m);
});

test('the expander follows VS Code snippet syntax', () => {
  assert.equal(expandSnippet('a ${1:x} $1 ${2|p,q|} ${3:${1}/y} \\$4 %{G} $0'), 'a x x p x/y $4 %{G} ');
  assert.equal(expandSnippet('${1:a\\}b}', { 1: 'z' }), 'z');
  assert.throws(() => expandSnippet('${1:a} ${1:b}'), /two different defaults/);
  assert.throws(() => expandSnippet('${1:open'), /unclosed/);
  assert.throws(() => expandSnippet('$TM_FILENAME'), /variables/);
});

for (const s of apacheSnippets) {
  test(`snippet ${s.prefix}: parses without problems and is accepted by our rules`, async () => {
    const text = expandSnippet(s.body);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'an unexpanded placeholder');
    assert.deepEqual(parse(text).problems.map((p) => p.message), []);
    const reports = analyzeText('file:///snippet.conf', text).reports;
    assert.deepEqual(reports.filter((r) => r.severity === 'error').map((r) => `${r.rule}: ${r.message}`), []);
    if (/^\s*WSGIDaemonProcess\b/m.test(text)) {
      // Daemon-mode snippets must delegate to their group: that is the point of them.
      const wrong = reports.filter((r) => r.rule === 'wsgi-daemon-unused' || r.rule === 'wsgi-embedded-mode');
      assert.deepEqual(wrong.map((r) => `${r.rule}: ${r.message}`), []);
    }
    // Nothing the grammar flags as suspicious either.
    for (const line of await tokenize(text)) {
      for (const t of line.tokens) assert.ok(!t.scopes.some((x) => x.startsWith('invalid.')), `${s.prefix}: ${line.src}`);
    }
  });
}

test('daemon-mode snippets define a group and delegate to that same group', () => {
  for (const p of ['wsgi-vhost', 'wsgi-django', 'wsgi-flask', 'wsgi-daemon-process', 'wsgi-https-vhost']) {
    const text = expandSnippet(byPrefix(p).body);
    const daemons = [...text.matchAll(/^\s*WSGIDaemonProcess\s+(\S+)/gm)].map((m) => m[1]);
    const groups = [...text.matchAll(/^\s*WSGIProcessGroup\s+(\S+)/gm)].map((m) => m[1]);
    assert.equal(daemons.length, 1, p);
    assert.deepEqual(groups, daemons, p);
  }
});

test('typed values flow into every mirror', () => {
  const text = expandSnippet(byPrefix('wsgi-django').body, { 3: '/srv/blog', 4: 'blog', 8: 'blogsite' });
  assert.match(text, /Alias \/static\/ \/srv\/blog\/static\//);
  assert.match(text, /python-home=\/srv\/blog\/venv python-path=\/srv\/blog /);
  assert.match(text, /WSGIProcessGroup blog$/m);
  assert.match(text, /WSGIScriptAlias \/ \/srv\/blog\/blogsite\/wsgi\.py$/m);
  assert.match(text, /<Directory \/srv\/blog\/blogsite>/);
});

// `apache2 -t` on each expanded snippet: the strongest evidence a snippet is real configuration.
for (const s of apacheSnippets) {
  test(`snippet ${s.prefix}: apache2 -t says Syntax OK`, (t) => {
    const verdict = apacheConfigTest(s.prefix, (certs) => expandSnippet(s.body, s.prefix === 'wsgi-https-vhost' && certs ? { 2: certs.cert, 3: certs.key } : {}));
    if (verdict.skipped) return t.skip(verdict.skipped);
    assert.equal(verdict.status, 0, verdict.output);
    assert.match(verdict.output, /Syntax OK/);
  });
}

const modeCheck = Object.values(pythonSnippets)[0];

test('wsgi-mode-check is valid Python that reports the mode values', () => {
  const code = expandSnippet(modeCheck.body);
  const errors: number[] = [];
  python.parse(code).iterate({ enter: (n) => void (n.type.isError && errors.push(n.from)) });
  assert.deepEqual(errors, [], 'lezer found syntax errors');
  assert.match(code, /^def application\(environ, start_response\):/m);
  for (const key of ['mod_wsgi.process_group', 'wsgi.multithread']) assert.ok(code.includes(`'${key}'`), key);
});

test('wsgi-mode-check answers a WSGI request in daemon and in embedded mode', (t) => {
  const py = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (py.status !== 0) return t.skip('python3 is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsgi-mode-check-'));
  try {
    fs.writeFileSync(path.join(dir, 'check.wsgi'), expandSnippet(modeCheck.body));
    const driver = [
      'import importlib.machinery, json, sys',
      "app = importlib.machinery.SourceFileLoader('check', sys.argv[1]).load_module().application",
      'out = []',
      "for env in ({'mod_wsgi.process_group': 'shop', 'mod_wsgi.application_group': '', 'wsgi.multithread': True, 'wsgi.multiprocess': True},",
      "            {'mod_wsgi.process_group': '', 'mod_wsgi.application_group': 'h|/', 'wsgi.multithread': False, 'wsgi.multiprocess': True}):",
      '    seen = []',
      '    body = b"".join(app(env, lambda status, headers: seen.append((status, dict(headers)))))',
      "    out.append({'status': seen[0][0], 'length': seen[0][1]['Content-Length'], 'size': len(body), 'text': body.decode()})",
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', driver, path.join(dir, 'check.wsgi')], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 0, r.stderr);
    const [daemon, embedded] = JSON.parse(r.stdout) as Array<{ status: string; length: string; size: number; text: string }>;
    assert.equal(daemon.status, '200 OK');
    assert.equal(Number(daemon.length), daemon.size);
    assert.match(daemon.text, /^mode: daemon \(process group 'shop'\)$/m);
    assert.match(daemon.text, /^wsgi\.multithread = True$/m);
    assert.match(embedded.text, /^mode: embedded in an Apache worker$/m);
    assert.match(embedded.text, /^mod_wsgi\.process_group = ''$/m);
    assert.match(embedded.text, /^wsgi\.multithread = False$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
