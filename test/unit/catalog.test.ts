// The directive catalogue against its sources: every directive of the shared reference (Debian's apache2 -L with
// every module loaded) and every mod_wsgi directive is there once, with contexts, form, summary and URL.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptedNames, allDirectives, directiveInfo } from '../../server/catalog/directives';
import { summariesA } from '../../server/catalog/data/summaries-a';
import { summariesB } from '../../server/catalog/data/summaries-b';
import { summariesC } from '../../server/catalog/data/summaries-c';
import { PLACE_NAMES } from '../../server/catalog/types';
import { sectionInfo, sections } from '../../server/catalog/sections';

const root = path.resolve(__dirname, '../../..');

/**
 * The shared reference data beside the checkout (../shared). A git worktree (`git worktree add`) stands elsewhere:
 * its `.git` file names the main checkout's git directory, and the data is beside that checkout.
 */
function sharedReference(): string {
  const beside = path.resolve(root, '../shared/reference');
  if (fs.existsSync(beside)) return beside;
  const gitFile = path.join(root, '.git');
  const gitdir = fs.statSync(gitFile, { throwIfNoEntry: false })?.isFile() ? /^gitdir: (.+)$/m.exec(fs.readFileSync(gitFile, 'utf8'))?.[1] : undefined;
  // gitdir is <main checkout>/.git/worktrees/<name>.
  return gitdir ? path.resolve(gitdir, '../../../../shared/reference') : beside;
}

const reference = JSON.parse(fs.readFileSync(path.join(sharedReference(), 'apache-directives-all-modules.json'), 'utf8')) as {
  directives: Array<{ name: string; module: string; usage: string; allowed: string }>;
};
const facts = JSON.parse(fs.readFileSync(path.join(sharedReference(), 'mod_wsgi-and-apache-facts.json'), 'utf8')) as {
  modwsgi_directives: Array<{ name: string; apache_args_how: string; registered_in_debian_4_9_4: boolean }>;
};
const FORMS = ['NO_ARGS', 'TAKE1', 'TAKE2', 'TAKE3', 'TAKE12', 'TAKE13', 'TAKE23', 'TAKE123', 'ITERATE', 'ITERATE2', 'FLAG', 'RAW_ARGS', 'TAKE_ARGV'];
const words = (s: string) => s.toLowerCase().replace(/ when allowoverride.*$/, '').replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean);
const key = (name: string, section: boolean) => `${section ? '<' : ''}${name.toLowerCase()}`;

test('the reference lists 774 directives, and each is in the catalogue under its module', () => {
  assert.equal(reference.directives.length, 774);
  for (const d of reference.directives) {
    const section = d.name.startsWith('<');
    const info = directiveInfo(d.name.replace(/^</, '').toLowerCase(), section);
    assert.ok(info, `${d.name} missing`);
    assert.ok(info.module === d.module || info.alsoIn?.includes(d.module), `${d.name}: ${d.module} not among ${info.module} ${info.alsoIn ?? ''}`);
  }
});

test('no duplicate names: 770 distinct reference names, the 2 compiled-out mod_wsgi ones, 2 prefork-only ones', () => {
  const keys = allDirectives().map((d) => key(d.name, d.section));
  assert.equal(new Set(keys).size, keys.length);
  const distinctReference = new Set(reference.directives.map((d) => d.name.toLowerCase())).size;
  assert.equal(distinctReference, 770);
  assert.deepEqual(allDirectives().filter((d) => d.notRegistered).map((d) => d.name).sort(), ['WSGIPy3kWarningFlag', 'WSGIUserAuthoritative']);
  const extra = allDirectives().filter((d) => !d.notRegistered && !reference.directives.some((r) => key(r.name.replace(/^</, ''), r.name.startsWith('<')) === key(d.name, d.section)));
  assert.deepEqual(extra.map((d) => `${d.name} (${d.module})`).sort(), ['MaxSpareServers (prefork.c)', 'MinSpareServers (prefork.c)']);
  assert.equal(allDirectives().length, 770 + 2 + 2);
});

test('the accepted names, read from the facts, are the full entries that are neither obsolete nor unregistered', () => {
  for (const section of [false, true]) {
    const expected = allDirectives().filter((d) => d.section === section && !d.obsolete && !d.notRegistered).map((d) => d.name);
    assert.deepEqual(acceptedNames(section), expected);
    assert.equal(acceptedNames(section), acceptedNames(section), 'built once');
  }
  assert.ok(acceptedNames(true).includes('VirtualHost') && !acceptedNames(false).includes('VirtualHost'));
  assert.ok(!acceptedNames(false).includes('WSGIPy3kWarningFlag'), 'compiled out of Debian\'s mod_wsgi');
  assert.ok(allDirectives().some((d) => d.obsolete && !acceptedNames(d.section).includes(d.name)), 'obsolete names left out');
});

