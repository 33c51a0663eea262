// Re-analysis after an edit (AnalysisCache with the previous version: reparse.ts re-reads the top-level nodes
// around the edit, and the per-section rules' findings on the others are kept) must equal a full analysis of the
// new text. Property: over chains of random edits of documents made of several rule-table cases, every version's
// tree is parse()'s and its reports are analyzeText's, whether or not the versions in between had their reports
// read. Also: a wrongly declared per-section rule is caught.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisCache, analyzeText } from '../../server/service';
import { parse } from '../../server/syntax/parser';
import { reparse } from '../../server/syntax/reparse';
import { LineIndex } from '../../server/syntax/positions';
import type { ConfigAst, Node, Word } from '../../server/syntax/ast';
import { buildModel, type ConfigModel } from '../../server/model/model';
import { rules } from '../../server/rules';
import type { Report } from '../../server/rules/types';
import { ruleTableCases } from '../helpers/table-cases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };
const cases = ruleTableCases().filter((c) => !c.pythonUri);

/** What an edit inserts: single characters, pieces of syntax, whole lines and blocks, the directives that change what other sections' rules read. */
const INSERTS = [
  '', '', 'a', 'x', '1', ' ', '=', '"', '\n', '\r\n', '\\\n', '#', '# note\n', '<', '>', '${X}', '%{GLOBAL}', 'threads=2 ', 'process-group=site ',
  'ServerAlias www.example.com\n', 'ServerAlias b.example\n', 'Alias /static /srv/static\n', 'WSGIScriptAliasMatch ^/x /srv/app/wsgi.py\n',
  'Define X 1\n', 'UnDefine X\n', 'LoadModule wsgi_module modules/mod_wsgi.so\n', 'ServerName example.com\n', 'WSGIProcessGroup site\n',
  'WSGIDaemonProcess site processes=2\n', 'WSGIScriptAlias / /srv/app/wsgi.py\n', 'Require all granted\n', 'Order allow,deny\nAllow from all\n',
  '<VirtualHost *:80>\nServerName b.example\n</VirtualHost>\n', '<IfDefine X>\nWSGIDaemonProcess other\n</IfDefine>\n',
  '<AuthzProviderAlias ldap-group admins cn=admins>\n</AuthzProviderAlias>\n', 'Require admins\n', '<IfModule mod_ssl.c>\n<Else>\n</Else>\n</IfModule>\n',
  '<If "true">\n</If>\n', '<Else>\nRequire all denied\n</Else>\n', '<Directory /srv/app>\n', '</Directory>\n', '</VirtualHost>\n',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
  /** Insert at the start of the line holding `at` (whole lines then stay whole). */
  atLineStart: boolean;
  /** Read this version's reports (the server reads them only for the versions it publishes). */
  read: boolean;
  /** When the text has an unbalanced section, go back to the last balanced one instead (else few edits could re-use anything). */
  repair: boolean;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.nat(60)),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.nat().map((k) => lineOf(k))),
  atLineStart: fc.boolean(),
  read: fc.boolean(),
  repair: fc.boolean(),
});

/** A line of some table case (its directives in new company). */
function lineOf(k: number): string {
  const lines = cases[k % cases.length].text.split('\n');
  return lines[(k >> 8) % lines.length] + '\n';
}

const document = fc.array(fc.nat(cases.length - 1), { minLength: 2, maxLength: 6 }).map((picks) => ({ text: picks.map((k) => cases[k].text.replace(/\n?$/, '\n')).join('\n'), env: cases[picks[0]].env }));

const unbalanced = (text: string) => parse(text).problems.some((p) => p.kind === 'unclosed-section' || p.kind === 'mismatched-close' || p.kind === 'stray-close');

/** The tree as data: every node's fields and its parent's place, the logical lines and the problems. */
function shape(ast: ConfigAst): string {
  const index = new Map<Node, number>();
  const nodes: unknown[] = [];
  const visit = (list: readonly Node[]) => {
    for (const n of list) {
      index.set(n, index.size);
      const parent = n.parent ? index.get(n.parent) : null;
      const common = { kind: n.kind, start: n.start, end: n.end, firstLine: n.firstLine, lastLine: n.lastLine, parent };
      if (n.kind === 'comment') nodes.push({ ...common, text: n.text });
      else if (n.kind === 'directive') nodes.push({ ...common, name: n.name, nameSpan: { ...n.nameSpan }, args: n.args.map((w) => JSON.stringify(w)) });
      else {
        nodes.push({ ...common, name: n.name, nameSpan: { ...n.nameSpan }, args: n.args.map((w) => JSON.stringify(w)), open: { ...n.open }, openBracket: n.openBracket, close: n.close && { ...n.close }, children: n.children.length });
        visit(n.children);
      }
    }
  };
  visit(ast.children);
  return JSON.stringify({ nodes, lines: ast.lines.toArray(), problems: ast.problems, text: ast.text });
}

