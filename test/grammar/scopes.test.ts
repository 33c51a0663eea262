// Assertion tests: specific scopes on specific tokens, so a grammar regression fails with a readable message even
// when someone regenerates the snapshots without reading them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GRAMMAR_PATH, ROOT, SCOPE, tokenize, type LineTokens } from './tokenize';

interface Expect {
  /** 0-based line of the case text (default 0). */
  line?: number;
  /** The exact text to look at, its nth occurrence on that line (default 0). */
  at: string;
  nth?: number;
  /** Every character must carry a scope equal to, or a dotted child of, `has`… */
  has?: string;
  /** …and none may carry `not` (same matching). */
  not?: string;
}

interface Case {
  name: string;
  text: string;
  expect: Expect[];
}

const under = (scope: string, prefix: string) => scope === prefix || scope.startsWith(prefix + '.');

function scopesOf(lines: LineTokens[], e: Expect): string[][] {
  const l = lines[e.line ?? 0];
  assert.ok(l, `no line ${e.line}`);
  let from = -1;
  for (let k = 0; k <= (e.nth ?? 0); k++) {
    from = l.src.indexOf(e.at, from + 1);
    assert.ok(from >= 0, `${JSON.stringify(e.at)} (occurrence ${k}) not on line ${JSON.stringify(l.src)}`);
  }
  const out: string[][] = [];
  for (let i = from; i < from + e.at.length; i++) out.push(l.tokens.find((t) => t.startIndex <= i && i < t.endIndex)!.scopes);
  return out;
}

function check(lines: LineTokens[], e: Expect): void {
  const perChar = scopesOf(lines, e);
  const where = `${JSON.stringify(e.at)} on line ${e.line ?? 0} (${JSON.stringify(lines[e.line ?? 0].src)})`;
  if (e.has) {
    const bad = perChar.find((s) => !s.some((x) => under(x, e.has!)));
    assert.ok(!bad, `${where} lacks ${e.has}: has ${bad?.join(' ')}`);
  }
  if (e.not) {
    const bad = perChar.find((s) => s.some((x) => under(x, e.not!)));
    assert.ok(!bad, `${where} must not be ${e.not}: has ${bad?.join(' ')}`);
  }
}

const DIRECTIVE = 'support.function.directive.apacheconf';
const WSGI_DIRECTIVE = 'support.type.directive.wsgi.apacheconf';
const WSGI_OPTION = 'variable.parameter.option.wsgi.apacheconf';
const COMMENT = 'comment.line.number-sign.apacheconf';
const CONTINUATION = 'constant.character.escape.line-continuation.apacheconf';
const REGEXP = 'string.regexp.apacheconf';

