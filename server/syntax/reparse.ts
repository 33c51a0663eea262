// Re-parsing after an edit: only the top-level nodes around the edited text are read again; the nodes before them
// are kept as they are and the nodes after them are moved by the edit's length. The result is the tree parse()
// gives for the new text (a property test holds the two equal), or undefined when that cannot be shown from the
// edit alone and the caller parses the whole text.
import type { ConfigAst, Node, ParseProblem } from './ast';
import { BALANCE_PROBLEMS, parse, shiftNodes } from './parser';
import { countNewlines } from './positions';
import { lastIndexAtOrBefore } from './search';

export interface Reparse {
  ast: ConfigAst;
  /** The previous tree's top-level nodes that were read again, and the nodes read in their place (new objects). */
  removed: readonly Node[];
  added: readonly Node[];
  /** The edit: the previous text's [start, oldEnd) became the new text's [start, newEnd). */
  edit: { start: number; oldEnd: number; newEnd: number };
  /** Where the re-read text starts (the same offset and physical line in both texts: nothing before it changed). */
  region: { start: number; firstLine: number };
}

const nodeStart = (node: Node): number => node.start;

/**
 * The tree of `text`, re-using `previous` (the tree of an earlier text). `previous` is consumed: the nodes after
 * the edit are moved in place, so it must not be read afterwards.
 */
export function reparse(previous: ConfigAst, text: string): Reparse | undefined {
  const old = previous.text;
  const top = previous.children;
  const n = top.length;
  if (n === 0 || previous.problems.some((p) => BALANCE_PROBLEMS.has(p.kind))) return undefined;
  // The edit: old = head + removed + tail, text = head + inserted + tail.
  const head = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - head);
  const delta = text.length - old.length;
  const editEnd = old.length - tail;

  // Whole top-level nodes around the edit, one more on each side: the re-read region starts and ends at the
  // start of a top-level node's line, where no section is open and no line continues.
  const lines = previous.lines;
  const firstTouched = lastIndexAtOrBefore(top, head, nodeStart);
  const lastTouched = lastIndexAtOrBefore(top, editEnd, nodeStart);
  const first = Math.max(firstTouched - 1, 0);
  const after = lastTouched + 2;
  const regionStart = firstTouched >= 1 ? lines.lineStartAt(top[first].start) : 0;
  const regionEnd = after < n ? lines.lineStartAt(top[after].start) : old.length;
  const region = text.slice(regionStart, regionEnd + delta);
  // Text after the region must begin a line of its own, as it did: the region ends with a line break that is not
  // a continuation (conservatively: no backslash before it).
  if (after < n && (!region.endsWith('\n') || /\\\r?\n$/.test(region))) return undefined;
  const read = parse(region);
  if (read.problems.some((p) => BALANCE_PROBLEMS.has(p.kind))) return undefined;

  const fromLine = lines.indexAt(regionStart);
  const toLine = after < n ? lines.indexAt(regionEnd) : lines.length;
  const lineOffset = lines.firstLineOf(fromLine);
  const lineDelta = countNewlines(region) - countNewlines(old.slice(regionStart, regionEnd));
  shiftNodes(read.children, regionStart, lineOffset);
  const kept = top.slice(after);
  shiftNodes(kept, delta, lineDelta);

  const problems: ParseProblem[] = [];
  for (const p of previous.problems) if (p.start < regionStart) problems.push(p);
  for (const p of read.problems) problems.push(moveProblem(p, regionStart));
  for (const p of previous.problems) if (p.start >= regionEnd) problems.push(moveProblem(p, delta));

  const children = top.slice(0, first);
  for (const node of read.children) children.push(node);
  for (const node of kept) children.push(node);
  return {
    ast: { text, lines: lines.splice(text, fromLine, toLine, read.lines, regionStart, lineOffset, delta, lineDelta), children, problems },
    removed: top.slice(first, Math.min(after, n)),
    added: read.children,
    edit: { start: head, oldEnd: editEnd, newEnd: editEnd + delta },
    region: { start: regionStart, firstLine: lineOffset },
  };
}

/**
 * Length of the longest common prefix. Blocks are compared as substrings first (the engine compares those in bulk,
 * ~30 times faster than a character loop over a 200 KB text), then the characters of the block that differs.
 */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 1024; block >= 16; block >>= 2) while (i + block <= n && a.substring(i, i + block) === b.substring(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix, at most `limit` (so that it does not overlap the common prefix). */
function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  for (let block = 1024; block >= 16; block >>= 2) while (i + block <= limit && a.substring(a.length - i - block, a.length - i) === b.substring(b.length - i - block, b.length - i)) i += block;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The problem `delta` characters on, in place (the problems of a consumed tree or of a region just read). */
function moveProblem(p: ParseProblem, delta: number): ParseProblem {
  if (delta === 0) return p;
  p.start += delta;
  p.end += delta;
  if (p.fix) for (const e of p.fix.edits) {
    e.start += delta;
    e.end += delta;
  }
  return p;
}
