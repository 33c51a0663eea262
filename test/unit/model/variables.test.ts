// ${VAR} substitution (server/model/variables.ts) and the environment (Debian's envvars) reaching the rules in
// whole-server analysis.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { substitute, setEnvironment } from '../../../server/model/variables';
import { definesAt, reachOf, variablesAt } from '../../../server/catalog/wsgi-reach';
import { parse } from '../../../server/syntax/parser';
import { MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { analyzeText } from '../../../server/service';

test('substitute: known names replaced, unknown and value-less ones kept and listed', () => {
  const vars = { defined: new Map<string, string | null>([['A', '/srv'], ['B', null], ['A B', 'blank']]), environment: new Map([['A', 'env'], ['LOG', '/var/log']]) };
  assert.deepEqual(substitute('${A}/x ${LOG}/y', vars), { text: '/srv/x /var/log/y', unresolved: [], inserted: ['/srv', '/var/log'] });
  assert.deepEqual(substitute('${B}-${C}', vars), { text: '${B}-${C}', unresolved: ['B', 'C'], inserted: [] });
  // Apache takes the name up to the first `}`, blanks included; `$A` and an unclosed `${` are plain text.
  assert.deepEqual(substitute('${A B} $A ${A', vars).text, 'blank $A ${A');
  assert.deepEqual(substitute('${}', vars).unresolved, ['']);
  assert.deepEqual(substitute('plain', vars), { text: 'plain', unresolved: [], inserted: [] });
});

test('variablesAt: Defines in order over the environment; UnDefine falls back to it, <IfDefine> never sees it', () => {
  const text = 'Define LOG /tmp/${APACHE_LOG_DIR}\nA ${LOG}\nUnDefine APACHE_LOG_DIR\nB\n<IfDefine APACHE_LOG_DIR>\nC\n</IfDefine>\n';
  const ast = parse(text);
  setEnvironment(ast, new Map([['APACHE_LOG_DIR', '/var/log/apache2']]));
  const at = (s: string) => text.indexOf(s);
  assert.deepEqual(substitute('${LOG}', variablesAt(ast, at('A'), true)).text, '/tmp//var/log/apache2', 'a Define value reads the environment');
  assert.equal(substitute('${APACHE_LOG_DIR}', variablesAt(ast, at('B'), true)).text, '/var/log/apache2');
  const c = ast.children.find((n) => n.kind === 'section')!;
  const inner = c.kind === 'section' ? c.children[0] : c;
  assert.equal(reachOf(inner, definesAt(ast, inner.start, true), true).reach, 'skipped');
});

test('definesAt: the Defines and UnDefines strictly before the offset, at every offset', () => {
  const text = 'A\nDefine X 1\nB\nDefine Y 2\n<IfDefine X>\nDefine Z 3\n</IfDefine>\nUnDefine X\nC\nDefine X 4\nD\n';
  const ast = parse(text);
  // The reference: the events' effects replayed in order, each taking effect from just after its start.
  const events: Array<[string, string, string | undefined]> = [['Define X 1', 'X', '1'], ['Define Y 2', 'Y', '2'], ['Define Z 3', 'Z', '3'], ['UnDefine X', 'X', undefined], ['Define X 4', 'X', '4']];
  for (let offset = 0; offset <= text.length; offset++) {
    const expected = new Map<string, string | null>();
    for (const [line, name, value] of events) {
      if (text.indexOf(line) >= offset) break;
      if (value === undefined) expected.delete(name);
      else expected.set(name, value);
    }
    assert.deepEqual([...definesAt(ast, offset, true)].sort(), [...expected].sort(), `offset ${offset}`);
  }
});

test('in a server tree, rules read variables exported by envvars', () => {
  const files = new MemoryFiles({
    '/etc/apache2/apache2.conf': 'Include sites-enabled/*.conf\n',
    '/etc/apache2/envvars': 'export RESTRICT=yes\nexport THREADS=many\n',
    '/etc/apache2/sites-enabled/a.conf': 'WSGIRestrictEmbedded ${RESTRICT}\nWSGIDaemonProcess shop threads=${THREADS}\n',
  });
  const tree = analyzeTree(buildTree(files, '/etc/apache2/apache2.conf'));
  const rules = tree.files.get('/etc/apache2/sites-enabled/a.conf')!.reports.map((r) => r.rule);
  assert.ok(rules.includes('wsgi-directive-value'), rules.join());
  assert.ok(rules.includes('wsgi-daemon-option-value'), rules.join());
  // Alone, the same file has unknown variables: nothing is judged on a guess.
  const alone = analyzeText('file:///a.conf', 'WSGIRestrictEmbedded ${RESTRICT}\nWSGIDaemonProcess shop threads=${THREADS}\n').reports.map((r) => r.rule);
  assert.ok(!alone.includes('wsgi-directive-value') && !alone.includes('wsgi-daemon-option-value'), alone.join());
});

test('values that double at every Define stop growing: past the cap they count as unknown, and analysis keeps working', () => {
  // Apache accepts this (131,072 characters after 13 doublings); 60 doublings would need exabytes.
  const lines = ['Define A xxxxxxxxxxxxxxxx', ...Array.from({ length: 60 }, () => 'Define A ${A}${A}'), 'WSGIDaemonProcess ${A} threads=${A}', ''];
  const a = analyzeText('file:///doubling.conf', lines.join('\n'));
  assert.deepEqual(a.reports.filter((r) => r.rule === 'internal-error'), []);
  const vars = { defined: new Map<string, string | null>([['A', 'x'.repeat(10000)]]) };
  const sub = substitute('${A}/${A}', vars);
  assert.equal(sub.text, `${'x'.repeat(10000)}/\${A}`, 'the second value would pass the cap: it stays as written');
  assert.deepEqual(sub.unresolved, ['A']);
});