test('every mod_wsgi directive: 45 registered in Debian 4.9.4, 2 compiled out, forms as mod_wsgi declares them', () => {
  assert.equal(facts.modwsgi_directives.length, 47);
  for (const w of facts.modwsgi_directives) {
    const info = directiveInfo(w.name.toLowerCase(), false);
    assert.ok(info, w.name);
    assert.equal(info.module, 'mod_wsgi.c');
    assert.equal(info.args, w.apache_args_how, w.name);
    assert.equal(info.notRegistered === undefined, w.registered_in_debian_4_9_4, w.name);
    assert.equal(info.url, `https://modwsgi.readthedocs.io/en/master/configuration-directives/${w.name}.html`);
  }
});

test('every entry has contexts, a form, a syntax line, a summary of our own and a documentation URL', () => {
  const usage = new Map(reference.directives.map((d) => [key(d.name.replace(/^</, ''), d.name.startsWith('<')), d.usage]));
  for (const d of allDirectives()) {
    assert.ok(d.contexts.length > 0, `${d.name}: no contexts`);
    assert.ok(FORMS.includes(d.args), `${d.name}: ${d.args}`);
    assert.ok(d.syntax.includes(d.name), `${d.name}: syntax ${d.syntax}`);
    assert.ok(d.summary.length >= 15 && d.summary.length <= 160, `${d.name}: summary ${JSON.stringify(d.summary)}`);
    assert.match(d.summary, /^[A-Z<(].*[.)]$/, `${d.name}: one sentence`);
    // Our own words: no run of five words taken from Apache's usage line.
    const theirs = words(usage.get(key(d.name, d.section)) ?? '');
    const ours = words(d.summary).join(' ');
    for (let i = 0; i + 5 <= theirs.length; i++) assert.ok(!ours.includes(theirs.slice(i, i + 5).join(' ')), `${d.name}: summary copies apache2 -L`);
    assert.match(d.url, /^https:\/\/(httpd\.apache\.org\/docs\/2\.4\/mod\/([a-z_0-9]+\.html(#[a-z_0-9]+)?)?|modwsgi\.readthedocs\.io\/en\/master\/configuration-directives\/\w+\.html)$/, `${d.name}: ${d.url}`);
    for (const p of PLACE_NAMES) assert.ok(['allowed', 'override', 'handler'].includes(d.places[p]), `${d.name}: ${p}`);
  }
});

test('summaries are keyed by catalogue names only, each used once', () => {
  const names = new Set(allDirectives().map((d) => d.name));
  const keys = [...Object.keys(summariesA), ...Object.keys(summariesB), ...Object.keys(summariesC)];
  assert.equal(new Set(keys).size, keys.length, 'a summary appears in two files');
  assert.deepEqual(keys.filter((k) => !names.has(k)), []);
});

test('facts measured with apache2 -t: where well-known directives may stand', () => {
  const at = (name: string, section = false) => directiveInfo(name.toLowerCase(), section)!.places;
  assert.equal(at('WSGIDaemonProcess').directory, 'override');
  assert.equal(at('WSGIDaemonProcess').virtualhost, 'allowed');
  assert.equal(at('WSGIPythonHome').virtualhost, 'handler');
  assert.equal(at('Require').server, 'override');
  assert.equal(at('Require').authz, 'allowed');
  assert.equal(at('Directory', true).location, 'override');
  assert.equal(at('VirtualHost', true).virtualhost, 'handler');
  assert.equal(at('Files', true).location, 'handler');
  assert.equal(at('ServerName').directory, 'override');
  assert.deepEqual(directiveInfo('options')!.contexts, ['server', 'virtualhost', 'directory', 'htaccess']);
  assert.equal(directiveInfo('options')!.override, 'Options');
  assert.equal(directiveInfo('keepalive')!.args, 'FLAG');
  assert.equal(directiveInfo('alias')!.args, 'TAKE12');
  assert.equal(directiveInfo('timeout')!.default, '60');
});

test('names that are both a directive and a section are looked up by kind', () => {
  assert.equal(directiveInfo('mdomain', false)!.section, false);
  assert.equal(directiveInfo('mdomain', true)!.section, true);
  assert.equal(directiveInfo('luahookfixups')!.section, false, 'without a kind the directive wins');
  assert.equal(directiveInfo('virtualhost')!.section, true, 'and a section is found when there is no directive');
  assert.equal(directiveInfo('nosuchthing'), undefined);
});

test("the parser's sections and the catalogue's sections are the same set (the catalogue says where each may nest)", () => {
  for (const d of allDirectives().filter((x) => x.section)) assert.ok(sectionInfo(d.name.toLowerCase()), `${d.name} unknown to sections.ts`);
  for (const name of sections.keys()) assert.ok(directiveInfo(name, true), `<${name}> has no catalogue entry`);
});
