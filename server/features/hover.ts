// Hover: directives and sections from the catalogue, mod_wsgi options and `%{…}` values from their tables,
// daemon groups and Define'd variables from the analysis, a WSGI script path with the file it resolves to. All text comes from the one renderer (catalog/render).
import type { Hover, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import type { DirectiveNode, Word } from '../syntax/ast';
import { directiveInfo } from '../catalog/directives';
import { sectionInfo } from '../catalog/sections';
import { wsgiOptionDirective, wsgiOption } from '../catalog/wsgi-options';
import { wsgiSpecialValue, type WsgiValueSlot } from '../catalog/wsgi-special-values';
import * as render from '../catalog/render';
import { defineIndex, variableUseAt } from '../model/defines';
import { inOptionValue, rangeOf, tokenAt } from './locate';
import { groupIndex, groupMarkdown, groupView } from './groups';
import { fileScope, type NavScope } from './navScope';
import type { ScriptLookup } from '../workspace/scripts';
import { isScriptArgument, scriptTarget } from './scriptTarget';
import { defineView } from './define-view';
import { requireProvider } from './require-providers';
import { exprVariableAbout, holdsExpression } from './expression-places';
import { providerIndex } from '../catalog/require-line';

interface Found {
  markdown: string;
  start: number;
  end: number;
}

/**
 * With a server tree's `scope`, daemon groups and variables are described from every file of the server. With
 * `scripts` (the lookup the script rules use), a WSGI script path says which file it resolves to.
 */
export function hover(analysis: Analysis, position: Position, scope?: NavScope, scripts?: ScriptLookup): Hover | null {
  const found = hoverAt(analysis, analysis.lines.offsetAt(position), scope?.root ? scope : undefined, scripts);
  if (!found) return null;
  return { contents: { kind: 'markdown', value: found.markdown }, range: rangeOf(analysis.lines, found.start, found.end) };
}

export function hoverAt(analysis: Analysis, offset: number, scope?: NavScope, scripts?: ScriptLookup): Found | null {
  const use = variableUseAt(defineIndex(analysis.ast), offset);
  if (use) {
    const span = use.via === 'ifdefine' ? { start: use.start, end: use.end } : { start: use.outerStart, end: use.outerEnd };
    return { markdown: render.defineMarkdown(defineView(analysis, use.name, scope)), ...span };
  }
  const token = tokenAt(analysis.ast, offset);
  if (!token) return null;
  if (token.kind === 'directive-name') {
    const info = directiveInfo(token.node.nameLower, false);
    return info ? { markdown: render.directiveMarkdown(info), ...token.node.nameSpan } : null;
  }
  if (token.kind === 'section-name') {
    const { node } = token;
    const info = directiveInfo(node.nameLower, true);
    const section = sectionInfo(node.nameLower);
    const span = token.close && node.close ? node.close : node.nameSpan;
    if (info) return { markdown: render.directiveMarkdown(info, section), start: span.start, end: span.end };
    return section ? { markdown: render.bareSectionMarkdown(section), start: span.start, end: span.end } : null;
  }
  const { node, word, index } = token;
  const first = node.kind === 'section' ? `<${node.nameLower}` : node.nameLower;
  if (holdsExpression(first, node.args.map((w) => w.value), index)) return expressionHover(word, offset);
  return node.kind === 'directive' ? argumentHover(analysis, { node, word, index }, offset, scope, scripts) : null;
}

/** `%{NAME}` under the cursor inside an expression: what the variable describes. */
function expressionHover(word: Word, offset: number): Found | null {
  // Offsets within the word as written (a continuation inside the word: no hover rather than a wrong one).
  if (word.end - word.start !== word.raw.length) return null;
  const i = offset - word.start;
  const open = word.raw.lastIndexOf('%{', i);
  const close = open < 0 ? -1 : word.raw.indexOf('}', open);
  if (open < 0 || close < 0 || i > close) return null;
  const name = word.raw.slice(open + 2, close);
  const about = /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? exprVariableAbout(name) : undefined;
  return about ? { markdown: render.exprVariableMarkdown(name.toUpperCase(), about), start: word.start + open, end: word.start + close + 1 } : null;
}

/** Which `%{…}` slot a plain argument of these directives fills. */
const SLOT_OF_DIRECTIVE: Record<string, WsgiValueSlot> = {
  wsgiprocessgroup: 'process-group',
  wsgiapplicationgroup: 'application-group',
  wsgicallableobject: 'callable-object',
  wsgirestrictprocess: 'restrict-process',
};

/** Which slot the value of these options fills. */
const SLOT_OF_OPTION: Record<string, WsgiValueSlot> = {
  'process-group': 'process-group',
  'application-group': 'application-group',
  'callable-object': 'callable-object',
  'display-name': 'display-name',
};

/** Slots whose plain (non-`%{…}`) values are daemon group names. */
const GROUP_SLOTS = new Set<WsgiValueSlot>(['process-group', 'restrict-process']);

function argumentHover(analysis: Analysis, token: { node: DirectiveNode; word: Word; index: number }, offset: number, scope?: NavScope, scripts?: ScriptLookup): Found | null {
  const { node, word, index } = token;
  const whole = { start: word.start, end: word.end };
  if (node.nameLower === 'define' || node.nameLower === 'undefine') {
    return index === 0 ? { markdown: render.defineMarkdown(defineView(analysis, word.value, scope)), ...whole } : null;
  }
  if (node.nameLower === 'wsgidaemonprocess' && index === 0 && word.key === null) return groupHover(analysis, word.value, whole, scope);
  if (node.nameLower === 'require') {
    const provider = index === providerIndex(node.args[0]?.value) ? requireProvider(word.value) : undefined;
    return provider ? { markdown: render.requireProviderMarkdown(provider), ...whole } : null;
  }
  const slot = SLOT_OF_DIRECTIVE[node.nameLower];
  if (slot && word.key === null) return valueHover(analysis, word.value, slot, whole, scope);
  const wsgi = wsgiOptionDirective(node.nameLower);
  if (!wsgi) return null;
  if (word.key !== null) {
    const valueSlot = SLOT_OF_OPTION[word.key];
    if (valueSlot && inOptionValue(word, offset)) {
      const valueHit = valueHover(analysis, word.optionValue, valueSlot, { start: word.valueStart, end: word.end }, scope);
      if (valueHit) return valueHit;
    }
    const option = wsgiOption(node.nameLower, word.key);
    return option ? { markdown: render.optionMarkdown(wsgi, option), ...whole } : null;
  }
  const positional = wsgi.positional[index];
  if (!positional) return null;
  const markdown = render.positionalMarkdown(wsgi, positional);
  const script = scripts && isScriptArgument(node, word, index) ? scriptTarget(node, word, scope ?? fileScope(analysis), scripts) : undefined;
  return { markdown: script ? `${render.scriptTargetMarkdown(script)}\n\n---\n\n${markdown}` : markdown, ...whole };
}

function valueHover(analysis: Analysis, value: string, slot: WsgiValueSlot, span: { start: number; end: number }, scope?: NavScope): Found | null {
  if (value.startsWith('%{')) {
    const entry = wsgiSpecialValue(value, slot);
    return { markdown: entry ? render.specialValueMarkdown(value, entry) : render.unknownSpecialMarkdown(value), ...span };
  }
  return GROUP_SLOTS.has(slot) && value !== '' ? groupHover(analysis, value, span, scope) : null;
}

function groupHover(analysis: Analysis, name: string, span: { start: number; end: number }, scope?: NavScope): Found {
  const model = scope?.analysis.model ?? analysis.model;
  const entry = groupIndex(model).get(name) ?? { name, defs: [], refs: [] };
  if (scope) return { markdown: render.daemonGroupMarkdown(groupView(model, analysis.lines, entry, scope.place, scope.name)), ...span };
  return { markdown: groupMarkdown(analysis.model, analysis.lines, entry), ...span };
}
