// Fix safety, the inputs and the check the property tests run: configs seeded from every rule table's invalid
// cases (plus mutations of them), analysed as one file with a script lookup and as small server trees (the Python
// rules' cases as Python documents), and for each
// fix offered: its edits stay inside the file and apart; the fix --fix would apply leaves no finding of its rule
// at that place and no parse problem on a line that had none (so does each alternative of a rule that prefers
// none); no other fix adds a parse problem.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, type AnalysisEnv } from '../../server/service';
import { parse } from '../../server/syntax/parser';
import { applyEdits, preferredFix } from '../../server/features/applyEdits';
import { rules } from '../../server/rules';
import { pythonRules } from '../../server/python/rules';
import { parsePython } from '../../server/python/syntax';
import type { Report, TextEditSpan } from '../../server/rules/types';
import { MemoryFiles } from '../../server/workspace/files';
import { buildTree } from '../../server/workspace/tree';
import { analyzeTree } from '../../server/workspace/analyzeTree';
import { scriptWorkspace, WORKSPACE } from '../helpers/scripts';
import type { TableCase } from '../helpers/table-cases';
import { DEBIAN_ENVVARS, DEBIAN_ENVVARS_FILE, DEBIAN_ROOT } from '../helpers/debian-server';

/** Rule ids whose rules (config and Python) declare fixes: each must have a fix checked in a run. */
export const FIXABLE = [...new Set([...rules, ...pythonRules].filter((r) => r.fixable).map((r) => r.id))];

const SCRIPTS = scriptWorkspace(WORKSPACE);

export interface Seed {
  text: string;
  env: AnalysisEnv;
  /** A Python rule's case: analysed as this Python document. */
  pythonUri?: string;
}

/**
 * How a text is analysed: on its own, as a whole server's only file, or as a site a server root includes; a
 * Python case as its Python document (`python:` + uri).
 */
export type Layout = 'file' | 'root' | 'site' | `python:${string}`;

interface Analysed {
  reports: readonly Report[];
  problems: ReadonlyArray<{ start: number; end: number; kind: string }>;
}

const ROOT = DEBIAN_ROOT;
const SITE = '/etc/apache2/sites-enabled/site.conf';
const ROOT_OF_SITE = 'ServerRoot /etc/apache2\nLoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\nIncludeOptional sites-enabled/*.conf\n';

function analyser(layout: Layout, env: AnalysisEnv): (text: string) => Analysed {
  const scripts = env.scripts ?? SCRIPTS;
  if (layout.startsWith('python:')) {
    return (text) => {
      const problems = parsePython(text).errors.map((e) => ({ start: e.start, end: e.end, kind: 'python-error' }));
      return { reports: analyzeText(layout.slice('python:'.length), text).reports, problems };
    };
  }
  if (layout === 'file') {
    return (text) => {
      const a = analyzeText('file:///fuzz.conf', text, 0, {}, undefined, { ...env, scripts });
      return { reports: a.reports, problems: a.ast.problems };
    };
  }
  // A Debian server: its envvars are read too, so the rules that judge ${VAR} against the environment run.
  const [file, files] = layout === 'root' ? [ROOT, (t: string) => ({ [ROOT]: t, [DEBIAN_ENVVARS_FILE]: DEBIAN_ENVVARS })] : [SITE, (t: string) => ({ [ROOT]: ROOT_OF_SITE, [SITE]: t, [DEBIAN_ENVVARS_FILE]: DEBIAN_ENVVARS })];
  return (text) => {
    const found = analyzeTree(buildTree(new MemoryFiles(files(text)), ROOT), {}, { scripts }).files.get(file);
    assert.ok(found, `${file} was not read`);
    return { reports: found.reports, problems: found.problems };
  };
}

type Op =
  | { op: 'delete' | 'duplicate' | 'indent' | 'cut'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'splice'; at: number; from: number; line: number };

const FRAGMENTS = ['<', '>', '\\', '"', "'", '\\\n', '#', ' ', '=', '%{GLOBAL}', '${X}', '</Directory>', '<Files x>', 'process-group=site', '\r'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), line: fc.nat() }),
);

const WRAPS = [['', ''], ['<VirtualHost *:80>\n', '</VirtualHost>\n'], ['<IfModule mod_wsgi.c>\n', '</IfModule>\n']];

