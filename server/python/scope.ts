// Which names a module or a block binds. mod_wsgi looks its callable up among the script's module-level names
// after running it, so "defines `application`" means: some module-level statement binds it.
import { descendants, kid, kids, SCOPES, statementsOf, textOf, type PythonSource, type SyntaxNode } from './syntax';

export type BindingKind = 'assignment' | 'def' | 'class' | 'import' | 'for' | 'with' | 'except' | 'walrus';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The name as written where it is bound. */
  node: SyntaxNode;
  /** The statement that binds it. */
  statement: SyntaxNode;
}

/** Names in target position: `a`, `a, b`, `(a, [b, *c])`; attributes and subscripts bind no name. */
function targetNames(target: SyntaxNode): SyntaxNode[] {
  if (target.name === 'VariableName') return [target];
  if (target.name === 'MemberExpression') return [];
  return kids(target).flatMap(targetNames);
}

/** The names one statement binds in its own scope (not inside nested blocks). */
export function bindingsOf(src: PythonSource, stmt: SyntaxNode): Binding[] {
  const out: Binding[] = [];
  const add = (node: SyntaxNode, kind: BindingKind) => out.push({ name: textOf(src, node), kind, node, statement: stmt });
  const parts = kids(stmt);
  switch (stmt.name) {
    case 'AssignStatement': {
      const lastOp = parts.map((p) => p.name).lastIndexOf('AssignOp');
      for (const p of parts.slice(0, Math.max(lastOp, 0))) if (p.name !== 'TypeDef' && p.name !== 'AssignOp') targetNames(p).forEach((n) => add(n, 'assignment'));
      break;
    }
    case 'UpdateStatement':
      if (parts[0]) targetNames(parts[0]).forEach((n) => add(n, 'assignment'));
      break;
    case 'FunctionDefinition':
    case 'ClassDefinition': {
      const name = kid(stmt, 'VariableName');
      if (name) add(name, stmt.name === 'ClassDefinition' ? 'class' : 'def');
      break;
    }
    case 'DecoratedStatement': {
      const def = kids(stmt).find((k) => k.name === 'FunctionDefinition' || k.name === 'ClassDefinition');
      if (def) return bindingsOf(src, def).map((b) => ({ ...b, statement: stmt }));
      break;
    }
    case 'ImportStatement':
      importNames(stmt).forEach((n) => add(n, 'import'));
      break;
    case 'ForStatement': {
      const inAt = parts.findIndex((p) => p.name === 'in');
      parts.slice(1, inAt).forEach((p) => targetNames(p).forEach((n) => add(n, 'for')));
      break;
    }
    case 'WithStatement':
    case 'TryStatement':
      parts.forEach((p, i) => {
        if (p.name === 'as' && parts[i + 1]) targetNames(parts[i + 1]).forEach((n) => add(n, stmt.name === 'WithStatement' ? 'with' : 'except'));
      });
      break;
  }
  // Walrus targets anywhere in the statement's expressions (not in nested blocks or scopes).
  for (const n of descendants(stmt)) {
    if (n.name === 'NamedExpression' && n.firstChild?.name === 'VariableName' && !insideBody(n, stmt)) add(n.firstChild, 'walrus');
  }
  return out;
}

function insideBody(n: SyntaxNode, stmt: SyntaxNode): boolean {
  for (let p = n.parent; p && p.from >= stmt.from && !(p.from === stmt.from && p.to === stmt.to); p = p.parent) if (p.name === 'Body') return true;
  return false;
}

/** Names an import binds: `import a.b` binds `a`; `as` names win; `*` is reported by `hasStarImport`. */
function importNames(stmt: SyntaxNode): SyntaxNode[] {
  const parts = kids(stmt);
  const isFrom = parts[0]?.name === 'from';
  const at = parts.findIndex((p) => p.name === 'import');
  const out: SyntaxNode[] = [];
  let group: SyntaxNode[] = [];
  const flush = () => {
    const asAt = group.findIndex((p) => p.name === 'as');
    const names = group.filter((p) => p.name === 'VariableName');
    if (asAt >= 0 && group[asAt + 1]?.name === 'VariableName') out.push(group[asAt + 1]);
    else if (names.length) out.push(isFrom ? names[names.length - 1] : names[0]);
    group = [];
  };
  for (const p of parts.slice(at + 1)) {
    if (p.name === ',') flush();
    else if (p.name !== '(' && p.name !== ')') group.push(p);
  }
  flush();
  return out;
}

/** Statements of a block and of the blocks of its compound statements (if/for/while/try/with), same scope. */
export function scopeStatements(block: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (b: SyntaxNode) => {
    for (const s of statementsOf(b)) {
      out.push(s);
      if (s.name === 'StatementGroup') visit(s);
      else if (!SCOPES.has(s.name) && s.name !== 'DecoratedStatement') kids(s).filter((k) => k.name === 'Body').forEach(visit);
    }
  };
  visit(block);
  return out;
}

/** Names a statement binds, including in the blocks of a compound statement (same scope). */
export function bindingsDeep(src: PythonSource, stmt: SyntaxNode): Binding[] {
  const own = bindingsOf(src, stmt);
  if (SCOPES.has(stmt.name) || stmt.name === 'DecoratedStatement') return own;
  const inner = stmt.name === 'StatementGroup' ? scopeStatements(stmt) : kids(stmt).filter((k) => k.name === 'Body').flatMap(scopeStatements);
  return own.concat(inner.flatMap((s) => bindingsOf(src, s)));
}

/** Every name bound at module level, in source order. */
export function moduleBindings(src: PythonSource): Binding[] {
  return scopeStatements(src.top).flatMap((s) => bindingsOf(src, s));
}

export function hasStarImport(src: PythonSource): boolean {
  return scopeStatements(src.top).some((s) => s.name === 'ImportStatement' && kids(s).some((k) => k.name === '*'));
}

export type CallableStatus =
  | { status: 'defined'; binding: Binding }
  | { status: 'missing' }
  | { status: 'unknown'; reason: string };

/**
 * Does the script define `name` at module level (assignment, def, class, import-as …)? `unknown` when a
 * `from m import *` could bring it in. For the config-side rule wsgi-callable-missing (default name `application`,
 * or the WSGICallableObject / callable-object= value).
 */
export function callableStatus(src: PythonSource, name = 'application'): CallableStatus {
  const binding = moduleBindings(src).find((b) => b.name === name);
  if (binding) return { status: 'defined', binding };
  if (hasStarImport(src)) return { status: 'unknown', reason: `a 'from … import *' may define '${name}'` };
  return { status: 'missing' };
}

/** Every identifier written inside `node` (any scope): names a fix must not reuse. */
export function namesIn(src: PythonSource, node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const n of descendants(node, false)) if (n.name === 'VariableName') out.add(textOf(src, n));
  return out;
}
