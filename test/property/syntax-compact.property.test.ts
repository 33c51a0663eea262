// The syntax layer keeps its tree small with a few fast paths; each must answer exactly what the general
// computation answers: the shared name table (internName), lines without a continuation (PlainLine's derived
// fields), the compact line store the tree keeps (LogicalLines), the line index of a text without CR, and the
// parser gathering children on one stack.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineCursor, readLogicalLines, splitLogicalLines } from '../../server/syntax/logical-lines';
import { internName, parse } from '../../server/syntax/parser';
import { LineIndex } from '../../server/syntax/positions';
import type { LogicalLine, Node } from '../../server/syntax/ast';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) };

const pieces = ['a', 'A', 'ab', 'Ab', 'aB', 'AB', 'Foo', 'x=1', '=', '"', "'", '\\', ' ', '\t', '#', '<', '</', '>', 'é', 'É', 'İ', 'ß', '\\\n', '\\\r\n', '\n', '\r\n', '\r', 'a'.repeat(70), 'A'.repeat(70), '<VirtualHost *:80>', '</virtualhost>', 'ServerName x'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));

test('internName gives the slice and its lower case, however many names share a length and first letter', () => {
  fc.assert(
    fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (t, ranges) => {
      for (const [a, b] of ranges) {
        const i = t.length ? a % (t.length + 1) : 0;
        const end = i + (t.length - i ? b % (t.length - i + 1) : 0);
        const { name, lower } = internName(t, i, end);
        assert.equal(name, t.slice(i, end));
        assert.equal(lower, t.slice(i, end).toLowerCase());
      }
    }),
    params,
  );
});

/** The reference: httpd's logical lines built by the general loop alone (every field stored, no fast path). */
function referenceLines(t: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const n = t.length;
  let pos = 0;
  let physical = 0;
  while (pos < n) {
    const start = pos;
    const firstLine = physical;
    const pieces: Array<[number, number]> = [];
    let end: number;
    let next: number;
    for (;;) {
      const lf = t.indexOf('\n', pos);
      const lineEnd = lf < 0 ? n : lf;
      const contentEnd = lineEnd > pos && t.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      const bs = contentEnd - 1;
      if (lf >= 0 && bs >= pos && t.charCodeAt(bs) === 92) {
        pieces.push([pos, contentEnd - 1]);
        pos = lf + 1;
        physical++;
        if (pos >= n) {
          end = contentEnd;
          next = n;
          break;
        }
        continue;
      }
      pieces.push([pos, contentEnd]);
      end = contentEnd;
      next = lf < 0 ? n : lf + 1;
      break;
    }
    const content = pieces.map(([a, b]) => t.slice(a, b)).join('');
    let map: Int32Array | null = null;
    if (pieces.length > 1) {
      map = new Int32Array(content.length + 1);
      let i = 0;
      for (const [a, b] of pieces) for (let o = a; o < b; o++) map[i++] = o;
      map[i] = end;
    }
    lines.push({ start, end, next, firstLine, lastLine: physical, content, map });
    pos = next;
    physical++;
  }
  return lines;
}

const fieldsOf = (l: LogicalLine) => [l.start, l.end, l.next, l.firstLine, l.lastLine, l.content, l.map && [...l.map]];

test('every logical line, stored or derived (PlainLine), has the fields the general loop gives it', () => {
  fc.assert(
    fc.property(text, (t) => {
      const lines = splitLogicalLines(t);
      const expected = referenceLines(t);
      assert.deepEqual(lines.map(fieldsOf), expected.map(fieldsOf));
      // JSON shows the same fields in the same order, whichever kind of line it is.
      assert.deepEqual(JSON.parse(JSON.stringify(lines)), JSON.parse(JSON.stringify(expected)));
    }),
    params,
  );
});

test('the compact line store answers every reader as the lines themselves do', () => {
  const needles = ['${', '$', '{', 'a', '\\', ' ', 'ab'];
  // The pieces above, and what makes `${` (alone, and split by a continuation).
  const withSubstitutions = fc.array(fc.constantFrom(...pieces, '${', '$', '{', '$\\\n{', '${X}'), { maxLength: 40 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(withSubstitutions, fc.array(fc.integer({ min: -2, max: 80 }), { maxLength: 20 }), (t, offsets) => {
      const store = readLogicalLines(t);
      const expected = referenceLines(t);
      assert.equal(store.length, expected.length);
      const cursor = new LineCursor();
      for (let i = 0; i < expected.length; i++) {
        assert.deepEqual(fieldsOf(store.read(i, cursor)), fieldsOf(expected[i]));
        assert.equal(store.startOf(i), expected[i].start);
        assert.equal(store.endOf(i), expected[i].end);
      }
      assert.deepEqual([...store].map(fieldsOf), expected.map(fieldsOf));
      for (const o of [...offsets, t.length, t.length + 1]) {
        // The reference lookups the callers made before: the last line starting at or before o, end included.
        let at = -1;
        for (let i = 0; i < expected.length; i++) if (expected[i].start <= o) at = i;
        assert.equal(store.indexAt(o), at);
        const line = store.lineAt(o);
        assert.deepEqual(line && fieldsOf(line), at >= 0 && o <= expected[at].end ? fieldsOf(expected[at]) : undefined);
      }
      for (const needle of needles) {
        const want = expected.flatMap((l, i) => (l.content.includes(needle) ? [i] : []));
        assert.deepEqual(store.indexesContaining(needle), want, needle);
      }
    }),
    params,
  );
});

/** The reference: line starts after CRLF, LF and lone CR, found character by character. */
function referenceStarts(t: string): number[] {
  const starts = [0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 13) {
      if (t.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

test('LineIndex converts every offset and position as the character-by-character scan does, CR or not', () => {
  const withAndWithoutCr = fc.oneof(text, text.map((t) => t.replace(/\r/g, '')));
  fc.assert(
    fc.property(withAndWithoutCr, (t) => {
      const index = new LineIndex(t);
      const starts = referenceStarts(t);
      assert.equal(index.lineCount, starts.length);
      for (let o = -1; o <= t.length + 1; o++) {
        const c = Math.max(0, Math.min(o, t.length));
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= c) line++;
        assert.deepEqual(index.positionAt(o), { line, character: c - starts[line] });
      }
      for (let line = 0; line < starts.length; line++) assert.equal(index.offsetAt({ line, character: 0 }), starts[line]);
    }),
    params,
  );
});

test('every node sits once in its parent’s children, in document order, in an array of its own', () => {
  fc.assert(
    fc.property(text, (t) => {
      const ast = parse(t);
      let last = -1;
      const check = (list: readonly Node[], parent: Node | null) => {
        assert.ok(Array.isArray(list) && !Object.isFrozen(list));
        for (const n of list) {
          assert.equal(n.parent, parent);
          assert.ok(n.start >= last, 'document order');
          last = n.start;
          if (n.kind === 'section') check(n.children, n);
        }
      };
      check(ast.children, null);
      // Each content line holds one node (a closing tag none): count them against the lines.
      let nodes = 0;
      const count = (list: readonly Node[]) => list.forEach((n) => (nodes++, n.kind === 'section' && count(n.children)));
      count(ast.children);
      const content = ast.lines.toArray().filter((l) => l.content.trim() !== '' && !/^[ \t\f\v\r]*<\//.test(l.content)).length;
      assert.equal(nodes, content);
    }),
    params,
  );
});