/** A seed (its index) changed by a few line-level mutations, lines taken from other seeds among them. */
export function mutatedSeeds(seeds: readonly Seed[]): fc.Arbitrary<{ seed: number; text: string; layout: Layout }> {
  return fc
    .record({
      pick: fc.nat(),
      ops: fc.array(op, { maxLength: 5 }),
      wrap: fc.nat(WRAPS.length - 1),
      crlf: fc.boolean(),
      layout: fc.constantFrom<Layout>('file', 'file', 'root', 'site'),
    })
    .map(({ pick, ops, wrap, crlf, layout }) => {
      const text = mutate(seeds[pick % seeds.length].text, ops, seeds, WRAPS[wrap]);
      return { seed: pick % seeds.length, text: crlf ? text.replace(/\r?\n/g, '\r\n') : text, layout };
    });
}

function mutate(text: string, ops: readonly Op[], seeds: readonly Seed[], [open, close]: string[]): string {
  let lines = text.split('\n');
  for (const o of ops) {
    const i = o.at % lines.length;
    if (o.op === 'delete' && lines.length > 1) lines.splice(i, 1);
    else if (o.op === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (o.op === 'indent') lines[i] = '    ' + lines[i];
    else if (o.op === 'swap') [lines[i], lines[o.with % lines.length]] = [lines[o.with % lines.length], lines[i]];
    else if (o.op === 'insert') lines[i] = lines[i].slice(0, o.at % (lines[i].length + 1)) + o.text + lines[i].slice(o.at % (lines[i].length + 1));
    else if (o.op === 'splice') {
      const other = seeds[o.from % seeds.length].text.split('\n');
      lines.splice(i, 0, other[o.line % other.length]);
    } else if (o.op === 'cut') {
      const all = lines.join('\n');
      lines = all.slice(0, o.at % (all.length + 1)).split('\n');
    }
  }
  return open + lines.join('\n') + (open && !lines[lines.length - 1] ? '' : open ? '\n' : '') + close;
}

/** The seeds: every table case (with its table's script lookup), and a real Django site. */
export function seedsOf(cases: readonly TableCase[], extra: readonly string[]): Seed[] {
  return [...cases.map((c) => ({ text: c.text, env: c.env, pythonUri: c.pythonUri })), ...extra.map((text) => ({ text, env: {} }))];
}

/**
 * Checks every fix offered for `text` analysed in `layout`; adds to `exercised` the rules whose preferred fix (or,
 * with none preferred, an alternative) was applied and checked whole.
 */
export function checkFixes(text: string, layout: Layout, env: AnalysisEnv, exercised: Set<string>): void {
  const analyse = analyser(layout, env);
  const before = analyse(text);
  // Python rules promise exact fixes on code Python parses (their tables hold only such cases): mutations that
  // break the syntax are left out.
  if (layout.startsWith('python:') && before.problems.length > 0) return;
  const context = () => `${layout} ${JSON.stringify(text)}`;
  for (const r of before.reports) {
    assert.notEqual(r.rule, 'internal-error', `${r.message}: ${context()}`);
    if (r.fixes.length) assert.ok(FIXABLE.includes(r.rule), `${r.rule} offers a fix but its rule does not declare fixable`);
    const preferred = preferredFix(r);
    for (const fix of r.fixes) {
      const what = `${r.rule}: '${fix.title}' on ${context()}`;
      const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      assert.ok(edits.length > 0, `${what}: a fix without edits`);
      edits.forEach((e, i) => {
        assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${what}: edit outside the file`);
        if (i > 0) assert.ok(edits[i - 1].end <= e.start, `${what}: overlapping edits`);
      });
      const after = applyEdits(text, edits);
      // Between and around the edits the text is as it was.
      assert.deepEqual(untouched(after, edits, true), untouched(text, edits, false), `${what}: changed text outside its edits`);
      // The fix --fix applies, or each of the alternatives a rule offers with none preferred, is checked whole.
      const whole = preferred ? fix === preferred : true;
      const again = whole || layout.startsWith('python:') ? analyse(after) : { reports: [], problems: parse(after).problems };
      const added = addedProblems(text, before.problems, after, again.problems, edits);
      assert.deepEqual(added, [], `${what}: added parse problems`);
      if (!whole) continue;
      const place = { start: mapOffset(edits, r.start, 'start'), end: mapOffset(edits, r.end, 'end') };
      // The rule's other findings there may stay, one each (moved by the edits, their wording may change with the
      // fixed text); no more than they may be at the place.
      const others = before.reports
        .filter((x) => x !== r && x.rule === r.rule)
        .map((x) => ({ start: mapOffset(edits, x.start, 'start'), end: mapOffset(edits, x.end, 'end') }));
      const left = again.reports.filter((x) => {
        if (x.rule !== r.rule || !overlaps(x, place)) return false;
        const i = others.findIndex((o) => overlaps(o, x) || (o.start === x.start && o.end === x.end));
        if (i >= 0) others.splice(i, 1);
        return i < 0;
      });
      assert.deepEqual(left.map((x) => x.message), [], `${what}: a finding is left at that place in ${JSON.stringify(after)}`);
      for (const x of again.reports) assert.notEqual(x.rule, 'internal-error', `${what}: ${x.message}`);
      exercised.add(r.rule);
    }
  }
}

/** Ranges sharing a character; an empty one (where a fix deleted the finding) meets a range it lies in or starts. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start <= a.start && a.start < b.end;
  if (b.start === b.end) return overlaps(b, a);
  return a.start < b.end && b.start < a.end;
}

/** The pieces of `text` outside the edits (`after`: the text is the result, so the edits' new lengths apply). */
function untouched(text: string, edits: readonly TextEditSpan[], after: boolean): string[] {
  const pieces: string[] = [];
  let pos = 0;
  let delta = 0;
  for (const e of edits) {
    const start = e.start + (after ? delta : 0);
    pieces.push(text.slice(pos, start));
    delta += e.newText.length - (e.end - e.start);
    pos = after ? e.end + delta : e.end;
  }
  pieces.push(text.slice(pos));
  return pieces;
}

/** Where an offset of the text before the edits is after them (inside a replaced span: that span's start or end). */
export function mapOffset(edits: readonly TextEditSpan[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    if (offset <= e.start) break;
    if (offset < e.end) return e.start + delta + (side === 'start' ? 0 : e.newText.length);
    delta += e.newText.length - (e.end - e.start);
  }
  return offset + delta;
}

const lineOf = (t: string, at: number) => {
  const s = Math.max(t.lastIndexOf('\n', at - 1), t.lastIndexOf('\r', at - 1)) + 1;
  const e = t.slice(s).search(/[\r\n]/);
  return { s, e: e < 0 ? t.length : s + e };
};

/**
 * Parse problems after a fix that were not there before. A line is known by its content, as edits move lines. On
 * the lines an edit wrote, problems are excused only as many as the lines it replaced had (a tag read anew).
 */
function addedProblems(text: string, before: Analysed['problems'], after: string, again: Analysed['problems'], edits: readonly TextEditSpan[]): string[] {
  const had = new Map<string, number>();
  let budget = 0;
  for (const p of before) {
    const { s, e } = lineOf(text, p.start);
    had.set(text.slice(s, e), (had.get(text.slice(s, e)) ?? 0) + 1);
    if (edits.some((x) => x.start <= e && s <= x.end)) budget++;
  }
  let delta = 0;
  const written = edits.map((x) => {
    const w = { s: x.start + delta, e: x.start + delta + x.newText.length };
    delta += x.newText.length - (x.end - x.start);
    return w;
  });
  const added: string[] = [];
  const lines = again.map((p) => ({ kind: p.kind, ...lineOf(after, p.start) }));
  const onWritten = (l: { s: number; e: number }) => written.some((w) => w.s <= l.e && l.s <= w.e);
  // Lines the edits wrote first spend their allowance, so they do not take the match of an unchanged line.
  for (const l of [...lines.filter(onWritten), ...lines.filter((x) => !onWritten(x))]) {
    const line = after.slice(l.s, l.e);
    const left = had.get(line) ?? 0;
    if (budget > 0 && onWritten(l)) budget--;
    else if (left > 0) had.set(line, left - 1);
    else added.push(`${l.kind} on ${JSON.stringify(line)}`);
  }
  return added;
}
