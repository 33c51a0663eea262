// The named thing at an offset that navigation works on: a daemon process group (its WSGIDaemonProcess name or
// a reference to it: WSGIProcessGroup, process-group=, each name WSGIRestrictProcess allows) or a Define'd
// variable (Define/UnDefine name, `${NAME}`, `<IfDefine NAME>`).
import { directivesNamed, isSpecialGroupName, type ProcessGroupRef } from '../model/model';
import type { Word } from '../syntax/ast';
import { declAt, defineIndex, variableUseAt } from '../model/defines';
import { tokenAt } from './locate';
import type { NavAnalysis } from './navScope';
import { substitute } from '../model/variables';
import { variablesAt } from '../catalog/wsgi-reach';

export type Target =
  | { kind: 'group'; name: string; start: number; end: number; special: boolean }
  | { kind: 'variable'; name: string; start: number; end: number };

export function targetAt(analysis: NavAnalysis, offset: number): Target | null {
  const { ast, model } = analysis;
  const defines = defineIndex(ast);
  const use = variableUseAt(defines, offset);
  if (use) return { kind: 'variable', name: use.name, start: use.start, end: use.end };
  const token = tokenAt(ast, offset);
  if (!token || token.kind !== 'argument' || token.node.kind !== 'directive') return null;
  const { node, word, index } = token;
  if (node.nameLower === 'wsgidaemonprocess' && index === 0 && word.key === null) {
    return { kind: 'group', name: word.value, ...wordInner(word), special: isSpecialGroupName(word.value) };
  }
  if ((node.nameLower === 'define' || node.nameLower === 'undefine') && index === 0) {
    const decl = declAt(defines, node, offset);
    if (decl) return { kind: 'variable', name: decl.name, ...wordInner(decl.nameWord) };
  }
  if (node.nameLower === 'wsgirestrictprocess' && word.key === null) {
    return { kind: 'group', name: word.value, ...wordInner(word), special: isSpecialGroupName(word.value) };
  }
  const ref = model.processGroupRefs.find((r) => r.node === node && offset >= r.span.start && offset <= r.span.end);
  if (ref) {
    return { kind: 'group', name: ref.name, ...refInner(ref), special: isSpecialGroupName(ref.name) };
  }
  return null;
}

/** The range of a word's value without its quotes (what a rename replaces). */
export function wordInner(word: { start: number; end: number; quote: string | null; unterminated: boolean }): { start: number; end: number } {
  if (!word.quote) return { start: word.start, end: word.end };
  return { start: word.start + 1, end: word.unterminated ? word.end : word.end - 1 };
}

/** The range of a reference's group name without quotes (the value part of `process-group=`). */
export function refInner(ref: ProcessGroupRef): { start: number; end: number } {
  return ref.word.key !== null ? optionValueInner(ref.word) : wordInner(ref.word);
}

function optionValueInner(word: { valueStart: number; end: number; quote: string | null; unterminated: boolean }): { start: number; end: number } {
  if (!word.quote) return { start: word.valueStart, end: word.end };
  return { start: word.valueStart + 1, end: word.unterminated ? word.end : word.end - 1 };
}

/** Name ranges of every definition and use of a target, in document order. */
export function occurrences(analysis: NavAnalysis, target: Target, includeDeclaration = true): Array<{ start: number; end: number; declaration: boolean }> {
  const out: Array<{ start: number; end: number; declaration: boolean }> = [];
  if (target.kind === 'group') {
    for (const d of analysis.model.daemons) if (d.name === target.name && includeDeclaration) out.push({ ...wordInner(d.nameWord), declaration: true });
    for (const r of analysis.model.processGroupRefs) {
      if (r.name !== target.name) continue;
      out.push({ ...refInner(r), declaration: false });
    }
    for (const w of restrictedNames(analysis)) if (w.value === target.name) out.push({ ...wordInner(w), declaration: false });
  } else {
    const defines = defineIndex(analysis.ast);
    for (const d of defines.decls) if (d.name === target.name && includeDeclaration) out.push({ ...wordInner(d.nameWord), declaration: true });
    for (const u of defines.uses) if (u.name === target.name) out.push({ start: u.start, end: u.end, declaration: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Where a group is named through a variable (`WSGIProcessGroup ${APP}` with `Define APP shop`): Apache reads
 * the name there, but a rename cannot edit it without changing the variable for every other use.
 */
export function namedThroughVariables(analysis: NavAnalysis, target: Target, wholeServer: boolean): Array<{ start: number; end: number }> {
  if (target.kind !== 'group') return [];
  const out: Array<{ start: number; end: number }> = [];
  const check = (name: string, at: number, span: { start: number; end: number }) => {
    if (!name.includes('${')) return;
    const sub = substitute(name, variablesAt(analysis.ast, at, wholeServer));
    if (sub.unresolved.length === 0 && sub.text === target.name) out.push(span);
  };
  for (const d of analysis.model.daemons) check(d.name, d.node.start, wordInner(d.nameWord));
  for (const r of analysis.model.processGroupRefs) check(r.name, r.node.start, refInner(r));
  for (const d of directivesNamed(analysis.model, 'wsgirestrictprocess')) for (const w of d.args) if (w.key === null) check(w.value, d.start, wordInner(w));
  return out.sort((a, b) => a.start - b.start);
}

/** The group names WSGIRestrictProcess lists (it names groups, it does not delegate to them). */
function restrictedNames(analysis: NavAnalysis): Word[] {
  return directivesNamed(analysis.model, 'wsgirestrictprocess').flatMap((d) => d.args.filter((w) => w.key === null));
}
