// Completion: what fits where the cursor is. Directive names allowed in the surrounding context, sections with
// their closing tag, `</…>` for the open section, mod_wsgi options not yet given, daemon group names and `%{…}`
// values where mod_wsgi takes a group, On/Off for flags, Require providers, Define'd `${NAME}`s.
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { allDirectives, directiveInfo } from '../catalog/directives';
import { sections as knownSections, sectionInfo } from '../catalog/sections';
import type { DirectiveInfo } from '../catalog/types';
import { keywordRules } from '../catalog/data/keywords';
import { wordListRules } from '../catalog/data/word-lists';
import { numberRules } from '../catalog/data/numbers';
import { ACCEPT_MUTEXES, wsgiDirectiveValue, type WsgiDirectiveValueKind } from '../catalog/wsgi-directive-values';
import { wsgiOptionDirective } from '../catalog/wsgi-options';
import { wsgiSpecialValues, type WsgiValueSlot } from '../catalog/wsgi-special-values';
import * as render from '../catalog/render';
import { defineIndex } from '../model/defines';
import { cursorContext, type CompletionScope, type CursorContext } from './completion-context';
import * as items from './completion-items';
import { groupIndex, groupMarkdown, groupView, vhostLabel } from './groups';
import type { NavScope } from './navScope';
import { defineView } from './define-view';
import { REQUIRE_PROVIDERS } from './require-providers';
import { EXPR_VARIABLE_GROUPS } from '../catalog/data/expr-names';
import { holdsExpression } from './expression-places';
import { negatesProvider } from '../catalog/require-line';

/** The cursor's context; `nav()` is the server tree the document belongs to, for groups and variables of other files. */
type Cx = CursorContext & { nav(): NavScope | undefined };

/** `scope` is asked for only where groups or variables are offered (it may have to read the server tree). */
export function completion(analysis: Analysis, position: Position, scope?: () => NavScope): CompletionItem[] {
  let nav: NavScope | undefined | null = null;
  const cx: Cx = {
    ...cursorContext(analysis, position),
    nav: () => {
      if (nav === null) {
        const s = scope?.();
        nav = s?.root ? s : undefined;
      }
      return nav;
    },
  };
  if (cx.inComment) return [];
  const variable = variableCompletion(analysis, cx, position) ?? expressionVariableCompletion(cx, position);
  if (variable) return variable;
  if (cx.words.length === 0) return firstWord(cx);
  const first = cx.words[0].value;
  if (first.startsWith('<')) return sectionArgument(analysis, cx, first.slice(1).toLowerCase());
  return argument(analysis, cx, first.toLowerCase());
}

/** Whether Apache accepts the entry where the cursor is; entries Apache rejects everywhere are never offered. */
function allowed(scope: CompletionScope, info: DirectiveInfo | undefined): boolean {
  if (!info) return scope !== 'authz';
  if (info.obsolete || info.notRegistered) return false;
  if (scope === 'any') return true;
  if (scope === 'htaccess') return info.contexts.includes('htaccess');
  return info.places[scope] === 'allowed';
}

function firstWord(cx: CursorContext): CompletionItem[] {
  const out: CompletionItem[] = [];
  const typedBracket = cx.partial.startsWith('<');
  const innermost = cx.sections[cx.sections.length - 1];
  if (innermost && (cx.partial === '' || typedBracket)) out.push(items.closeTagItem(innermost.name, cx.range, cx.after.startsWith('>')));
  if (cx.partial.startsWith('</')) return out;
  if (!typedBracket) {
    const atLineEnd = cx.after.trim() === '';
    for (const info of allDirectives()) {
      if (!info.section && allowed(cx.scope, info)) out.push(items.directiveItem(info, cx.range, atLineEnd, firstArgumentCompletes(info)));
    }
  }
  for (const name of sectionNames()) {
    const lower = name.toLowerCase();
    const info = directiveInfo(lower, true);
    if (allowed(cx.scope, info)) out.push(items.sectionItem(name, sectionInfo(lower), info, cx.range, typedBracket));
  }
  return out;
}

let sectionNameList: string[] | null = null;

/** Sections the catalogue describes, plus any the parser knows that it lacks. */
function sectionNames(): string[] {
  if (!sectionNameList) {
    const names = new Map<string, string>();
    for (const info of allDirectives()) if (info.section) names.set(info.name.toLowerCase(), info.name);
    for (const s of knownSections.values()) if (!names.has(s.name.toLowerCase())) names.set(s.name.toLowerCase(), s.name);
    sectionNameList = [...names.values()];
  }
  return sectionNameList;
}