/** The model as data: each list's entries by their nodes' places and their own fields. */
function modelShape(m: ConfigModel): string {
  const at = (n: Node | null) => (n ? n.start : null);
  const word = (w: Word | undefined) => (w ? [w.start, w.end, w.raw] : null);
  return JSON.stringify({
    directives: m.directives.map(at),
    sections: m.sections.map(at),
    vhosts: m.vhosts.map((v) => [at(v.node), v.addresses.map(word), at(v.serverName), v.names.map(word)]),
    daemons: m.daemons.map((d) => [d.name, at(d.node), word(d.nameWord), at(d.vhost), [...d.options].map(([k, w]) => [k, word(w)])]),
    refs: m.processGroupRefs.map((r) => [r.name, word(r.word), r.span, at(r.node), at(r.vhost), r.via]),
    aliases: m.scriptAliases.map((a) => [at(a.node), a.match, word(a.url), word(a.target), [...a.options].map(([k, w]) => [k, word(w)]), at(a.vhost)]),
  });
}

function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount + 1 }, (_, line) => index.offsetAt({ line, character: 0 }));
}

function applyEdit(text: string, e: Edit): string {
  let at = e.at % (text.length + 1);
  if (e.atLineStart) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

test('re-analysis after each of a chain of edits equals a full analysis (tree and reports)', () => {
  let reparsed = 0;
  let versions = 0;
  fc.assert(
    fc.property(document, fc.array(edit, { minLength: 1, maxLength: 12 }), ({ text, env }, edits) => {
      const uri = 'file:///srv/site.conf';
      const cache = new AnalysisCache();
      cache.setEnvironment(env);
      let current = text;
      let balanced = unbalanced(text) ? undefined : text;
      cache.get(uri, current, 0).reports;
      edits.forEach((e, i) => {
        const before = parse(current);
        current = e.repair && balanced !== undefined && unbalanced(current) ? balanced : applyEdit(current, e);
        if (!unbalanced(current)) balanced = current;
        if (reparse(before, current)) reparsed++;
        versions++;
        const a = cache.get(uri, current, i + 1);
        const context = `after edit ${i + 1} of ${JSON.stringify(text)}: ${JSON.stringify(current)}`;
        assert.equal(shape(a.ast), shape(parse(current)), `tree ${context}`);
        assert.equal(modelShape(a.model), modelShape(buildModel(parse(current))), `model ${context}`);
        assert.deepEqual(lineStarts(a.lines), lineStarts(new LineIndex(current)), `line index ${context}`);
        if (e.read || i === edits.length - 1) assert.deepEqual(a.reports, analyzeText(uri, current, 0, {}, undefined, env).reports, `reports ${context}`);
      });
    }),
    params,
  );
  // The re-use path must be what is tested: most edits of balanced text re-read only part of it.
  assert.ok(reparsed > versions / 3, `only ${reparsed} of ${versions} edits were re-parsed in part`);
});

test('a join rule declared per-section is caught: its kept findings go stale', () => {
  // vhost-duplicate-name compares the names of all hosts: a second host's finding depends on the first.
  const rule = rules.find((r) => r.id === 'vhost-duplicate-name')!;
  const uri = 'file:///srv/site.conf';
  const host = (name: string) => `<VirtualHost *:80>\n    ServerName ${name}\n</VirtualHost>\n`;
  const first = host('a.example') + '\n' + host('b.example') + '\n' + host('c.example') + '\n' + host('d.example');
  const second = first.replace('a.example', 'd.example');
  const stale = () => {
    const cache = new AnalysisCache();
    cache.get(uri, first, 0).reports;
    return cache.get(uri, second, 1).reports.filter((r) => r.rule === rule.id).length;
  };
  const want = analyzeText(uri, second).reports.filter((r) => r.rule === rule.id).length;
  assert.ok(want > 0);
  assert.equal(stale(), want);
  rule.perSection = true;
  try {
    assert.notEqual(stale(), want, 'a per-section declaration on a join rule went unnoticed');
  } finally {
    delete rule.perSection;
  }
});

test('every cache a rule keeps per tree is one the incremental analysis knows', () => {
  // A per-section rule that reads the whole tree through a new cache would see other top-level nodes: the
  // directives that cache reads must join SURROUNDINGS in incremental.ts, and the cache this list.
  const known = ['catalog/modules.ts', 'catalog/placement.ts', 'catalog/wsgi-reach.ts', 'model/defines.ts', 'model/variables.ts', 'rules/arguments/defined-providers.ts'];
  const root = path.join(__dirname, '..', '..', '..', 'server');
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) visit(file);
      else if (file.endsWith('.ts') && /((Weak)?Map|runMemo)<ConfigAst\b/.test(fs.readFileSync(file, 'utf8'))) found.push(path.relative(root, file).split(path.sep).join('/'));
    }
  };
  visit(root);
  assert.deepEqual(found.sort(), known);
});

