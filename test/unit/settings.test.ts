// The apacheWsgi settings: package.json documents every rule id and every command the client registers; raw
// settings (editor or .apache-wsgi.json) are validated the same way; includeSearchPaths finds Include targets.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, ruleIds, ruleSchema } from '../../server/config/ruleList';
import { resolveSettings } from '../../server/config/settings';
import { analyzeText } from '../../server/service';
import { buildTree } from '../../server/workspace/tree';
import { MemoryFiles } from '../../server/workspace/files';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;

test('every registered rule id is documented in the apacheWsgi.rules schema, with its default', () => {
  const documented = props['apacheWsgi.rules'].properties as Record<string, { default: string; enum: string[]; markdownDescription: string }>;
  const expected = ruleSchema(allRules);
  const missing = allRules.filter((r) => !(r.id in documented)).map((r) => r.id);
  const stale = Object.keys(documented).filter((id) => !ruleIds.has(id));
  const hint = 'run `node scripts/sync-rule-settings.mjs` to regenerate the apacheWsgi.rules schema';
  assert.deepEqual(missing, [], `rules missing from package.json: ${hint}`);
  assert.deepEqual(stale, [], `package.json lists rules that no longer exist: ${hint}`);
  // Defaults must agree (the settings UI shows them); descriptions may lag a reword until the next sync.
  const defaults = (o: Record<string, { default?: unknown; enum?: unknown }>) => Object.fromEntries(Object.entries(o).map(([id, v]) => [id, [v.default, v.enum]]));
  assert.deepEqual(defaults(documented), defaults(expected as typeof documented), `defaults differ from the rules: ${hint}`);
  assert.equal(props['apacheWsgi.rules'].additionalProperties, false, 'a misspelt rule id is flagged in settings.json');
});

test('the documented settings are the ones the server and CLI read', () => {
  assert.deepEqual(Object.keys(props).sort(), [
    'apacheWsgi.apacheBinary',
    'apacheWsgi.apacheVersion',
    'apacheWsgi.includeSearchPaths',
    'apacheWsgi.maxProblems',
    'apacheWsgi.rules',
    'apacheWsgi.serverRoot',
    'apacheWsgi.trace.server',
  ]);
  // What VS Code sends when nothing is set: the defaults, which must resolve without a single note.
  const defaults = { rules: {}, apacheVersion: '2.4', serverRoot: '', includeSearchPaths: [], maxProblems: 1000, apacheBinary: '', trace: { server: 'off' } };
  for (const [k, v] of Object.entries(defaults)) if (k !== 'trace') assert.deepEqual(props[`apacheWsgi.${k}`].default, v, k);
  const r = resolveSettings(defaults, '/ws', ruleIds);
  assert.deepEqual(r.notes, []);
  assert.deepEqual(r, { analysis: { severities: {}, apacheVersion: '2.4' }, tree: { includeSearchPaths: [] }, maxProblems: 1000, notes: [] });
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['apacheWsgi.apacheBinary']);
});

test('every contributed command is registered by the client, and Check With Installed Apache needs trust', () => {
  const client = fs.readFileSync(path.join(ROOT, 'client/commands.ts'), 'utf8');
  const registered = [...client.matchAll(/register\('([\w.]+)'/g)].map((m) => m[1]).sort();
  const contributed = (pkg.contributes.commands as Array<{ command: string; category: string }>).map((c) => c.command).sort();
  assert.deepEqual(registered, contributed);
  assert.ok(pkg.contributes.commands.every((c: { category: string }) => c.category === 'Apache WSGI'));
  const check = pkg.contributes.commands.find((c: { command: string }) => c.command === 'apacheWsgi.checkWithApache');
  assert.equal(check.enablement, 'isWorkspaceTrusted');
  assert.deepEqual(pkg.activationEvents, ['onLanguage:apacheconf']);
  assert.equal(pkg.engines.vscode, '^1.100.0');
});

test('bad values are dropped with a note each; relative paths resolve against the base directory', () => {
  const r = resolveSettings(
    {
      rules: { 'wsgi-daemon-unused': 'off', 'no-such-rule': 'error', 'syntax-error': 'loud' },
      apacheVersion: '2.0',
      serverRoot: 'etc/apache2',
      includeSearchPaths: ['mirror', '/abs'],
      maxProblems: -3,
      apacheBinary: 'bin/apachectl',
      colour: 'blue',
    },
    '/ws',
    ruleIds,
  );
  assert.deepEqual(r.analysis, { severities: { 'wsgi-daemon-unused': 'off' } });
  assert.deepEqual(r.tree, { serverRoot: '/ws/etc/apache2', includeSearchPaths: ['/ws/mirror', '/abs'] });
  assert.equal(r.maxProblems, 1000);
  assert.equal(r.apacheBinary, '/ws/bin/apachectl');
  assert.deepEqual(r.notes, [
    `"rules": unknown rule id 'no-such-rule'`,
    `"rules": 'syntax-error' must be off, hint, information, warning or error, not "loud"`,
    '"apacheVersion" must be "2.4" or "2.2", not "2.0"',
    '"maxProblems" must be a positive whole number, not -3',
    "unknown setting 'colour'",
  ]);
  assert.deepEqual(resolveSettings([1], '/ws', ruleIds).notes, ['settings must be an object']);
});

test('apacheVersion 2.2 turns deprecated-access-control off; a severity setting changes the severity', () => {
  const text = '<Directory /srv/app>\n    Order allow,deny\n    Allow from all\n</Directory>\n';
  const found = (raw: object) => analyzeText('file:///a.conf', text, 0, resolveSettings(raw, undefined, ruleIds).analysis).reports.filter((r) => r.rule === 'deprecated-access-control');
  assert.ok(found({}).length > 0);
  assert.equal(found({ apacheVersion: '2.2' }).length, 0);
  assert.ok(found({ rules: { 'deprecated-access-control': 'hint' } }).every((r) => r.severity === 'hint'));
  assert.equal(found({ rules: { 'deprecated-access-control': 'off' } }).length, 0);
});

test('includeSearchPaths: an Include target missing under the ServerRoot is found under a search root', () => {
  const files = new MemoryFiles({
    '/ws/conf/apache2.conf': 'Include /etc/apache2/sites-enabled/*.conf\nInclude extra/wsgi.conf\n',
    '/ws/mirror/etc/apache2/sites-enabled/shop.conf': 'ServerName shop.example.com\n',
    '/ws/shared/extra/wsgi.conf': 'WSGIDaemonProcess shop\n',
  });
  const without = buildTree(files, '/ws/conf/apache2.conf');
  assert.deepEqual(without.problems.map((p) => p.kind), ['not-found', 'not-found']);
  const tree = buildTree(files, '/ws/conf/apache2.conf', { includeSearchPaths: ['/ws/mirror', '/ws/shared'] });
  assert.deepEqual(tree.problems, []);
  assert.deepEqual([...tree.files.keys()], ['/ws/conf/apache2.conf', '/ws/mirror/etc/apache2/sites-enabled/shop.conf', '/ws/shared/extra/wsgi.conf']);
  // A search root also stands in for the ServerRoot of an absolute path under a well-known root.
  const flat = new MemoryFiles({ '/ws/conf/apache2.conf': 'Include /etc/apache2/sites-enabled/shop.conf\n', '/ws/flat/sites-enabled/shop.conf': 'ServerName a\n' });
  assert.deepEqual(buildTree(flat, '/ws/conf/apache2.conf', { includeSearchPaths: ['/ws/flat'] }).problems, []);
});