function sectionArgument(analysis: Analysis, cx: Cx, nameLower: string): CompletionItem[] {
  if (cx.words.length !== 1) return [];
  if (nameLower === 'ifdefine') return variableNames(analysis, cx.range, false, cx.partial.startsWith('!') ? 1 : 0, cx.nav());
  if (nameLower === 'ifmodule') {
    const modules = [...new Set(allDirectives().map((d) => d.module))].sort();
    const prefix = cx.partial.startsWith('!') ? '!' : '';
    return modules.map((m) => items.valueItem(prefix + m, `Directives inside apply only when ${render.code(m)} is ${prefix ? 'not ' : ''}loaded.`, cx.range, CompletionItemKind.Module));
  }
  return [];
}

/** Where a plain argument of these directives is a group or a `%{…}` value. */
const DIRECTIVE_SLOTS: Record<string, WsgiValueSlot> = {
  wsgiprocessgroup: 'process-group',
  wsgiapplicationgroup: 'application-group',
  wsgicallableobject: 'callable-object',
  wsgirestrictprocess: 'restrict-process',
};
const OPTION_SLOTS: Record<string, WsgiValueSlot> = {
  'process-group': 'process-group',
  'application-group': 'application-group',
  'callable-object': 'callable-object',
  'display-name': 'display-name',
};

function argument(analysis: Analysis, cx: Cx, directive: string): CompletionItem[] {
  const index = cx.words.length - 1;
  const eq = cx.partial.indexOf('=');
  const wsgi = wsgiOptionDirective(directive);
  if (wsgi && eq > 0) return optionValue(analysis, cx, directive, cx.partial.slice(0, eq), eq);
  if (wsgi && index >= wsgi.positional.length) {
    const given = new Set(cx.otherWords.map((w) => w.key).filter((k) => k !== null));
    return wsgi.options
      .filter((o) => !given.has(o.name))
      .map((o) => items.optionItem(wsgi, o, cx.range, o.check.kind === 'on-off' || o.name in OPTION_SLOTS));
  }
  const slot = DIRECTIVE_SLOTS[directive];
  if (slot && (index === 0 || slot === 'restrict-process')) return slotValues(analysis, cx, slot, cx.range);
  if (directive === 'require') return requireArgument(cx, index);
  const info = directiveInfo(directive, false);
  if (!info || index !== 0) return [];
  const doc = render.directiveMarkdown(info);
  return keywordsOf(info).map((k) => items.valueItem(k, doc, cx.range, CompletionItemKind.EnumMember));
}

function optionValue(analysis: Analysis, cx: Cx, directive: string, key: string, eq: number): CompletionItem[] {
  const start = cx.partialStart + eq + 1;
  if (start > cx.offset) return [];
  const range: Range = { start: { line: cx.range.end.line, character: cx.range.end.character - (cx.offset - start) }, end: cx.range.end };
  const slot = OPTION_SLOTS[key];
  if (slot) return slotValues(analysis, cx, slot, range);
  const option = wsgiOptionDirective(directive)?.options.find((o) => o.name === key);
  if (option?.check.kind === 'on-off') return onOff(render.optionMarkdown(wsgiOptionDirective(directive)!, option), range);
  return [];
}

function slotValues(analysis: Analysis, cx: Cx, slot: WsgiValueSlot, range: Range): CompletionItem[] {
  const out = wsgiSpecialValues(slot).map((v) => items.specialValueItem(v, range));
  if (slot !== 'process-group' && slot !== 'restrict-process') return out;
  const here = cx.sections.find((s) => s.nameLower === 'virtualhost') ?? null;
  // In a server tree the groups of every file; the cursor's host is found there by its offset.
  const nav = cx.nav();
  const model = nav?.analysis.model ?? analysis.model;
  const hereStart = here && nav ? nav.offset(here.start) : here?.start;
  for (const entry of groupIndex(model).values()) {
    const def = entry.defs[0];
    if (!def) continue;
    // mod_wsgi lets a script alias use a group of its own virtual host or a global one (else "not accessible").
    const rank = def.vhost === null ? 1 : def.vhost.start === hereStart ? 0 : 2;
    const detail = def.vhost ? `daemon group in ${vhostLabel(model, def.vhost)}` : 'daemon group (server config)';
    const markdown = nav ? render.daemonGroupMarkdown(groupView(model, analysis.lines, entry, nav.place, nav.name)) : groupMarkdown(model, analysis.lines, entry);
    out.push(items.groupItem(entry.name, markdown, rank, detail, range));
  }
  return out;
}

