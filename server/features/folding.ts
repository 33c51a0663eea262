// Folding: a section from its opening tag to the line before its closing tag (the closing tag stays visible),
// runs of two or more comment lines, and directives continued over several lines with `\`.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import type { CommentNode } from '../syntax/ast';
import { walk } from '../syntax/parser';
import { sectionEnd } from './locate';

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { ast, lines } = analysis;
  const out: FoldingRange[] = [];
  let run: { first: CommentNode; last: CommentNode } | null = null;
  const endRun = () => {
    if (run && run.last.lastLine > run.first.firstLine) out.push({ startLine: run.first.firstLine, endLine: run.last.lastLine, kind: FoldingRangeKind.Comment });
    run = null;
  };
  for (const node of walk(ast.children)) {
    if (node.kind === 'comment') {
      if (run && node.firstLine === run.last.lastLine + 1) run.last = node;
      else {
        endRun();
        run = { first: node, last: node };
      }
      continue;
    }
    endRun();
    if (node.kind === 'section') {
      const endLine = node.close ? node.close.firstLine - 1 : lines.positionAt(sectionEnd(node, ast.text.length)).line;
      if (endLine > node.firstLine) out.push({ startLine: node.firstLine, endLine, kind: FoldingRangeKind.Region });
    } else if (node.lastLine > node.firstLine) {
      out.push({ startLine: node.firstLine, endLine: node.lastLine, kind: FoldingRangeKind.Region });
    }
  }
  endRun();
  return out;
}
