// The mod_wsgi option tables: complete for mod_wsgi 4.9.4, consistent, and every example accepted by the same
// value checks the rules use.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DAEMON_OPTIONS, OTHER_RELEASE_DAEMON_OPTIONS, wsgiOption, wsgiOptionDirective, wsgiOptionDirectives, wsgiOptionNames } from '../../../server/catalog/wsgi-options';
import { wsgiSpecialValue, wsgiSpecialValues } from '../../../server/catalog/wsgi-special-values';
import { judgeValue } from '../../../server/catalog/wsgi-values';

// The options wsgi_add_daemon_process() accepts in mod_wsgi 4.9.4 (src/server/mod_wsgi.c).
const DAEMON_4_9_4 = [
  'user', 'group', 'supplementary-groups', 'processes', 'threads', 'umask', 'chroot', 'home', 'lang', 'locale',
  'python-home', 'python-path', 'python-eggs', 'stack-size', 'maximum-requests', 'startup-timeout', 'shutdown-timeout',
  'deadlock-timeout', 'inactivity-timeout', 'request-timeout', 'graceful-timeout', 'eviction-timeout', 'restart-interval',
  'connect-timeout', 'socket-timeout', 'queue-timeout', 'listen-backlog', 'display-name', 'send-buffer-size',
  'receive-buffer-size', 'header-buffer-size', 'response-buffer-size', 'response-socket-timeout', 'socket-user',
  'script-user', 'script-group', 'cpu-time-limit', 'cpu-priority', 'memory-limit', 'virtual-memory-limit',
  'server-metrics', 'newrelic-config-file', 'newrelic-environment',
];

test('WSGIDaemonProcess: exactly the 43 options of mod_wsgi 4.9.4', () => {
  assert.deepEqual([...DAEMON_OPTIONS.map((o) => o.name)].sort(), [...DAEMON_4_9_4].sort());
  for (const name of OTHER_RELEASE_DAEMON_OPTIONS.keys()) assert.equal(wsgiOption('wsgidaemonprocess', name), undefined, name);
});

test('the option-bearing directives and their options', () => {
  const expected: Record<string, string[]> = {
    WSGIScriptAlias: ['process-group', 'application-group', 'callable-object', 'pass-authorization'],
    WSGIScriptAliasMatch: ['process-group', 'application-group', 'callable-object', 'pass-authorization'],
    WSGIImportScript: ['process-group', 'application-group'],
    WSGIDispatchScript: ['application-group'],
    WSGIAccessScript: ['application-group'],
    WSGIAuthUserScript: ['application-group'],
    WSGIAuthGroupScript: ['application-group'],
    WSGIHandlerScript: ['process-group', 'application-group', 'pass-authorization'],
  };
  for (const [name, options] of Object.entries(expected)) assert.deepEqual(wsgiOptionNames(name.toLowerCase()), options, name);
  assert.deepEqual(wsgiOptionDirective('wsgiimportscript')?.required.map((r) => r.option), ['application-group', 'process-group']);
  assert.equal(wsgiOptionDirective('wsgiprocessgroup'), undefined);
});

test('every entry is complete, unique and documented', () => {
  for (const d of wsgiOptionDirectives()) {
    assert.match(d.url, /^https:\/\/modwsgi\.readthedocs\.io\/en\/master\/configuration-directives\/WSGI\w+\.html$/);
    assert.match(d.invalidOptionError, /^Invalid option to WSGI [a-z ]+ definition\.$/);
    assert.ok(d.positional.length > 0 && d.positional.every((p) => p.summary && p.missingError), d.name);
    const names = d.options.map((o) => o.name);
    assert.equal(new Set(names).size, names.length, `${d.name}: duplicate option`);
    for (const o of d.options) {
      const where = `${d.name} ${o.name}`;
      assert.match(o.name, /^[a-z]+(-[a-z]+)*$/, where);
      assert.ok(o.summary.length > 20 && o.summary.endsWith('.'), `${where}: summary`);
      assert.ok(o.valueType && o.range && o.default, `${where}: type, range, default`);
      assert.match(o.since, /^4\.\d+\.\d+$/, where);
      assert.ok(o.example.startsWith(`${o.name}=`), `${where}: example`);
      assert.equal(judgeValue(o, o.example.slice(o.name.length + 1)), null, `${where}: example ${o.example} must be accepted`);
      // An option mod_wsgi checks has the message it fails with.
      assert.equal(o.check.kind === 'any', o.errors.length === 0, `${where}: errors`);
    }
  }
});

test('option lookups are case-sensitive, as in mod_wsgi', () => {
  assert.equal(wsgiOption('wsgidaemonprocess', 'threads')?.range, '0 to 65533');
  assert.equal(wsgiOption('wsgidaemonprocess', 'Threads'), undefined);
  assert.equal(wsgiOption('wsgiscriptalias', 'threads'), undefined);
});

test('special %{…} values', () => {
  assert.match(wsgiSpecialValue('%{GLOBAL}', 'application-group')!.meaning, /main Python interpreter/);
  assert.match(wsgiSpecialValue('%{ENV:SITE}', 'process-group')!.meaning, /environment variable/);
  assert.equal(wsgiSpecialValue('%{global}', 'process-group'), undefined);
  assert.equal(wsgiSpecialValue('%{GROUP}', 'process-group'), undefined);
  assert.deepEqual(wsgiSpecialValues('display-name').map((v) => v.value), ['%{GROUP}']);
});

test('every option-bearing directive name starts with "wsgi" (wsgi-scan rules out other names by that alone)', () => {
  for (const d of wsgiOptionDirectives()) assert.ok(d.name.toLowerCase().startsWith('wsgi'), d.name);
});

test('wsgiOption finds an option by its exact name, as a search of the table does', () => {
  for (const d of wsgiOptionDirectives()) {
    for (const o of d.options) {
      assert.equal(wsgiOption(d.name.toLowerCase(), o.name), d.options.find((x) => x.name === o.name));
      assert.equal(wsgiOption(d.name.toLowerCase(), o.name.toUpperCase()), undefined);
    }
  }
  assert.equal(wsgiOption('wsgidaemonprocess', 'toString'), undefined);
  assert.equal(wsgiOption('nosuchdirective', 'threads'), undefined);
});
