// Regular expressions against the worst text we can build: our own patterns run over user text (long runs of
// blanks, quotes, backslashes, `%{`, `${`, commas), and users' own patterns (WSGIScriptAliasMatch, *Match,
// RewriteRule) that would backtrack for ever if anything ran them against a URL. Each input is analysed, with
// every feature at a few places, and must cost about what plain text of the same length costs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/service';
import { hover } from '../../server/features/hover';
import { completion } from '../../server/features/completion';
import { documentSymbols } from '../../server/features/symbols';
import { semanticTokens } from '../../server/features/semanticTokens';
import { pcreCompileError } from '../../server/catalog/wsgi-regex';
import { buildTree } from '../../server/workspace/tree';
import { MemoryFiles } from '../../server/workspace/files';

const N = 100000;
const r = (s: string, n = N / s.length) => s.repeat(Math.ceil(n));

/** Patterns that backtrack exponentially on a near-miss such as 'aaaa…!'. */
const EVIL = ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^(.*a){20}$', '^(\\w+\\s?)*$', '(x+x+)+y', '^((a+)+)+b'];
const NEAR_MISS = 'a'.repeat(40) + '!';

const WORST: Record<string, string> = {
  'a run of blanks': `ServerName${r(' ')}x\n`,
  'a run of tabs and blanks in a section tag': `<VirtualHost${r(' \t')}*:80>\n</VirtualHost>\n`,
  'a run of quotes': r('"'),
  'a run of single quotes as arguments': `ServerAlias ${r("'")}\n`,
  'quotes and backslashes': `Header set X ${r('"\\')}\n`,
  'a run of backslashes': `ServerName ${r('\\')}\n`,
  'a run of backslash-newline': r('a\\\n'),
  '%{ opened again and again': `WSGIApplicationGroup ${r('%{')}\n`,
  '%{ENV: opened again and again': `WSGIProcessGroup ${r('%{ENV:')}\n`,
  '${ opened again and again': `Alias /a ${r('${')}\n`,
  '${A unclosed names': `Define A b\nServerName ${r('${A')}\n`,
  'an <If> expression of %{': `<If "${r('%{')}">\n</If>\n`,
  'options with = everywhere': `WSGIDaemonProcess g ${r('a=')}\n`,
  'an ignore comment with a long list': `# apache-wsgi: ignore=${r('a,')}!\nServerName x\n`,
  'a comment of blanks then text': `#${r(' ')}apache-wsgi\n`,
  'LogLevel with many colons': `LogLevel ${r('a:')}\n`,
  'Options of signs': `Options ${r('+-')}\n`,
  'a host name of dots': `<VirtualHost *:80>\nServerName ${r('a.')}\nServerAlias ${r('*.')}\n</VirtualHost>\n`,
  'RewriteRule flags': `RewriteRule ^/ - [${r('F,')}\n`,
  'many blank lines': r('\n'),
  'many lines of blanks': r('  \t \n'),
  "users' evil patterns with URLs they would hang on": [
    ...EVIL.map((p, i) => `WSGIScriptAliasMatch ${p} /srv/app${i}/wsgi.py`),
    ...EVIL.map((p) => `<LocationMatch "${p}">\nRequire all granted\n</LocationMatch>\n<DirectoryMatch "${p}">\n</DirectoryMatch>\n<FilesMatch "${p}">\n</FilesMatch>`),
    ...EVIL.map((p) => `RewriteRule "${p}" /x [L]\nRewriteCond %{REQUEST_URI} "${p}"\nAliasMatch "${p}" /srv/x\nRedirectMatch 404 "${p}"`),
    `WSGIScriptAlias /${NEAR_MISS} /srv/x/wsgi.py`,
    `Alias /${NEAR_MISS} /srv/x`,
    `<Location /${NEAR_MISS}>\n</Location>`,
    `WSGIScriptAlias / /srv/${NEAR_MISS}/wsgi.py`,
  ].join('\n'),
};

function work(text: string): number {
  const t0 = performance.now();
  const a = analyzeText('file:///worst.conf', text);
  assert.ok(!a.reports.some((x) => x.rule === 'internal-error'), a.reports.find((x) => x.rule === 'internal-error')?.message);
  for (const at of [0, text.length >> 1, text.length]) {
    const p = a.lines.positionAt(at);
    hover(a, p);
    completion(a, p);
  }
  documentSymbols(a);
  semanticTokens(a);
  return performance.now() - t0;
}

test('worst-case text for our regular expressions costs about what plain text of that length costs', () => {
  const plain = (n: number) => work(r('ServerName a.example.com\n', n / 25));
  work(r('x'));
  for (const [what, text] of Object.entries(WORST)) {
    const base = plain(text.length);
    const cost = work(text);
    // Backtracking is exponential or at least quadratic: thousands of times plain text, not a small factor.
    assert.ok(cost < 20 * base + 1500, `${what}: ${Math.round(cost)} ms against ${Math.round(base)} ms for plain text of the same length`);
  }
});

test("users' patterns are only compiled: evil ones are judged at once, broken ones reported", () => {
  const t0 = performance.now();
  for (const p of EVIL) assert.equal(pcreCompileError(p), null, p);
  for (const p of EVIL) assert.equal(pcreCompileError(p.repeat(2000)), null);
  assert.match(pcreCompileError('(a' + '(b'.repeat(5000)) ?? '', /./);
  assert.ok(performance.now() - t0 < 5000);
});

test('an envvars file of blank lines reads in linear time (no line-start rescans)', () => {
  const files = new MemoryFiles({ '/etc/apache2/apache2.conf': 'Listen 80\n', '/etc/apache2/envvars': '\n'.repeat(200000) + ' \t'.repeat(50000) + 'export A=1\n' });
  const t0 = performance.now();
  const tree = buildTree(files, '/etc/apache2/apache2.conf');
  assert.equal(tree.environment.get('A'), '1');
  assert.ok(performance.now() - t0 < 5000);
});
