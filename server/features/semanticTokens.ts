// Semantic tokens so that the same daemon group name and the same variable look alike wherever they stand:
// group names (definition and every use), Define'd variables (Define, ${NAME}, <IfDefine NAME>) and mod_wsgi's
// `%{…}` values. Everything else is left to the TextMate grammar.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { defineIndex } from '../model/defines';
import { isSpecialGroupName } from '../model/model';
import { refInner, wordInner } from './targets';

export const TOKEN_TYPES = ['class', 'variable', 'enumMember'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const CLASS = 0;
const VARIABLE = 1;
const ENUM_MEMBER = 2;
const DECLARATION = 1;

interface Raw {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

/** Arguments that hold `%{…}` values: directive name → plain argument, or option names anywhere. */
const VALUE_DIRECTIVES = new Set(['wsgiprocessgroup', 'wsgiapplicationgroup', 'wsgicallableobject', 'wsgirestrictprocess']);
const VALUE_OPTIONS = new Set(['process-group', 'application-group', 'callable-object', 'display-name']);

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const raw: Raw[] = [];
  for (const d of analysis.model.daemons) raw.push({ ...wordInner(d.nameWord), type: CLASS, modifiers: DECLARATION });
  for (const r of analysis.model.processGroupRefs) {
    if (isSpecialGroupName(r.name)) continue;
    raw.push({ ...refInner(r), type: CLASS, modifiers: 0 });
  }
  for (const node of analysis.model.directives) {
    const plain = VALUE_DIRECTIVES.has(node.nameLower);
    for (const w of node.args) {
      if (plain && w.key === null && /^%\{[^}]*\}$/.test(w.value)) raw.push({ ...wordInner(w), type: ENUM_MEMBER, modifiers: 0 });
      else if (w.key !== null && VALUE_OPTIONS.has(w.key) && !w.quote && /^%\{[^}]*\}$/.test(w.optionValue)) raw.push({ start: w.valueStart, end: w.end, type: ENUM_MEMBER, modifiers: 0 });
    }
  }
  const defines = defineIndex(analysis.ast);
  for (const d of defines.decls) raw.push({ ...wordInner(d.nameWord), type: VARIABLE, modifiers: DECLARATION });
  for (const u of defines.uses) raw.push({ start: u.via === 'substitution' ? u.outerStart : u.start, end: u.via === 'substitution' ? u.outerEnd : u.end, type: VARIABLE, modifiers: 0 });
  return { data: encode(analysis, raw) };
}

/** LSP's relative encoding; tokens may not span lines (a name continued with `\` is left out) nor overlap. */
function encode(analysis: Analysis, raw: Raw[]): number[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of raw) {
    if (t.end <= t.start || t.start < lastEnd) continue;
    const s = analysis.lines.positionAt(t.start);
    const e = analysis.lines.positionAt(t.end);
    if (s.line !== e.line) continue;
    data.push(s.line - prevLine, s.line === prevLine ? s.character - prevChar : s.character, e.character - s.character, t.type, t.modifiers);
    prevLine = s.line;
    prevChar = s.character;
    lastEnd = t.end;
  }
  return data;
}
