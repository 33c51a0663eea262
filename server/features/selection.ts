// Selection ranges (expand selection): name inside `${…}` → `${…}` → option value → whole word → directive or
// tag → each enclosing section, innermost first.
import type { Position, SelectionRange } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { defineIndex, variableUseAt } from '../model/defines';
import { locate, rangeOf, sectionEnd } from './locate';

export const MAX_SELECTION_DEPTH = 500;

interface Span {
  start: number;
  end: number;
}

export function selectionRanges(analysis: Analysis, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => selectionAt(analysis, analysis.lines.offsetAt(p)));
}

function selectionAt(analysis: Analysis, offset: number): SelectionRange {
  const spans: Span[] = [];
  const use = variableUseAt(defineIndex(analysis.ast), offset);
  if (use) spans.push({ start: use.start, end: use.end }, { start: use.outerStart, end: use.outerEnd });
  const { node, sections, inClose } = locate(analysis.ast, offset);
  if (node && node.kind !== 'comment' && !inClose) {
    const word = node.args.find((w) => offset >= w.start && offset <= w.end);
    if (word && word.key !== null && offset >= word.valueStart) spans.push({ start: word.valueStart, end: word.end });
    if (word && word.key !== null && offset < word.valueStart) spans.push({ start: word.start, end: word.valueStart - 1 });
    if (word) spans.push(word);
    if (offset >= node.nameSpan.start && offset <= node.nameSpan.end) spans.push(node.nameSpan);
    spans.push(node.kind === 'section' ? node.open : node);
  } else if (node && node.kind === 'section' && inClose && node.close) {
    spans.push(node.close);
  } else if (node) {
    spans.push(node);
  }
  for (let k = sections.length - 1; k >= 0; k--) spans.push({ start: sections[k].start, end: sectionEnd(sections[k], analysis.text.length) });
  let result: SelectionRange | undefined;
  // Innermost first; keep only spans that contain the previous one and are larger.
  const kept: Span[] = [];
  for (const s of spans) {
    const prev = kept[kept.length - 1];
    if (prev && (s.start > prev.start || s.end < prev.end || (s.start === prev.start && s.end === prev.end))) continue;
    kept.push(s);
  }
  // The chain is JSON-encoded recursively: past MAX_SELECTION_DEPTH keep the innermost spans and the outermost.
  if (kept.length > MAX_SELECTION_DEPTH) kept.splice(MAX_SELECTION_DEPTH - 1, kept.length - MAX_SELECTION_DEPTH);
  for (let k = kept.length - 1; k >= 0; k--) result = { range: rangeOf(analysis.lines, kept[k].start, kept[k].end), parent: result };
  return result ?? { range: rangeOf(analysis.lines, offset, offset) };
}