/** Hosts enough that an edit of one re-reads less than half of the document (so findings are kept for the rest). */
const fillers = Array.from({ length: 8 }, (_, i) => `<VirtualHost *:80>\n    ServerName f${i}.example\n</VirtualHost>\n`).join('');

// One case per kind of surroundings: a finding on one top-level node changes with an edit of another.
const surroundings: Array<{ name: string; text: string; from: string; to: string }> = [
  { name: 'a Define', text: `# defines\n${fillers}WSGIDaemonProcess site processes=\${N}\n`, from: '# defines\n', to: 'Define N many\n' },
  { name: 'a LoadModule', text: `# modules\n${fillers}FooBarBaz on\n`, from: '# modules\n', to: 'LoadModule foo_module modules/mod_foo.so\n' },
  { name: 'an <If> chain', text: `<If "true">\n</If>\n${fillers}<IfModule mod_ssl.c>\n<Else>\n</Else>\n</IfModule>\n`, from: '<If "true">\n</If>\n', to: '# no If\n' },
  { name: 'a Require provider', text: `# providers\n${fillers}<Location />\n    Require admins\n</Location>\n`, from: '# providers\n', to: '<AuthzProviderAlias ldap-group admins cn=admins>\n</AuthzProviderAlias>\n' },
  { name: 'an IndexOptions None at top level', text: `IndexOptions FancyIndexing\n${fillers}IndexOptions HTMLTable\n`, from: 'IndexOptions FancyIndexing\n', to: 'IndexOptions None\n' },
  { name: 'an authentication provider', text: `# providers\n${fillers}<Location />\n    AuthBasicProvider corp\n</Location>\n`, from: '# providers\n', to: '<AuthnProviderAlias ldap corp>\n</AuthnProviderAlias>\n' },
];

for (const c of surroundings) {
  test(`an edit that changes ${c.name} is followed by the findings it changes on other top-level nodes`, () => {
    const uri = 'file:///srv/site.conf';
    const edited = c.text.replace(c.from, c.to);
    const cache = new AnalysisCache();
    cache.get(uri, c.text, 0).reports;
    const want = analyzeText(uri, edited).reports;
    const said = (reports: readonly Report[]) => reports.map((r) => `${r.rule}: ${r.message}`);
    assert.notDeepEqual(said(want), said(analyzeText(uri, c.text).reports), 'the case shows no dependency');
    assert.deepEqual(cache.get(uri, edited, 1).reports, want);
  });
}

