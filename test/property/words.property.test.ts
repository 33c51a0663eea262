// The lexer reads most words through a fast path (plainWordEnd / PlainWord and KeyValueWord, no quotes): on any
// line, any range, the words it gives must have exactly the fields the general reader (readWord) gives, and a
// directive's name and span must be those of readWord's first word.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { endOffsetOf, readWord, readWords, skipBlanks } from '../../server/syntax/lexer';
import { splitLogicalLines } from '../../server/syntax/logical-lines';
import { parse, forEachNode } from '../../server/syntax/parser';
import type { LogicalLine, Word } from '../../server/syntax/ast';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

const pieces = ['a', 'Foo', 'x=1', '=', '==', '=x', 'a=b=c', 'k="v w"', "k='v'", 'k="', '"', "'", '\\', '\\"', ' ', '\t', '#', '<', '>', '${X}', 'é', 'process-group=g', '"a=b"', '\\\n', '\n', '\r\n'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));

const FIELDS = ['start', 'end', 'raw', 'value', 'quote', 'unterminated', 'key', 'optionValue', 'valueStart'] as const;
const fields = (w: Word) => FIELDS.map((f) => w[f]);

/** The reference: every word read by the general reader. */
function generalWords(line: LogicalLine, from: number, limit: number): Word[] {
  const out: Word[] = [];
  let i = skipBlanks(line.content, from, limit);
  while (i < limit) {
    const { word, next } = readWord(line, i, limit);
    out.push(word);
    i = skipBlanks(line.content, next, limit);
  }
  return out;
}

test('the plain-word fast path reads every word exactly as readWord does', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      for (const line of splitLogicalLines(t)) {
        const n = line.content.length;
        const from = n ? a % (n + 1) : 0;
        const limit = from + (n - from ? b % (n - from + 1) : 0);
        const fast = readWords(line, from, limit);
        const general = generalWords(line, from, limit);
        assert.deepEqual(fast.map(fields), general.map(fields));
        // JSON too: the same fields in the same order, whichever class made the word.
        assert.equal(JSON.stringify(fast), JSON.stringify(general));
      }
    }),
    params,
  );
});

test('a directive name and its span are readWord’s first word (less one `>` ending it)', () => {
  fc.assert(
    fc.property(text, (t) => {
      const ast = parse(t);
      forEachNode(ast.children, (node) => {
        if (node.kind !== 'directive') return;
        const line = [...ast.lines].find((l) => l.firstLine === node.firstLine)!;
        const at = skipBlanks(line.content, 0);
        const { word } = readWord(line, at);
        // httpd drops one `>` ending the name (`Allow>` is Allow); unquoted, the span ends after the name's last
        // character (before a continuation that may come before the `>`).
        const dropped = word.value.length > 1 && word.value.endsWith('>');
        const name = dropped ? word.value.slice(0, -1) : word.value;
        const end = dropped && word.quote === null ? endOffsetOf(line, at + name.length) : word.end;
        assert.deepEqual([node.name, node.nameLower, node.nameSpan.start, node.nameSpan.end], [name, name.toLowerCase(), word.start, end]);
      });
    }),
    params,
  );
});
