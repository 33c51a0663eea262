// PCRE compile errors: what Apache's ap_pregcomp refuses we refuse; what it accepts (or what we cannot tell) passes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pcreCompileError } from '../../../server/catalog/wsgi-regex';

test('patterns PCRE compiles', () => {
  for (const p of ['^/app', '^/(a|b)/(\\d+)$', '^/a++', '(?>x)', '(?i)abc', '(?i:a)b', '(?P<n>a)(?P=n)', "(?'n'a)", '\\Qa(b\\E', '(?#note)a', '[]a]', '[^]a]', 'a{,3}', '(?<=a)b', '(a)\\1', '[\\2]', '\\p{L}+', '[[:alpha:]]+'])
    assert.equal(pcreCompileError(p), null, p);
});

test('constructs we cannot translate get the benefit of the doubt', () => {
  for (const p of ['(?R)', '(a(?1))', '(?(1)a|b)', '(*SKIP)a', '(?x) a b', '(?&name)']) assert.equal(pcreCompileError(p), null, p);
});

test('patterns PCRE refuses', () => {
  for (const p of ['^/(a', 'a)', '*a', 'a**', '[z-a]', 'a\\', '(a)\\2', '\\8', 'x{1}{2}', 'a{2,1}', 'a{70000}', '(?<n>a)\\k<m>'])
    assert.notEqual(pcreCompileError(p), null, p);
});
