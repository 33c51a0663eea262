// Document outline: sections nested as written (virtual hosts named by ServerName and address), daemon process
// groups, WSGI script aliases and Define'd variables inside them. Built without recursion: nesting may be deep.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import type { DirectiveNode, SectionNode } from '../syntax/ast';
import { walk } from '../syntax/parser';
import { rangeOf, sectionEnd } from './locate';
import { vhostLabel } from './groups';
import { virtualHostOf } from '../model/model';

/** Deeper sections are listed flat under the symbol at this depth: JSON encoders recurse, and overflow near 4,000. */
export const MAX_SYMBOL_DEPTH = 500;

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { ast, lines, model } = analysis;
  const top: DocumentSymbol[] = [];
  const bySection = new Map<SectionNode, { symbol: DocumentSymbol; depth: number }>();
  const add = (parent: SectionNode | null, symbol: DocumentSymbol) => {
    const list = parent ? bySection.get(parent)?.symbol.children : top;
    (list ?? top).push(symbol);
  };
  for (const node of walk(ast.children)) {
    if (node.kind === 'section') {
      const vhost = node.nameLower === 'virtualhost';
      const args = node.args.map((w) => w.raw).join(' ');
      const symbol: DocumentSymbol = {
        name: vhost ? vhostLabel(model, node) : `<${node.name || '?'}${args ? ' ' + args : ''}>`,
        detail: vhost ? aliasesOf(analysis, node) : '',
        kind: vhost ? SymbolKind.Namespace : SymbolKind.Module,
        range: rangeOf(lines, node.start, sectionEnd(node, ast.text.length)),
        selectionRange: rangeOf(lines, node.nameSpan.start, node.nameSpan.end),
        children: [],
      };
      const outer = node.parent ? bySection.get(node.parent) : undefined;
      const depth = (outer?.depth ?? 0) + 1;
      // Past the cap a section stands for itself in its parent's list, and its own children join that list.
      bySection.set(node, depth > MAX_SYMBOL_DEPTH && outer ? outer : { symbol, depth });
      add(node.parent, symbol);
    } else if (node.kind === 'directive') {
      const symbol = directiveSymbol(analysis, node);
      if (symbol) add(node.parent, symbol);
    }
  }
  return top;
}

function directiveSymbol(analysis: Analysis, node: DirectiveNode): DocumentSymbol | null {
  const { lines } = analysis;
  const range = rangeOf(lines, node.start, node.end);
  const first = node.args[0];
  switch (node.nameLower) {
    case 'wsgidaemonprocess': {
      if (!first || first.key !== null) return null;
      const options = node.args.slice(1).filter((w) => w.key === 'processes' || w.key === 'threads').map((w) => w.raw);
      return { name: first.value || '""', detail: ['WSGIDaemonProcess', ...options].join(' '), kind: SymbolKind.Class, range, selectionRange: rangeOf(lines, first.start, first.end) };
    }
    case 'wsgiscriptalias':
    case 'wsgiscriptaliasmatch': {
      if (!first) return null;
      const target = node.args[1]?.value ?? '?';
      const group = node.args.find((w) => w.key === 'process-group');
      return {
        name: `${first.value || '""'} → ${target}`,
        detail: `${node.name}${group ? ` ${group.raw}` : ''}`,
        kind: SymbolKind.Function,
        range,
        selectionRange: rangeOf(lines, first.start, first.end),
      };
    }
    case 'define':
      if (!first) return null;
      return { name: first.value || '""', detail: node.args[1] ? `Define = ${node.args[1].value}` : 'Define', kind: SymbolKind.Constant, range, selectionRange: rangeOf(lines, first.start, first.end) };
    default:
      return null;
  }
}

function aliasesOf(analysis: Analysis, section: SectionNode): string {
  const vhost = virtualHostOf(analysis.model, section);
  const aliases = vhost?.names.filter((w) => w !== vhost.serverName?.args[0]).map((w) => w.value) ?? [];
  return aliases.length ? `also ${aliases.join(', ')}` : '';
}