function requireArgument(cx: CursorContext, index: number): CompletionItem[] {
  const negated = negatesProvider(cx.words[1]?.value);
  if (index === 0 || (index === 1 && negated)) {
    const out = REQUIRE_PROVIDERS.map((p) => items.valueItem(p.name, render.requireProviderMarkdown(p), cx.range, CompletionItemKind.EnumMember));
    if (index === 0 && cx.scope === 'authz') out.push(items.valueItem('not', 'Negates the provider that follows (only inside `<RequireAll>` or `<RequireNone>`).', cx.range, CompletionItemKind.Keyword));
    return out;
  }
  const provider = cx.words[negated ? 2 : 1]?.value;
  if (provider === 'all' && index === (negated ? 2 : 1)) {
    const doc = render.requireProviderMarkdown(REQUIRE_PROVIDERS.find((p) => p.name === 'all')!);
    return [items.valueItem('granted', doc, cx.range), items.valueItem('denied', doc, cx.range)];
  }
  return [];
}

function firstArgumentCompletes(info: DirectiveInfo): boolean {
  const lower = info.name.toLowerCase();
  return lower in DIRECTIVE_SLOTS || lower === 'require' || keywordsOf(info).length > 0;
}

/** Words each kind of mod_wsgi switch accepts (mod_wsgi checks these itself, case-insensitively). */
const WSGI_VALUE_WORDS: Record<WsgiDirectiveValueKind, readonly string[]> = {
  'on-off': ['On', 'Off'],
  'on-off-auto': ['On', 'Off', 'Auto'],
  'accept-mutex': ACCEPT_MUTEXES,
  'hash-seed': ['random'],
  'proxy-ips': [],
};

/**
 * Fixed words the first argument takes: On/Off for FLAG directives, else the catalogue's keyword lists, the words
 * of an option list (SSLOptions …) and the keywords a number directive takes instead of a number (MaxRanges).
 */
function keywordsOf(info: DirectiveInfo): readonly string[] {
  if (info.args === 'FLAG') return ['On', 'Off'];
  const lower = info.name.toLowerCase();
  const wsgi = wsgiDirectiveValue(lower);
  return wsgi ? WSGI_VALUE_WORDS[wsgi.kind] : (keywordRules[lower]?.values ?? wordListRules[lower]?.values ?? numberRules[lower]?.keywords ?? []);
}

function onOff(documentation: string, range: Range): CompletionItem[] {
  return [items.valueItem('On', documentation, range), items.valueItem('Off', documentation, range)];
}

/** After `${` with no `}` yet: the variables this file defines. */
function variableCompletion(analysis: Analysis, cx: Cx, position: Position): CompletionItem[] | null {
  const range = afterOpenBrace(cx, position, '${');
  return range && variableNames(analysis, range, !cx.after.startsWith('}'), 0, cx.nav(), true);
}

/** The name typed after the last `opener` (`${`, `%{`) of the word being typed, when no `}` has closed it yet. */
function afterOpenBrace(cx: CursorContext, position: Position, opener: string): Range | null {
  const open = cx.partial.lastIndexOf(opener);
  if (open < 0 || cx.partial.indexOf('}', open) >= 0) return null;
  const from = open + opener.length;
  return { start: { line: position.line, character: position.character - (cx.partial.length - from) }, end: position };
}

/**
 * `%{` typed inside an httpd expression: the condition of <If>/<ElseIf>, SetEnvIfExpr's first argument, the rest
 * of a `Require [not] expr` line, a Header/RequestHeader `expr=` word. (Elsewhere `%{…}` means other things: a
 * mod_wsgi value, a mod_headers format, a RewriteCond variable.)
 */
function expressionVariableCompletion(cx: Cx, position: Position): CompletionItem[] | null {
  const range = afterOpenBrace(cx, position, '%{');
  if (!range || !inExpression(cx)) return null;
  const close = !cx.after.startsWith('}');
  return EXPR_VARIABLE_GROUPS.flatMap((g) => g.names.map((name) => items.expressionVariableItem(name, g.about, range, close)));
}

function inExpression(cx: CursorContext): boolean {
  const first = cx.words[0]?.value.toLowerCase() ?? '';
  // The word being typed is the last argument.
  const args = [...cx.words.slice(1).map((w) => w.value), cx.partial];
  return holdsExpression(first, args, args.length - 1);
}

/** The variables Define'd in the file; in a server tree, in any of its files and those envvars exports. */
function variableNames(analysis: Analysis, range: Range, closeBrace: boolean, skip: number, nav?: NavScope, exported = false): CompletionItem[] {
  const r = skip ? { start: { line: range.start.line, character: range.start.character + skip }, end: range.end } : range;
  const names = new Set(defineIndex((nav?.analysis ?? analysis).ast).names);
  // `${…}` reads the environment too; <IfDefine> sees only Defines.
  if (exported && nav?.exported) for (const n of nav.exported.values.keys()) names.add(n);
  return [...names].map((name) => items.variableItem(name, render.defineMarkdown(defineView(analysis, name, nav)), r, closeBrace));
}

