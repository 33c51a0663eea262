// Hover in Python files: environ keys in string literals, `application` where the module defines it, and the
// parameters of a WSGI callable. Transport-free: server.ts turns the result into an LSP Hover.
import type { Hover, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { kid, same, stringValue, textOf, type PythonSource, type SyntaxNode } from './syntax';
import { moduleBindings } from './scope';
import { wsgiShape } from './middleware';
import { ENVIRON_HOVERS, ROLE_HOVERS, type HoverEntry } from './hover-text';

export interface PythonHover {
  markdown: string;
  start: number;
  end: number;
}

function render(entry: HoverEntry): string {
  return `${entry.text}\n\n[Documentation](${entry.url})`;
}

/** The WSGI role of a parameter name: the first enclosing WSGI-shaped function that has it decides. */
function parameterRole(src: PythonSource, node: SyntaxNode, name: string): 'environ' | 'start_response' | null {
  for (let p: SyntaxNode | null = node.parent; p; p = p.parent) {
    if (p.name !== 'FunctionDefinition') continue;
    if (same(kid(p, 'VariableName'), node)) continue;
    const shape = wsgiShape(src, p);
    if (shape?.environ === name) return 'environ';
    if (shape?.startResponse === name) return 'start_response';
  }
  return null;
}

export function pythonHover(src: PythonSource, offset: number): PythonHover | null {
  // Prefer the token the cursor is in; at a token's end, the token just before.
  const node = [src.tree.resolveInner(offset, 1), src.tree.resolveInner(offset, -1)].find((n) => n.name === 'String' || n.name === 'VariableName');
  if (!node) return null;
  const at = { start: node.from, end: node.to };
  if (node.name === 'String') {
    const entry = ENVIRON_HOVERS.get(stringValue(src, node) ?? '');
    return entry ? { markdown: render(entry), ...at } : null;
  }
  const name = textOf(src, node);
  const role = parameterRole(src, node, name);
  if (role) return { markdown: render(ROLE_HOVERS[role]), ...at };
  if (name === 'application' && moduleBindings(src).some((b) => b.name === 'application')) return { markdown: render(ROLE_HOVERS.application), ...at };
  return null;
}

/** The LSP form, for server wiring: a Python analysis and an editor position in, a Hover (or null) out. */
export function pythonHoverAt(analysis: Analysis, position: Position): Hover | null {
  if (!analysis.python) return null;
  const found = pythonHover(analysis.python.source, analysis.lines.offsetAt(position));
  if (!found) return null;
  const range = { start: analysis.lines.positionAt(found.start), end: analysis.lines.positionAt(found.end) };
  return { contents: { kind: 'markdown', value: found.markdown }, range };
}