// One case per declared input of a joining rule: an edit of only that directive changes the rule's findings (so
// the rule must run again), anywhere in a document whose other top-level nodes keep theirs.
const inputCases: Array<{ rule: string; input: string; text: string; from: string; to: string }> = [
  { rule: 'wsgi-script-access', input: 'require', text: `<Directory /srv/app>\n    # grants\n</Directory>\n${fillers}<VirtualHost *:80>\n    WSGIScriptAlias / /srv/app/wsgi.py\n</VirtualHost>\n`, from: '# grants', to: 'Require all granted' },
  { rule: 'wsgi-script-access', input: 'allow', text: `<Directory /srv/app>\n    # grants\n</Directory>\n${fillers}<VirtualHost *:80>\n    WSGIScriptAlias / /srv/app/wsgi.py\n</VirtualHost>\n`, from: '# grants', to: 'Allow from all' },
  { rule: 'wsgi-script-access', input: 'wsgiscriptalias', text: `<Directory /srv/app>\n    Require all granted\n</Directory>\n${fillers}<VirtualHost *:80>\n    WSGIScriptAlias / /srv/app/wsgi.py\n</VirtualHost>\n`, from: 'WSGIScriptAlias / /srv/app/wsgi.py', to: 'WSGIScriptAlias / /srv/other/wsgi.py' },
  { rule: 'wsgi-script-access', input: 'wsgiscriptaliasmatch', text: `<Directory /srv/app>\n    Require all granted\n</Directory>\n${fillers}<VirtualHost *:80>\n    WSGIScriptAliasMatch ^/ /srv/app/wsgi.py\n</VirtualHost>\n`, from: '^/ /srv/app/', to: '^/ /srv/other/' },
  { rule: 'alias-access', input: 'require', text: `<Directory /srv/static>\n    # grants\n</Directory>\n${fillers}<VirtualHost *:80>\n    Alias /static/ /srv/static/\n</VirtualHost>\n`, from: '# grants', to: 'Require all granted' },
  { rule: 'alias-access', input: 'allow', text: `<Directory /srv/static>\n    # grants\n</Directory>\n${fillers}<VirtualHost *:80>\n    Alias /static/ /srv/static/\n</VirtualHost>\n`, from: '# grants', to: 'Allow from all' },
  { rule: 'alias-access', input: 'alias', text: `<Directory /srv/static>\n    Require all granted\n</Directory>\n${fillers}<VirtualHost *:80>\n    Alias /static/ /srv/static/\n</VirtualHost>\n`, from: 'Alias /static/ /srv/static/', to: 'Alias /static/ /srv/other/' },
  { rule: 'wsgi-duplicate-daemon', input: 'wsgidaemonprocess', text: `<VirtualHost *:80>\n    ServerName first.example\n    WSGIDaemonProcess first\n</VirtualHost>\n${fillers}<VirtualHost *:80>\n    ServerName last.example\n    WSGIDaemonProcess shop\n</VirtualHost>\n`, from: 'WSGIDaemonProcess first', to: 'WSGIDaemonProcess shop' },
  { rule: 'wsgi-duplicate-daemon', input: 'servername', text: `<VirtualHost *:80>\n    ServerName first.example\n    WSGIDaemonProcess shop\n</VirtualHost>\n${fillers}<VirtualHost *:80>\n    ServerName last.example\n    WSGIDaemonProcess shop\n</VirtualHost>\n`, from: 'ServerName first.example', to: 'ServerName renamed.example' },
  { rule: 'vhost-duplicate-name', input: 'servername', text: `<VirtualHost *:80>\n    ServerName first.example\n</VirtualHost>\n${fillers}`, from: 'first.example', to: 'f7.example' },
  { rule: 'vhost-duplicate-name', input: 'serveralias', text: `<VirtualHost *:80>\n    ServerName first.example\n    ServerAlias www.first.example\n</VirtualHost>\n${fillers}`, from: 'www.first.example', to: 'f7.example' },
  { rule: 'wsgi-script-alias-order', input: 'wsgiscriptalias', text: `${fillers}<VirtualHost *:80>\n    ServerName app.example\n    WSGIScriptAlias / /srv/app/wsgi.py\n    WSGIScriptAlias /api /srv/app/api.py\n</VirtualHost>\n`, from: 'WSGIScriptAlias / ', to: 'WSGIScriptAlias /x ' },
  { rule: 'wsgi-script-alias-order', input: 'alias', text: `${fillers}<VirtualHost *:80>\n    ServerName app.example\n    WSGIScriptAlias /api /srv/app/wsgi.py\n    # Alias / /srv/static/\n</VirtualHost>\n`, from: '# Alias', to: 'Alias' },
  { rule: 'wsgi-script-alias-order', input: 'scriptalias', text: `${fillers}<VirtualHost *:80>\n    ServerName app.example\n    WSGIScriptAlias /api /srv/app/wsgi.py\n    # ScriptAlias / /srv/cgi/\n</VirtualHost>\n`, from: '# ScriptAlias', to: 'ScriptAlias' },
  { rule: 'listen-duplicate', input: 'listen', text: `Listen 8443\n${fillers}Listen 8444\n`, from: 'Listen 8444', to: 'Listen 8443' },
  { rule: 'macro-use', input: 'use', text: `<Macro Aa $x>\n    ServerAdmin $x\n</Macro>\n${fillers}Use AA 1\n`, from: 'Use AA 1', to: 'Use AA 1 2' },
  { rule: 'macro-use', input: 'macro', text: `<Macro Aa $x>\n    ServerAdmin $x\n</Macro>\n${fillers}Use AA 1 2\n`, from: '<Macro Aa $x>', to: '<Macro Aa $x $y>' },
  { rule: 'macro-use', input: 'undefmacro', text: `<Macro Aa $x>\n    ServerAdmin $x\n</Macro>\n# undefine\n${fillers}Use AA 1 2\n`, from: '# undefine', to: 'UndefMacro AA' },
  { rule: 'macro-use', input: 'include', text: `<Macro Aa $x>\n    ServerAdmin $x\n</Macro>\n# include\n${fillers}Use AA 1 2\n`, from: '# include', to: 'Include conf-enabled/more.conf' },
  { rule: 'macro-use', input: 'includeoptional', text: `<Macro Aa $x>\n    ServerAdmin $x\n</Macro>\n# include\n${fillers}Use AA 1 2\n`, from: '# include', to: 'IncludeOptional conf-enabled/*.conf' },
];

