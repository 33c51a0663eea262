// Completion items, each documented by the shared renderer. Builders only: completion.ts decides which apply.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver/node';
import type { DirectiveInfo } from '../catalog/types';
import type { WsgiOptionDirective, WsgiOptionInfo } from '../catalog/wsgi-option-types';
import type { WsgiSpecialValue } from '../catalog/wsgi-special-values';
import type { SectionInfo } from '../catalog/sections';
import * as render from '../catalog/render';

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });
const TRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/**
 * At the end of a line the name comes with the blank before its arguments, and when `firstArgumentCompletes`
 * the list for the first argument opens at once.
 */
export function directiveItem(info: DirectiveInfo, range: Range, atLineEnd: boolean, firstArgumentCompletes: boolean): CompletionItem {
  const takesArgs = atLineEnd && info.args !== 'NO_ARGS';
  const item: CompletionItem = {
    label: info.name,
    kind: CompletionItemKind.Keyword,
    detail: info.syntax,
    documentation: markdown(render.directiveMarkdown(info)),
    textEdit: { range, newText: takesArgs ? `${info.name} ` : info.name },
  };
  if (takesArgs && firstArgumentCompletes) item.command = TRIGGER;
  return item;
}

/** `$`, `}` and `\` are special in snippets. */
const snippetText = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

/** `<Name placeholder>` + an indented body + `</Name>`; the placeholder comes from the catalogue's syntax line. */
export function sectionItem(name: string, section: SectionInfo | undefined, info: DirectiveInfo | undefined, range: Range, typedBracket: boolean): CompletionItem {
  const needsArgument = section?.argumentRequired ?? true;
  // From the catalogue's syntax line: `<IfModule [!]module-file|module-identifier>` gives `module-file`.
  const argument = /^<\S+\s+([^>\s]+)/.exec(info?.syntax ?? '')?.[1];
  const placeholder = argument?.replace(/^\[!\]/, '').split('|')[0] || 'argument';
  const open = needsArgument ? `<${name} \${1:${snippetText(placeholder)}}>` : `<${name}>`;
  return {
    label: `<${name}>`,
    kind: CompletionItemKind.Module,
    detail: info?.syntax ?? `<${name}> … </${name}>`,
    documentation: markdown(info ? render.directiveMarkdown(info, section) : section ? render.bareSectionMarkdown(section) : `<${name}>`),
    filterText: typedBracket ? `<${name}` : name,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${open}\n\t$0\n</${name}>` },
  };
}

export function closeTagItem(name: string, range: Range, closingBracketFollows: boolean): CompletionItem {
  return {
    label: `</${name}>`,
    kind: CompletionItemKind.Module,
    detail: `closes <${name}>`,
    documentation: markdown(`Closes the innermost open section, ${render.code(`<${name}>`)}.`),
    filterText: `</${name}`,
    sortText: '0',
    textEdit: { range, newText: closingBracketFollows ? `</${name}` : `</${name}>` },
  };
}

export function optionItem(directive: WsgiOptionDirective, option: WsgiOptionInfo, range: Range, valueCompletes: boolean): CompletionItem {
  const item: CompletionItem = {
    label: `${option.name}=`,
    kind: CompletionItemKind.Property,
    detail: `${option.valueType}; default ${option.default}`,
    documentation: markdown(render.optionMarkdown(directive, option)),
    textEdit: { range, newText: `${option.name}=` },
  };
  if (valueCompletes) item.command = TRIGGER;
  return item;
}

export function specialValueItem(entry: WsgiSpecialValue, range: Range): CompletionItem {
  const env = entry.value === '%{ENV:variable}';
  return {
    label: entry.value,
    kind: CompletionItemKind.Constant,
    detail: `mod_wsgi ${entry.slot} value`,
    documentation: markdown(render.specialValueMarkdown(entry.value, entry)),
    sortText: `1${entry.value}`,
    filterText: entry.value,
    insertTextFormat: env ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: env ? '%{ENV:${1:variable}\\}' : entry.value },
  };
}

/** A daemon group name; `rank` orders the ones the directive can use first (same virtual host, then global). */
export function groupItem(name: string, documentation: string, rank: number, detail: string, range: Range): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Class,
    detail,
    documentation: markdown(documentation),
    sortText: `0${rank}${name}`,
    textEdit: { range, newText: name },
  };
}

export function valueItem(label: string, documentation: string, range: Range, kind: CompletionItemKind = CompletionItemKind.Value): CompletionItem {
  return { label, kind, documentation: markdown(documentation), textEdit: { range, newText: label } };
}

export function variableItem(name: string, documentation: string, range: Range, closeBrace: boolean): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Variable,
    detail: `\${${name}}`,
    documentation: markdown(documentation),
    textEdit: { range, newText: closeBrace ? `${name}}` : name },
  };
}

/** A variable of an httpd expression (`%{HTTP_HOST}`), documented by what it describes. */
export function expressionVariableItem(name: string, about: string, range: Range, closeBrace: boolean): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Variable,
    detail: `%{${name}}`,
    documentation: markdown(render.exprVariableMarkdown(name, about)),
    textEdit: { range, newText: closeBrace ? `${name}}` : name },
  };
}
