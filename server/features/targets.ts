// The named thing at an offset that navigation works on: a daemon process group (its WSGIDaemonProcess name or
// a reference to it) or a Define'd variable (Define/UnDefine name, `${NAME}`, `<IfDefine NAME>`).
import type { Analysis } from '../service';
import { isSpecialGroupName, type ProcessGroupRef } from '../model/model';
import { declAt, defineIndex, variableUseAt } from '../model/defines';
import { tokenAt } from './locate';

export type Target =
  | { kind: 'group'; name: string; start: number; end: number; special: boolean }
  | { kind: 'variable'; name: string; start: number; end: number };

export function targetAt(analysis: Analysis, offset: number): Target | null {
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
export function occurrences(analysis: Analysis, target: Target, includeDeclaration = true): Array<{ start: number; end: number; declaration: boolean }> {
  const out: Array<{ start: number; end: number; declaration: boolean }> = [];
  if (target.kind === 'group') {
    for (const d of analysis.model.daemons) if (d.name === target.name && includeDeclaration) out.push({ ...wordInner(d.nameWord), declaration: true });
    for (const r of analysis.model.processGroupRefs) {
      if (r.name !== target.name) continue;
      out.push({ ...refInner(r), declaration: false });
    }
  } else {
    const defines = defineIndex(analysis.ast);
    for (const d of defines.decls) if (d.name === target.name && includeDeclaration) out.push({ ...wordInner(d.nameWord), declaration: true });
    for (const u of defines.uses) if (u.name === target.name) out.push({ start: u.start, end: u.end, declaration: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