test('every declared input of a joining rule is shown to matter, and is followed', () => {
  const uri = 'file:///srv/site.conf';
  const declared = rules.flatMap((r) => (r.inputs ?? []).map((input) => `${r.id} ${input}`)).sort();
  assert.deepEqual([...new Set(inputCases.map((c) => `${c.rule} ${c.input}`))].sort(), declared, 'a case for each declared input');
  for (const c of inputCases) {
    const edited = c.text.replace(c.from, c.to);
    const mine = (reports: readonly Report[]) => reports.filter((r) => r.rule === c.rule).map((r) => r.message);
    assert.notDeepEqual(mine(analyzeText(uri, edited).reports), mine(analyzeText(uri, c.text).reports), `${c.rule} ${c.input}: the case shows no dependency`);
    const cache = new AnalysisCache();
    cache.get(uri, c.text, 0).reports;
    assert.deepEqual(cache.get(uri, edited, 1).reports, analyzeText(uri, edited).reports, `${c.rule} ${c.input}`);
  }
});

// Removing or adding a `\\` at a line's end regroups the lines after it: a line whose words were the previous
// directive's arguments becomes a directive of its own, or the reverse, though the edit does not overlap that line
// (or ends before its directive's name: a logical line can start with ` \\` on an earlier physical line). Found by
// the random chains (seed 20261124, 20,000 runs); each case below fails when only the lines overlapping the edit
// count as changed.
const regroupings: Array<{ name: string; from: string; to: string }> = [
  { name: 'the name before a continuation removed', from: 'WSGIDaemonProcess site processes=0 \\\n', to: '\n \\\n' },
  { name: 'the name and the continuation removed', from: 'WSGIDaemonProcess site processes=0 \\\n', to: '\n\n' },
  { name: 'a continuation added, so the next line is arguments', from: 'WSGIDaemonProcess site processes=0\n', to: 'WSGIDaemonProcess site processes=0 \\\n' },
];

for (const c of regroupings) {
  test(`an edit that regroups lines is followed by the joining rules: ${c.name}`, () => {
    const uri = 'file:///srv/site.conf';
    // (A directive, not a closing tag, right before the edit: an edit next to a section's tag makes every rule run.)
    const text = (daemon: string) => `${fillers}ServerName main.example\n${daemon}WSGIScriptAlias /shop /srv/shop/shop/wsgi.py\n    threads=5\n`;
    const before = text(c.from);
    const edited = text(c.to);
    const shop = (reports: readonly Report[]) => reports.filter((r) => r.rule === 'wsgi-script-access' && r.message.includes('/srv/shop/shop')).length;
    assert.notEqual(shop(analyzeText(uri, edited).reports), shop(analyzeText(uri, before).reports), 'the edit makes or unmakes the alias');
    const cache = new AnalysisCache();
    cache.get(uri, before, 0).reports;
    assert.deepEqual(cache.get(uri, edited, 1).reports, analyzeText(uri, edited).reports);
  });
}
