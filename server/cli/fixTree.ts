// --fix for a configuration tree. Fixes are made in memory and each step is checked by analysing the whole tree
// again; the result may hold no error and no parse problem the configuration did not have (fixes that are right
// alone can be wrong together: a typo fix and an "add WSGIDaemonProcess" fix made at once define a group twice).
// Fixes go in tiers: first those that make the text readable, then directive-name fixes, then the rest, so that
// model-level fixes see the directives the author meant. Files are written once at the end, or not at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskFiles, OverlayFiles, type FileSource } from '../workspace/files';
import type { FileFindings, TreeAnalysis } from '../workspace/analyzeTree';
import { chooseFixesByReport, PARSE_RULES } from '../features/applyEdits';
import type { TextEditSpan } from '../rules/types';
import { decodeBytes, editBytes, encodeBytes, touchesHole, type ByteText } from './bytes';
import { checkWritable, replaceFile } from './writeFile';

const MAX_PASSES = 10;
/** Each tried step costs one analysis of the tree: bounded, whatever the fixes do. */
const MAX_ANALYSES = 40;
const TIERS: ReadonlyArray<ReadonlySet<string>> = [PARSE_RULES, new Set(['unknown-directive'])];

interface FileState {
  /** The file as the tree names it, and the file it really is (symlinks resolved). */
  file: string;
  real: string;
  original: Buffer;
  /** Undefined when the bytes on disk are not the text analysed (changed meanwhile): not fixed. */
  base?: ByteText;
}

interface Step {
  real: string;
  rule: string;
  edits: TextEditSpan[];
  key: string;
}

export function fixTree(analyse: (files: FileSource) => TreeAnalysis, note: (message: string) => void): void {
  const reals = new Map<string, string>();
  const realOf = (file: string) => {
    let r = reals.get(file);
    if (r === undefined) {
      try {
        r = fs.realpathSync(file);
      } catch {
        r = path.resolve(file);
      }
      reals.set(file, r);
    }
    return r;
  };
  const states = new Map<string, FileState>();
  let view = new Map<string, ByteText>();
  const overlay = new OverlayFiles(new DiskFiles(), (file) => view.get(realOf(file))?.text);
  const start = analyse(overlay);
  /** Files where a fix was held back because it would drop or copy bytes that are not valid UTF-8. */
  const held = new Set<FileState>();

  const stateOf = (f: FileFindings): FileState => {
    const real = realOf(f.file);
    let s = states.get(real);
    if (!s) {
      const original = readOrEmpty(real);
      const decoded = decodeBytes(original);
      s = { file: f.file, real, original, base: decoded.text === f.text ? decoded : undefined };
      if (!s.base) note(`${f.file}: changed on disk while it was being fixed; not fixed`);
      states.set(real, s);
    }
    return s;
  };

  /**
   * One search for the fixes to make, from the text on disk. `trade`: a step may replace errors by as many others
   * (a typo fix that lets the option check see `thread=15`, which its own fix then repairs); otherwise a step
   * must add no error at all.
   */
  const search = (trade: boolean): { view: Map<string, ByteText>; analysis: TreeAnalysis } => {
    view = new Map();
    let analysis = start;
    let budget = MAX_ANALYSES;
    const rejected = new Set<string>();
    /** Tries steps together on top of the current view; keeps them if the tree gets no more errors than allowed. */
    const attempt = (steps: readonly Step[]): boolean => {
      budget--;
      const before = view;
      const was = errorKeys(analysis, realOf);
      const next = new Map(before);
      for (const real of new Set(steps.map((s) => s.real))) {
        const edits = steps.filter((s) => s.real === real).flatMap((s) => s.edits);
        next.set(real, editBytes(next.get(real) ?? states.get(real)!.base!, edits));
      }
      view = next;
      const after = analyse(overlay);
      const now = errorKeys(after, realOf);
      if (trade ? total(now) <= total(was) : noNewKeys(was, now)) {
        analysis = after;
        return true;
      }
      view = before;
      return false;
    };
    for (let pass = 0; pass < MAX_PASSES && budget > 0; pass++) {
      const steps = stepsOf(analysis, stateOf, (real) => view.get(real), realOf, rejected, held);
      if (steps.length === 0) break;
      const tier = Math.min(...steps.map((s) => tierOf(s.rule)));
      const now = steps.filter((s) => tierOf(s.rule) === tier);
      if (attempt(now)) continue;
      // Together they add an error: one at a time, in order, keeping the first that adds none; the ones before
      // it are not tried again.
      for (const s of now) {
        if (now.length > 1 && budget > 0 && attempt([s])) break;
        rejected.add(s.key);
      }
    }
    return { view, analysis };
  };

  // The result must have no error the configuration did not have: trading errors is kept only if it gets there.
  let result = search(true);
  if (!noNewKeys(errorKeys(start, realOf), errorKeys(result.analysis, realOf))) result = search(false);
  view = result.view;
  for (const s of held) note(`${s.file}: not valid UTF-8; fixes that would touch its undecodable bytes were not applied`);
  writeAll(states, view, note);
}