const cases: Case[] = [
  // Comments: only at the start of a line, and a trailing backslash continues them like Apache does.
  { name: 'line-start comment', text: '# ServerName x', expect: [{ at: 'ServerName x', has: COMMENT }, { at: '#', has: 'punctuation.definition.comment' }] },
  { name: 'indented comment', text: '    # note', expect: [{ at: '# note', has: COMMENT }] },
  {
    name: 'a # after arguments is not a comment',
    text: 'ServerAdmin ops@example.com # on call \\\n  # still arguments\nServerName x\nUser #33',
    expect: [
      { at: '# on call', has: 'invalid.illegal.trailing-comment.apacheconf' },
      { at: '# on call', not: 'comment' },
      { at: '# on call', has: 'meta.directive.apacheconf' },
      { at: 'ops@example.com', not: 'invalid' },
      { at: '\\', has: CONTINUATION },
      { line: 1, at: '# still arguments', has: 'invalid.illegal.trailing-comment.apacheconf' },
      { line: 2, at: 'ServerName', has: DIRECTIVE },
      { line: 3, at: '#33', not: 'invalid' },
    ],
  },
  { name: 'a # inside a word is plain text', text: 'IndexIgnore *# RCS', expect: [{ at: '*#', not: 'invalid' }, { at: '*#', not: 'comment' }] },
  {
    name: 'a comment ending in a backslash swallows the next line',
    text: '# old settings \\\nServerName old.example.com\nServerName new.example.com',
    expect: [
      { at: '\\', has: CONTINUATION },
      { line: 1, at: 'ServerName old.example.com', has: COMMENT },
      { line: 1, at: 'ServerName', not: DIRECTIVE },
      { line: 2, at: 'ServerName', has: DIRECTIVE },
      { line: 2, at: 'new.example.com', not: COMMENT },
    ],
  },
  // Continuations keep the directive's argument scopes on the next line and end where Apache ends the line.
  {
    name: 'continued WSGIDaemonProcess keeps option scopes',
    text: 'WSGIDaemonProcess app \\\n    threads=1 \\\n    python-home=/srv/venv\nWSGIProcessGroup app',
    expect: [
      { at: '\\', has: CONTINUATION },
      { line: 1, at: 'threads', has: WSGI_OPTION },
      { line: 1, at: 'threads', not: DIRECTIVE },
      { line: 1, at: '1', has: 'constant.numeric' },
      { line: 2, at: 'python-home', has: WSGI_OPTION },
      { line: 3, at: 'WSGIProcessGroup', has: WSGI_DIRECTIVE },
      { line: 3, at: 'app', not: WSGI_OPTION },
    ],
  },
  {
    name: 'a quoted string continues across a backslash',
    text: 'Header set X "a \\\nb" c\nServerName x',
    expect: [
      { line: 1, at: 'b"', has: 'string.quoted.double' },
      { line: 1, at: 'c', not: 'string' },
      { line: 2, at: 'ServerName', has: DIRECTIVE },
    ],
  },
  {
    name: 'a double backslash at the end still continues',
    text: 'Options \\\\\n    -Indexes',
    expect: [{ line: 1, at: '-', has: 'keyword.operator.modifier' }, { line: 1, at: 'Indexes', not: DIRECTIVE }],
  },
  {
    name: 'a continued line that starts with # holds arguments',
    text: 'LogLevel info \\\n# trace8\nServerName x',
    expect: [{ line: 1, at: '#', has: 'invalid.illegal.trailing-comment' }, { line: 1, at: 'trace8', not: COMMENT }, { line: 2, at: 'ServerName', has: DIRECTIVE }],
  },
  {
    name: 'a backslash that is not at the end is no continuation',
    text: 'RewriteRule ^/a\\.b$ /c\nServerName x',
    expect: [{ at: '\\.', has: 'constant.character.escape.regexp' }, { line: 1, at: 'ServerName', has: DIRECTIVE }],
  },
  {
    name: 'continued section tag',
    text: '<VirtualHost *:80 \\\n    [::1]:80>\n    ServerName x',
    expect: [
      { line: 1, at: '[::1]', has: 'constant.numeric.ip-address.ipv6' },
      { line: 1, at: '>', has: 'punctuation.definition.tag.end' },
      { line: 2, at: 'ServerName', has: DIRECTIVE },
    ],
  },
  // Directive names are generic tokens: every module's directives highlight, mod_wsgi's are distinguished.
  {
    name: 'directive names of any module',
    text: 'MDomain example.org\nAnonymous_NoUserId on\nSomeFutureDirective 1\nproxypass /a http://b/',
    expect: [
      { at: 'MDomain', has: DIRECTIVE },
      { line: 1, at: 'Anonymous_NoUserId', has: DIRECTIVE },
      { line: 2, at: 'SomeFutureDirective', has: DIRECTIVE },
      { line: 3, at: 'proxypass', has: DIRECTIVE },
    ],
  },
  {
    name: 'mod_wsgi directives, any case',
    text: 'WSGIScriptAlias / /srv/app/wsgi.py process-group=app application-group=%{GLOBAL}\nwsgiprocessgroup app',
    expect: [
      { at: 'WSGIScriptAlias', has: WSGI_DIRECTIVE },
      { at: 'WSGIScriptAlias', not: DIRECTIVE },
      { at: 'process-group', has: WSGI_OPTION },
      { at: '=', has: 'keyword.operator.assignment' },
      { at: 'application-group', has: WSGI_OPTION },
      { at: '%{GLOBAL}', has: 'variable.language.expansion' },
      { line: 1, at: 'wsgiprocessgroup', has: WSGI_DIRECTIVE },
    ],
  },
  {
    name: 'WSGIDaemonProcess group name and quoted option values',
    text: `WSGIDaemonProcess shop python-path="/srv/my app:/srv/lib" lang='C.UTF-8' threads=15`,
    expect: [
      { at: 'shop', has: 'entity.name.function.process-group.wsgi' },
      { at: '"/srv/my app:/srv/lib"', has: 'string.quoted.double' },
      { at: "'C.UTF-8'", has: 'string.quoted.single' },
      { at: 'threads', has: WSGI_OPTION },
      { at: '15', has: 'constant.numeric' },
    ],
  },
  {
    name: 'key=value words of other directives are not mod_wsgi options',
    text: 'ProxyPass /app http://127.0.0.1:8000/ retry=5',
    expect: [{ at: 'retry', not: WSGI_OPTION }, { at: '5', has: 'constant.numeric' }],
  },
  // Sections and addresses.
  {
    name: 'VirtualHost addresses',
    text: '<VirtualHost *:80 [::1]:443 192.0.2.1:8080 _default_:* www.example.com>\n</VirtualHost>',
    expect: [
      { at: '<', has: 'punctuation.definition.tag.begin' },
      { at: 'VirtualHost', has: 'entity.name.tag' },
      { at: '*', has: 'constant.language.wildcard' },
      { at: '80', has: 'constant.numeric.port' },
      { at: '[::1]', has: 'constant.numeric.ip-address.ipv6' },
      { at: '443', has: 'constant.numeric.port' },
      { at: '192.0.2.1', has: 'constant.numeric.ip-address.ipv4' },
      { at: '_default_', has: 'constant.language.default' },
      { at: '*', nth: 1, has: 'constant.language.wildcard' },
      { at: 'www.example.com', has: 'string.unquoted.hostname' },
      { at: '>', has: 'punctuation.definition.tag.end' },
      { line: 1, at: '</', has: 'punctuation.definition.tag.begin' },
      { line: 1, at: 'VirtualHost', has: 'entity.name.tag' },
    ],
  },
  {
    name: 'Listen addresses',
    text: 'Listen 80\nListen [::]:443 https',
    expect: [{ at: '80', has: 'constant.numeric.port' }, { line: 1, at: '[::]', has: 'constant.numeric.ip-address.ipv6' }, { line: 1, at: '443', has: 'constant.numeric.port' }],
  },
  {
    name: 'negated and compared section arguments',
    text: '<IfModule !mod_wsgi.c>\n<IfVersion >= 2.4.10>',
    expect: [{ at: '!', has: 'keyword.operator.logical.not' }, { line: 1, at: '>=', has: 'keyword.operator.comparison' }, { line: 1, at: '2.4.10', has: 'constant.numeric' }],
  },
  // Strings, variables, numbers, On/Off.
  {
    name: 'quotes open only at the start of a word',
    text: `Header set X-A "it's \\"ok\\"" a"b c" 'single'`,
    expect: [
      { at: `"it's \\"ok\\""`, has: 'string.quoted.double' },
      { at: '\\"', has: 'constant.character.escape' },
      { at: 'a"b', not: 'string' },
      { at: `'single'`, has: 'string.quoted.single' },
    ],
  },
  {
    name: 'unterminated quote ends with the line',
    text: 'Header set X "open\nServerName x',
    expect: [{ at: 'open', has: 'string.quoted.double' }, { line: 1, at: 'ServerName', has: DIRECTIVE }],
  },
  {
    name: 'defines and expansions',
    text: 'ErrorLog ${APACHE_LOG_DIR}/error.log\nRewriteCond %{ENV:REDIRECT_STATUS} ^$\nRewriteCond %{HTTP_HOST} ^www\\.',
    expect: [
      { at: '${APACHE_LOG_DIR}', has: 'variable.other.define' },
      { at: '/error.log', not: 'variable' },
      { line: 1, at: '%{ENV:REDIRECT_STATUS}', has: 'variable.language.expansion' },
      { line: 1, at: 'ENV', has: 'support.type.expansion-prefix' },
      { line: 2, at: '%{HTTP_HOST}', has: 'variable.language.expansion' },
    ],
  },
  {
    name: 'numbers and On/Off',
    text: 'Timeout 300\nKeepAlive On\nHostnameLookups off\nServerSignature Online\nServerName host8080',
    expect: [
      { at: '300', has: 'constant.numeric' },
      { line: 1, at: 'On', has: 'constant.language.boolean' },
      { line: 2, at: 'off', has: 'constant.language.boolean' },
      { line: 3, at: 'Online', not: 'constant.language.boolean' },
      { line: 4, at: '8080', not: 'constant.numeric' },
    ],
  },
  // Regular expressions and mod_rewrite.
  {
    name: 'RewriteRule pattern, back-references and flags',
    text: 'RewriteRule ^/?(.*)$ https://%1/$1 [L,R=301,E=X:1]',
    expect: [
      { at: '^/?(.*)$', has: REGEXP },
      { at: '^', has: 'keyword.control.anchor.regexp' },
      { at: '(', has: 'punctuation.definition.group.regexp' },
      { at: 'https://', not: REGEXP },
      { at: '%1', has: 'variable.other.backreference' },
      { at: '$1', has: 'variable.other.backreference' },
      { at: '[L,R=301,E=X:1]', has: 'meta.flags' },
      { at: 'L', has: 'keyword.other.flag' },
      { at: 'R', nth: 2, has: 'keyword.other.flag' },
      { at: '301', has: 'constant.numeric' },
      { at: ',', has: 'punctuation.separator.comma' },
    ],
  },
  {
    name: 'negated RewriteRule pattern and no substitution',
    text: 'RewriteRule !^/static/ - [F]',
    expect: [{ at: '!', has: 'keyword.operator.logical.not' }, { at: '^/static/', has: REGEXP }, { at: '-', has: 'keyword.operator.no-substitution' }],
  },
  {
    name: 'RewriteCond test strings, patterns and tests',
    text: 'RewriteCond %{HTTP_HOST} ^(www\\.)?example\\.com$ [NC,OR]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{HTTPS} !=on\nRewriteCond "%{HTTP:X-Proto}" "!^https$"',
    expect: [
      { at: '%{HTTP_HOST}', not: REGEXP },
      { at: '^(www\\.)?example\\.com$', has: REGEXP },
      { at: 'NC', has: 'keyword.other.flag' },
      { line: 1, at: '-f', has: 'keyword.operator.test' },
      { line: 1, at: '-f', not: REGEXP },
      { line: 2, at: '=', has: 'keyword.operator.comparison' },
      { line: 2, at: 'on', not: 'constant.language.boolean' },
      { line: 3, at: '"!^https$"', has: REGEXP },
      { line: 3, at: '!', has: 'keyword.operator.logical.not' },
    ],
  },
  {
    name: 'regex arguments of *Match directives and sections',
    text: 'AliasMatch ^/img/(.*) /srv/img/$1\nRedirectMatch 301 ^/old(.*) /new$1\nWSGIScriptAliasMatch ^/(\\w+) /srv/$1.wsgi\nSetEnvIf Request_URI \\.gif$ image\n<FilesMatch "\\.(py|pyc)$">\n<Directory ~ "^/srv/[a-z]+">',
    expect: [
      { at: '^/img/(.*)', has: REGEXP },
      { at: '/srv/img/', not: REGEXP },
      { line: 1, at: '301', has: 'constant.other.status' },
      { line: 1, at: '^/old(.*)', has: REGEXP },
      { line: 2, at: 'WSGIScriptAliasMatch', has: WSGI_DIRECTIVE },
      { line: 2, at: '^/(\\w+)', has: REGEXP },
      { line: 2, at: '\\w', has: 'constant.character.character-class.regexp' },
      { line: 3, at: 'Request_URI', not: REGEXP },
      { line: 3, at: '\\.gif$', has: REGEXP },
      { line: 4, at: '"\\.(py|pyc)$"', has: REGEXP },
      { line: 4, at: '|', has: 'keyword.operator.or.regexp' },
      { line: 5, at: '~', has: 'keyword.operator.regexp' },
      { line: 5, at: '[a-z]', has: 'constant.other.character-class.set.regexp' },
    ],
  },
  // ap_expr expressions and Require providers.
  {
    name: '<If> expressions',
    text: `<If "%{HTTP_HOST} == 'example.com' && %{REQUEST_URI} =~ m#^/api/#">\n<ElseIf "-z req('X-Token')">`,
    expect: [
      { at: '%{HTTP_HOST}', has: 'meta.embedded.expression' },
      { at: '==', has: 'keyword.operator.comparison' },
      { at: `'example.com'`, has: 'string.quoted.single' },
      { at: '&&', has: 'keyword.operator.logical' },
      { at: '=~', has: 'keyword.operator.match' },
      { at: '^/api/', has: REGEXP },
      { at: '>', nth: 0, has: 'punctuation.definition.tag.end' },
      { line: 1, at: '-z', has: 'keyword.operator.word' },
      { line: 1, at: 'req', has: 'support.function.expression' },
    ],
  },
  {
    name: 'Require providers',
    text: `Require all granted\nRequire not ip 10.0.0.0/8 2001:db8::/32\nRequire ldap-group cn=staff\nRequire expr "%{REMOTE_ADDR} -ipmatch '192.0.2.0/24'"`,
    expect: [
      { at: 'all', has: 'support.constant.provider' },
      { at: 'granted', has: 'constant.language.access' },
      { line: 1, at: 'not', has: 'keyword.operator.logical.not' },
      { line: 1, at: 'ip', has: 'support.constant.provider' },
      { line: 1, at: '10.0.0.0', has: 'constant.numeric.ip-address.ipv4' },
      { line: 1, at: '8', has: 'constant.numeric.netmask' },
      { line: 1, at: '2001:db8::', has: 'constant.numeric.ip-address.ipv6' },
      { line: 2, at: 'ldap-group', has: 'support.constant.provider' },
      { line: 3, at: 'expr', has: 'support.constant.provider' },
      { line: 3, at: '-ipmatch', has: 'keyword.operator.word' },
    ],
  },
  {
    name: 'ignore comments',
    text: '# apache-wsgi: ignore=wsgi-daemon-unused,vhost-duplicate\n# apache-wsgi: ignore-file=wsgi-embedded-mode',
    expect: [
      { at: 'ignore', has: 'keyword.control.ignore' },
      { at: 'wsgi-daemon-unused,vhost-duplicate', has: 'constant.other.rule-id' },
      { at: 'wsgi-daemon-unused', has: COMMENT },
      { line: 1, at: 'ignore-file', has: 'keyword.control.ignore' },
    ],
  },
];

