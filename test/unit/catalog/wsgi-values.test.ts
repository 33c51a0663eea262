// Value checks reproduce C's atoi/strtol and mod_wsgi's tests exactly.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { atoi, judgeValue, onOff, strtol } from '../../../server/catalog/wsgi-values';
import { wsgiOption } from '../../../server/catalog/wsgi-options';

const judge = (option: string, value: string) => judgeValue(wsgiOption('wsgidaemonprocess', option)!, value);

test('atoi: leading blanks and sign, digits up to the first other character, 32-bit wrap', () => {
  assert.equal(atoi('15'), 15);
  assert.equal(atoi('2abc'), 2);
  assert.equal(atoi('abc'), 0);
  assert.equal(atoi(' \t7'), 7);
  assert.equal(atoi('+5'), 5);
  assert.equal(atoi('-1'), -1);
  assert.equal(atoi(''), 0);
  assert.equal(atoi('4294967296'), 0);
  assert.equal(atoi('99999999999'), 1215752191);
  assert.equal(strtol('99999999999999999999'), (1n << 63n) - 1n);
  assert.equal(strtol('-99999999999999999999'), -(1n << 63n));
});

test('ranges as mod_wsgi enforces them', () => {
  assert.equal(judge('processes', '1'), null);
  assert.equal(judge('processes', '0')?.reason, 'range');
  assert.equal(judge('threads', '65533'), null);
  assert.equal(judge('threads', '65534')?.reason, 'range');
  assert.equal(judge('threads', '-1')?.reason, 'range');
  assert.equal(judge('threads', '')?.reason, 'empty');
  assert.deepEqual(judge('threads', 'abc'), { severity: 'warning', reason: 'lenient-number', read: 0 });
  assert.equal(judge('send-buffer-size', '0'), null);
  assert.equal(judge('send-buffer-size', '511')?.reason, 'range');
  assert.equal(judge('header-buffer-size', '8192'), null);
  assert.equal(judge('stack-size', '0')?.reason, 'range');
  assert.equal(judge('memory-limit', '8589934592'), null);
  assert.equal(judge('memory-limit', '-1')?.reason, 'range');
  assert.equal(judge('cpu-priority', '-20'), null);
});

test('paths, users, octal and flags', () => {
  assert.equal(judge('home', '/srv'), null);
  assert.equal(judge('home', 'srv')?.reason, 'relative');
  assert.equal(judge('home', '')?.reason, 'empty');
  assert.equal(judge('user', 'www-data'), null);
  assert.equal(judge('user', 'root')?.reason, 'root');
  assert.equal(judge('user', '#0')?.reason, 'root');
  // ap_uname2id reads "#abc" as uid atoi("abc") = 0.
  assert.equal(judge('user', '#abc')?.reason, 'root');
  assert.equal(judge('user', '#33'), null);
  assert.equal(judge('umask', '0007'), null);
  assert.equal(judge('umask', '-0'), null);
  assert.equal(judge('umask', '0999')?.reason, 'format');
  assert.equal(judge('umask', '-7')?.reason, 'format');
  assert.equal(judge('server-metrics', 'oN'), null);
  assert.equal(judge('server-metrics', '1')?.reason, 'flag');
  assert.equal(onOff('OFF'), 'Off');
  assert.equal(judge('python-home', ''), null);
});
