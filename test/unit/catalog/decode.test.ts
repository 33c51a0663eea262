// The compact catalogue rows (server/catalog/data/decode.ts): every field of the layout read back, the real
// table decoded into well-formed facts, and the index readers (name and kind without decoding) equal to decoding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeDirective, decodeModules, rowIsSection, rowName } from '../../../server/catalog/data/decode';
import { debianModules, directiveRows, directiveTables } from '../../../server/catalog/data/apache-directives';
import { PLACE_NAMES } from '../../../server/catalog/types';

test('modules: built-in marks and ids that differ from the usual mod_x.c -> x_module', () => {
  assert.deepEqual(decodeModules('core.c*\nhttp_core.c* http_module\nmod_ssl.c\nevent.c mpm_event_module'), [
    { id: 'core_module', file: 'core.c', builtIn: true },
    { id: 'http_module', file: 'http_core.c', builtIn: true },
    { id: 'ssl_module', file: 'mod_ssl.c' },
    { id: 'mpm_event_module', file: 'event.c' },
  ]);
});

test('directives: code digits, name placeholders, page forms, optional fields', () => {
  const modules = decodeModules('core.c*\nmod_cgi.c\nmod_wsgi.c');
  const tables = { forms: ['RAW_ARGS', 'TAKE1', 'FLAG'] as const, places: ['++ooooooo', '+++++++++'], htaccess: ['', 'any', 'FileInfo|AuthConfig'] };
  const rows = [
    'Files\t000111\t<~ filename> ... </~>',
    'ScriptLog\t011100\t~ file-path\t\t\tmod_cgid.c',
    'Listen\t000002\t\t\tmpm_common#~',
    'CaseFilter\t001000\t\t\t!',
    'WSGIUserAuthoritative\t021020\t~ On|Off\tOn\twsgi\t\tApache 2.0 only',
    'AddType\t000120\t~ type ext\tnone',
  ].join('\n');
  assert.deepEqual(rows.split('\n').map((row) => decodeDirective(row, modules, tables)), [
    { name: 'Files', module: 'core.c', args: 'RAW_ARGS', places: '+++++++++', section: true, htaccess: 'any', syntax: '<Files filename> ... </Files>' },
    { name: 'ScriptLog', module: 'mod_cgi.c', args: 'TAKE1', places: '+++++++++', alsoIn: ['mod_cgid.c'], syntax: 'ScriptLog file-path' },
    { name: 'Listen', module: 'core.c', args: 'RAW_ARGS', places: '++ooooooo', page: 'mpm_common#listen', obsolete: true },
    { name: 'CaseFilter', module: 'core.c', args: 'TAKE1', places: '++ooooooo', page: '' },
    { name: 'WSGIUserAuthoritative', module: 'mod_wsgi.c', args: 'TAKE1', places: '++ooooooo', htaccess: 'FileInfo|AuthConfig', syntax: 'WSGIUserAuthoritative On|Off', default: 'On', page: 'wsgi', notRegistered: 'Apache 2.0 only' },
    { name: 'AddType', module: 'core.c', args: 'RAW_ARGS', places: '+++++++++', htaccess: 'FileInfo|AuthConfig', syntax: 'AddType type ext', default: 'none' },
  ]);
});

const directiveFacts = directiveRows.map((row) => decodeDirective(row, debianModules, directiveTables));

test('the generated table decodes into well-formed facts', () => {
  const files = new Set(debianModules.map((m) => m.file));
  assert.ok(directiveFacts.length > 700, `only ${directiveFacts.length} directives`);
  for (const f of directiveFacts) {
    assert.ok(files.has(f.module), `${f.name}: module ${f.module}`);
    assert.ok(f.args, `${f.name}: no argument form`);
    assert.match(f.places, new RegExp(`^[+oh]{${PLACE_NAMES.length}}$`), f.name);
    for (const text of [f.syntax, f.default, f.page]) assert.ok(!text?.includes('~'), `${f.name}: placeholder left in ${text}`);
    if (f.syntax) assert.ok(f.syntax.replace(/^</, '').toLowerCase().startsWith(f.name.toLowerCase()) || f.syntax.includes(f.name), `${f.name}: syntax ${f.syntax}`);
  }
});

test('rowName and rowIsSection read what decoding reads, on every row of the table', () => {
  for (const [i, row] of directiveRows.entries()) {
    assert.equal(rowName(row), directiveFacts[i].name);
    assert.equal(rowIsSection(row), directiveFacts[i].section ?? false, row);
  }
  assert.ok(directiveRows.some(rowIsSection) && !directiveRows.every(rowIsSection));
});

test('rowName and rowIsSection read what decoding reads, on any well-formed row', () => {
  const modules = decodeModules('core.c*\nmod_cgi.c\nmod_wsgi.c');
  const tables = { forms: ['RAW_ARGS', 'TAKE1', 'FLAG'] as const, places: ['++ooooooo', '+++++++++'], htaccess: ['', 'any', 'FileInfo|AuthConfig'] };
  const field = fc.string({ unit: fc.constantFrom('a', 'Z', '~', '!', ' ', '<', '>', '#', ',', '|', 'é'), maxLength: 8 });
  const row = fc
    .record({
      name: fc.string({ unit: fc.constantFrom('a', 'Z', 'x', '<', '_', '0', 'é'), minLength: 1, maxLength: 12 }),
      code: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })),
      rest: fc.array(field, { maxLength: 5 }),
    })
    .map(({ name, code: [m, form, places, ht, flags], rest }) => [name, `0${m}${form}${places}${ht}${flags}`, ...rest].join('\t'));
  fc.assert(
    fc.property(row, (line) => {
      const f = decodeDirective(line, modules, tables);
      return rowName(line) === f.name && rowIsSection(line) === (f.section ?? false);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261124) },
  );
});
