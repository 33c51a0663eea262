// buildTree reads only the lines treeDirectiveLines gives (in a file where no line continues, those holding
// include/define/serverroot): they must be splitLogicalLines' own lines, and every line left out must be one
// buildTree skipped anyway (blank, comment, section tag, or a first word that is no tree directive).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readWord, skipBlanks } from '../../server/syntax/lexer';
import { splitLogicalLines } from '../../server/syntax/logical-lines';
import { treeDirectiveLines } from '../../server/workspace/tree-lines';
import { buildTree } from '../../server/workspace/tree';
import { MemoryFiles } from '../../server/workspace/files';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

const pieces = [
  'Include', 'INCLUDE', 'include', 'IncludeOptional', 'includeoptional', 'Define', 'UnDefine', 'undefine', 'ServerRoot', 'SERVERROOT',
  '"Include"', "'Define'", '"Inc\\"lude"', 'Inc', 'lude', 'De', 'fine', 'Server', 'Root', 'x', 'a.conf', '/etc/x', '${X}',
  '\\', '\\\n', '\\\r\n', '\n', '\n', '\r\n', '\r', ' ', ' ', '\t', '#', '<', '>', '=', 'k="', '"', "'", '\u212a', 'İ', 'ſ', 'é', 'ı',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));
const TREE_DIRECTIVES = new Set(['serverroot', 'define', 'undefine', 'include', 'includeoptional']);

test('treeDirectiveLines gives splitLogicalLines\' lines: all where a line continues, else those holding a name', () => {
  fc.assert(
    fc.property(text, (t) => {
      const all = splitLogicalLines(t);
      const expected = /\\\r?\n/.test(t) ? all : all.filter((l) => /include|define|serverroot/i.test(l.content));
      assert.deepEqual(treeDirectiveLines(t), expected);
    }),
    params,
  );
});

test('every line treeDirectiveLines leaves out is one buildTree does not act on', () => {
  fc.assert(
    fc.property(text, (t) => {
      const kept = new Set(treeDirectiveLines(t).map((l) => l.start));
      for (const line of splitLogicalLines(t)) {
        if (kept.has(line.start)) continue;
        const s = line.content;
        const i = skipBlanks(s, 0);
        if (i >= s.length || s[i] === '#' || s[i] === '<') continue;
        assert.ok(!TREE_DIRECTIVES.has(readWord(line, i).word.value.toLowerCase()), JSON.stringify(s));
      }
    }),
    params,
  );
});

test('a tree built from random lines with Include and Define is the same as one read line by line', () => {
  // The reference: the same tree, with the root's lines made to continue (a trailing `\` comment line at the end
  // puts the file on splitLogicalLines' path without changing any directive).
  const line = fc.array(fc.constantFrom('Include', 'IncludeOptional', 'Define', 'UnDefine', 'ServerRoot', '"Include"', 'Listen', ' ', 'a.conf', 'b.conf', 'X', '${X}', '#', '<Dir>', '</Dir>', '\r'), { maxLength: 5 }).map((xs) => xs.join(' '));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const root = lines.join('\n') + '\n';
      const files = { '/srv/a.conf': 'Listen 81\nDefine X b\n', '/srv/b.conf': 'Include a.conf\n' };
      const fast = buildTree(new MemoryFiles({ '/srv/root.conf': root, ...files }), '/srv/root.conf');
      const general = buildTree(new MemoryFiles({ '/srv/root.conf': root + '# end \\\n', ...files }), '/srv/root.conf');
      const shape = (t: typeof fast) => ({ files: [...t.files.keys()], defines: [...t.defines], problems: t.problems, complete: t.complete, segments: t.segments.slice(0, -1) });
      assert.deepEqual(shape(fast), shape(general));
    }),
    params,
  );
});
