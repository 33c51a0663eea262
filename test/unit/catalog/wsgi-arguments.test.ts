// The directive reader follows mod_wsgi's own parsing: positional words, then name=value options whose value is
// the next word even after blanks; ${VAR} substitution; exact document ranges through continuation lines.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../../server/syntax/parser';
import { buildModel } from '../../../server/model/model';
import { readWsgiArguments } from '../../../server/catalog/wsgi-arguments';

function read(text: string, index = -1) {
  const ast = parse(text);
  const nodes = buildModel(ast).directives.filter((d) => d.nameLower.startsWith('wsgi'));
  const node = nodes[index < 0 ? nodes.length + index : index];
  return { text, args: readWsgiArguments(ast, node, false)! };
}

test('positional words and options with their ranges', () => {
  const { text, args } = read('WSGIScriptAlias / "/srv/my app.wsgi" process-group=site pass-authorization="On"\n');
  assert.deepEqual(args.positional.map((p) => [p.text, text.slice(p.start, p.end)]), [['/', '/'], ['/srv/my app.wsgi', '"/srv/my app.wsgi"']]);
  assert.deepEqual(args.options.map((o) => [o.name, o.value.text, text.slice(o.start, o.end), text.slice(o.value.start, o.value.end)]), [
    ['process-group', 'site', 'process-group=site', 'site'],
    ['pass-authorization', 'On', 'pass-authorization="On"', '"On"'],
  ]);
  assert.equal(args.malformed.length, 0);
});

test("blanks after '=' are skipped; blanks before it make the option invalid", () => {
  const a = read('WSGIDaemonProcess x threads= 5 processes =2 =3 lone\n').args;
  assert.deepEqual(a.options.map((o) => [o.name, o.value.text, o.detached]), [['threads', '5', true]]);
  assert.deepEqual(a.malformed.map((m) => [m.kind, m.name, m.value?.text]), [['spaced', 'processes', '2'], ['equals', '=3', undefined], ['bare', 'lone', undefined]]);
});

test('an option written where a path belongs is kept apart (not for the daemon name)', () => {
  const a = read('WSGIScriptAlias / process-group=a /srv/a.wsgi\n').args;
  assert.deepEqual(a.positional.map((p) => p.text), ['/', '/srv/a.wsgi']);
  assert.deepEqual(a.options.map((o) => [o.name, o.early]), [['process-group', true]]);
  const d = read('WSGIDaemonProcess threads=5 processes=2\n').args;
  assert.deepEqual(d.positional.map((p) => p.text), ['threads=5']);
});

test('Define substitution: known values replace ${VAR}, unknown ones mark the token unresolved', () => {
  const { text, args } = read('Define T 20\nWSGIDaemonProcess x threads=${T} home=${NOPE}/x\n');
  const [threads, home] = args.options;
  assert.equal(threads.value.text, '20');
  assert.equal(text.slice(threads.value.start, threads.value.end), '${T}');
  assert.equal(home.unresolved, true);
  assert.equal(threads.unresolved, false);
});

test('ranges run through continuation lines and Apache unescapes \\\\ in words', () => {
  const { text, args } = read('WSGIDaemonProcess x \\\r\n  threads=5 \\\r\n  home=/a\\\\b\r\n');
  assert.deepEqual(args.options.map((o) => text.slice(o.start, o.end)), ['threads=5', 'home=/a\\\\b']);
  assert.equal(args.options[1].value.text, '/a\\b');
  assert.equal(text.slice(args.node.start, args.lineEnd), 'WSGIDaemonProcess x \\\r\n  threads=5 \\\r\n  home=/a\\\\b');
});

test('bodies Apache skips are marked', () => {
  assert.equal(read('<IfModule !mod_wsgi.c>\nWSGIDaemonProcess x\n</IfModule>\n').args.reach.reach, 'skipped');
  assert.equal(read('<IfDefine X>\nWSGIDaemonProcess x\n</IfDefine>\n').args.reach.reach, 'maybe');
  assert.equal(read('Define X\n<IfDefine X>\nWSGIDaemonProcess x\n</IfDefine>\n').args.reach.reach, 'active');
  assert.equal(read('<IfModule mod_wsgi.c>\nWSGIDaemonProcess x\n</IfModule>\n').args.reach.reach, 'active');
});

test("a token's yes/no facts are kept apart (they share one number)", () => {
  // Every mix of quoted/unresolved on a value, and detached/early/unresolved on an option.
  const a = read('WSGIScriptAlias / process-group="${NOPE}" /srv/a.wsgi application-group= "x" callable-object=${NOPE}x home=plain\n').args;
  assert.deepEqual(a.options.map((o) => [o.name, o.detached, o.early, o.unresolved, o.value.quoted, o.value.unresolved]), [
    ['process-group', false, true, true, true, true],
    ['application-group', true, false, false, true, false],
    ['callable-object', false, false, true, false, true],
    ['home', false, false, false, false, false],
  ]);
  assert.deepEqual(a.positional.map((p) => [p.text, p.quoted, p.unresolved]), [['/', false, false], ['/srv/a.wsgi', false, false]]);
});
