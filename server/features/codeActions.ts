// Each report's fixes become quick fixes; nothing is looked up again. Every finding also offers ignore comments.
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import type { Findings } from '../service';
import { toDiagnostic } from './diagnostics';
import { ignoreFileFix, ignoreLineFix } from './ignoreComments';

export function codeActions(analysis: Findings, range: Range): CodeAction[] {
  const from = analysis.lines.offsetAt(range.start);
  const to = analysis.lines.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const report of analysis.reports) {
    if (report.end < from || report.start > to) continue;
    const diagnostic = toDiagnostic(analysis, report);
    // The rule's own fixes first, then ignore comments (never preferred; not report fixes, so --fix never applies them).
    const ignores = [ignoreLineFix(analysis.text, report), ignoreFileFix(analysis.text, report.rule)].filter((f) => f !== undefined);
    for (const fix of [...report.fixes, ...ignores]) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred ?? false,
        edit: {
          changes: {
            [analysis.uri]: fix.edits.map((e) => ({
              range: { start: analysis.lines.positionAt(e.start), end: analysis.lines.positionAt(e.end) },
              newText: e.newText,
            })),
          },
        },
      });
    }
  }
  return actions;
}