function tierOf(rule: string): number {
  const i = TIERS.findIndex((t) => t.has(rule));
  return i < 0 ? TIERS.length : i;
}

/** The fixes --fix may apply now: chooseFixes per file, minus rejected ones and ones it could not write exactly. */
function stepsOf(
  analysis: TreeAnalysis,
  stateOf: (f: FileFindings) => FileState,
  current: (real: string) => ByteText | undefined,
  realOf: (file: string) => string,
  rejected: ReadonlySet<string>,
  held: Set<FileState>,
): Step[] {
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const f of analysis.files.values()) {
    const real = realOf(f.file);
    // A file the tree reaches by two paths is fixed through the first.
    if (seen.has(real) || !f.reports.some((r) => r.fixes.length > 0)) continue;
    seen.add(real);
    const state = stateOf(f);
    if (!state.base) continue;
    const text = current(real) ?? state.base;
    // Lines holding a parse problem are not edited by other rules' fixes.
    const unsafe = f.problems.map((p) => lineSpan(f.text, p.start, p.end));
    const keyOf = (rule: string, title: string, edits: readonly TextEditSpan[]) =>
      [real, rule, title, ...edits.flatMap((e) => [f.text.slice(e.start, e.end), e.newText])].join('\0');
    const chosen = chooseFixesByReport(f.reports, unsafe, (r, fix) => {
      if (rejected.has(keyOf(r.rule, fix.title, fix.edits))) return true;
      if (!touchesHole(text, fix.edits)) return false;
      held.add(state);
      return true;
    });
    for (const { report, fix } of chosen) steps.push({ real, rule: report.rule, edits: fix.edits, key: keyOf(report.rule, fix.title, fix.edits) });
  }
  return steps;
}

/** Error findings and parse problems, counted per file, rule and message (numbers aside: lines move). */
function errorKeys(analysis: TreeAnalysis, realOf: (file: string) => string): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (k: string) => keys.set(k, (keys.get(k) ?? 0) + 1);
  const seen = new Set<string>();
  for (const f of analysis.files.values()) {
    const real = realOf(f.file);
    if (seen.has(real)) continue;
    seen.add(real);
    for (const r of f.reports) if (r.severity === 'error') add(`${real}\0${r.rule}\0${r.message.replace(/\d+/g, '#')}`);
    for (const p of f.problems) add(`${real}\0parse\0${p.kind}`);
  }
  return keys;
}

function total(keys: Map<string, number>): number {
  let n = 0;
  for (const c of keys.values()) n += c;
  return n;
}

function noNewKeys(before: Map<string, number>, after: Map<string, number>): boolean {
  for (const [k, n] of after) if (n > (before.get(k) ?? 0)) return false;
  return true;
}

/** Writes every changed file, or none when one of them cannot be written exactly or changed on disk meanwhile. */
function writeAll(states: Map<string, FileState>, view: Map<string, ByteText>, note: (message: string) => void): void {
  const writes: Array<{ state: FileState; bytes: Buffer }> = [];
  for (const [real, text] of view) {
    const state = states.get(real)!;
    if (text.text === state.base!.text) continue;
    const bytes = encodeBytes(text);
    if (!bytes) return note(`${state.file}: not valid UTF-8, and the fixed bytes would not read back as the text checked; no file of its tree written`);
    if (!readOrEmpty(real).equals(state.original)) return note(`${state.file}: changed on disk while it was being fixed; no file of its tree written`);
    writes.push({ state, bytes });
  }
  // A file that cannot be written is an I/O error (exit status 2); found before any file is written if possible.
  for (const { state } of writes) checkWritable(state.file);
  for (const { state, bytes } of writes) replaceFile(state.file, bytes);
}

function readOrEmpty(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

/** The physical lines covering [start, end), terminators included. */
function lineSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return { start: s, end: nl < 0 ? text.length : nl + 1 };
}