for (const c of cases) {
  test(`grammar: ${c.name}`, async () => {
    const lines = await tokenize(c.text);
    for (const e of c.expect) check(lines, e);
  });
}

test('CRLF text tokenizes like LF text', async () => {
  const lf = 'WSGIDaemonProcess a \\\n  threads=2\n# c \\\nServerName x\n';
  assert.deepEqual(await tokenize(lf.replace(/\n/g, '\r\n')), await tokenize(lf));
});

test('grammar structure: every include resolves and every repository rule is used', () => {
  const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  const includes = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'include' && typeof x === 'string') includes.add(x);
        else visit(x);
      }
    }
  };
  visit(grammar);
  const repo = Object.keys(grammar.repository);
  assert.deepEqual([...includes].filter((i) => !i.startsWith('#') || !repo.includes(i.slice(1))), []);
  assert.deepEqual(repo.filter((r) => !includes.has('#' + r)), []);
});

test('the grammar is registered for apacheconf, which covers .htaccess', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const grammar = pkg.contributes.grammars.find((g: { language?: string }) => g.language === 'apacheconf');
  assert.equal(grammar.scopeName, SCOPE);
  assert.equal(path.resolve(ROOT, grammar.path), GRAMMAR_PATH);
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'apacheconf');
  assert.ok(lang.filenames.includes('.htaccess'));
});
