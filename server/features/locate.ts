// Finds what stands at a document offset without walking the whole file: binary search over the logical lines
// and, level by level, over each section's children (they are in document order and do not overlap).
import type { Range } from 'vscode-languageserver/node';
import type { ConfigAst, DirectiveNode, LogicalLine, Node, SectionNode, Word } from '../syntax/ast';
import type { LineIndex } from '../syntax/positions';
import { lastAtOrBefore } from '../syntax/search';

const startOf = (item: { start: number }) => item.start;

/** The logical line holding `offset` (its end included), if any. */
export function lineAt(ast: ConfigAst, offset: number): LogicalLine | undefined {
  return ast.lines.lineAt(offset);
}

/** Index into `line.content` of a document offset (continuations removed). */
export function contentIndex(line: LogicalLine, offset: number): number {
  if (!line.map) return Math.max(0, Math.min(offset - line.start, line.content.length));
  let lo = 0;
  let hi = line.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line.map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a section really ends: a section left open at the end of the file holds everything after it. */
export function sectionEnd(section: SectionNode, textLength: number): number {
  return section.close || section.end > section.open.end ? section.end : textLength;
}

export interface Located {
  /** Sections around the offset, outermost first (a section whose own tag holds the offset included). */
  sections: SectionNode[];
  /** The node whose own text (a directive, comment, opening or closing tag) holds the offset. */
  node: Node | null;
  /** For a section node: whether the offset is in its closing tag. */
  inClose: boolean;
}

export function locate(ast: ConfigAst, offset: number): Located {
  const result: Located = { sections: [], node: null, inClose: false };
  let list: readonly Node[] = ast.children;
  for (;;) {
    const child = lastAtOrBefore(list, offset, startOf);
    if (!child) return result;
    if (child.kind !== 'section') {
      if (offset <= child.end) result.node = child;
      return result;
    }
    if (offset > sectionEnd(child, ast.text.length)) return result;
    result.sections.push(child);
    if (offset <= child.open.end) {
      result.node = child;
      return result;
    }
    if (child.close && offset >= child.close.start && offset <= child.close.end) {
      result.node = child;
      result.inClose = true;
      return result;
    }
    list = child.children;
  }
}


export type Token =
  | { kind: 'directive-name'; node: DirectiveNode }
  | { kind: 'section-name'; node: SectionNode; close: boolean }
  | { kind: 'argument'; node: DirectiveNode | SectionNode; word: Word; index: number };

/** The name or argument word at `offset` (ends inclusive, so a cursor just after a word still finds it). */
export function tokenAt(ast: ConfigAst, offset: number): Token | null {
  const { node, inClose } = locate(ast, offset);
  if (!node || node.kind === 'comment') return null;
  if (node.kind === 'section' && inClose) return { kind: 'section-name', node, close: true };
  if (offset >= node.nameSpan.start && offset <= node.nameSpan.end) {
    return node.kind === 'directive' ? { kind: 'directive-name', node } : { kind: 'section-name', node, close: false };
  }
  const index = node.args.findIndex((w) => offset >= w.start && offset <= w.end);
  return index >= 0 ? { kind: 'argument', node, word: node.args[index], index } : null;
}

/** Whether `offset` is in the value part of a `key=value` word. */
export function inOptionValue(word: Word, offset: number): boolean {
  return word.key !== null && offset >= word.valueStart;
}

/** Document offsets → an LSP range. */
export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}
