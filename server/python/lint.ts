// The CLI's path for a Python file: the same analysis as the editor (Python rules, ignore comments, settings),
// and for --fix the preferred fixes applied pass by pass, each pass re-analysing, written once at the end.
import { analyzeText, type AnalysisEnv, type AnalysisSettings } from '../service';
import { applyEdits, chooseFixes } from '../features/applyEdits';
import type { LineIndex } from '../syntax/positions';
import type { Report } from '../rules/types';
import { lineEndOf, lineStartOf } from './text';

const MAX_FIX_PASSES = 10;

export interface PythonFindings {
  file: string;
  text: string;
  lines: LineIndex;
  reports: Report[];
}

/** Lints `text` (the content of `file`); with `write`, fixes it and hands the fixed text to `write` if it changed. */
export function lintPython(file: string, text: string, settings: AnalysisSettings, write?: (fixed: string) => void, env: AnalysisEnv = {}): PythonFindings {
  let current = text;
  let analysis = analyzeText(file, current, 0, settings, 'python', env);
  if (write) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      // Lines the parser could not read are left alone, as in configuration files.
      const unsafe = (analysis.python?.source.errors ?? []).map((e) => ({ start: lineStartOf(current, e.start), end: lineEndOf(current, e.end) }));
      const edits = chooseFixes(analysis.reports, unsafe);
      if (edits.length === 0) break;
      current = applyEdits(current, edits);
      analysis = analyzeText(file, current, 0, settings, 'python', env);
    }
    if (current !== text) write(current);
  }
  return { file, text: current, lines: analysis.lines, reports: analysis.reports };
}
