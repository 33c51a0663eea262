// `os.environ.setdefault('DJANGO_SETTINGS_MODULE', …)` at module level of a WSGI script. Environment variables
// belong to the process, not to mod_wsgi's sub-interpreters: the first site to set the variable wins for all.
import { argsOf, descendants, kids, stringValue, textOf, type PythonSource, type SyntaxNode } from './syntax';
import { moduleBindings, scopeStatements } from './scope';

export interface SettingsSetdefault {
  call: SyntaxNode;
  /** `os.environ` or `environ`, as written. */
  mapping: string;
  key: SyntaxNode;
  value: SyntaxNode;
  /** The call is a statement of its own, so it can become an assignment. */
  standalone: boolean;
}

/** `if __name__ == '__main__':` blocks run only from the command line (manage.py), never under mod_wsgi. */
function isMainGuard(src: PythonSource, stmt: SyntaxNode): boolean {
  if (stmt.name !== 'IfStatement') return false;
  const test = kids(stmt)[1];
  const names = test ? descendants(test).map((n) => textOf(src, n)) : [];
  return names.includes('__name__') && names.some((n) => n === "'__main__'" || n === '"__main__"');
}

/** Every module-level setdefault of DJANGO_SETTINGS_MODULE (outside a `__main__` guard). */
export function settingsSetdefaults(src: PythonSource): SettingsSetdefault[] {
  const osEnviron = moduleBindings(src).some((b) => b.name === 'environ' && b.kind === 'import' && textOf(src, b.statement).startsWith('from os '));
  const guarded = scopeStatements(src.top).filter((s) => isMainGuard(src, s));
  const out: SettingsSetdefault[] = [];
  for (const stmt of scopeStatements(src.top)) {
    if (guarded.some((g) => g.from <= stmt.from && stmt.to <= g.to)) continue;
    if (stmt.name !== 'ExpressionStatement' && stmt.name !== 'AssignStatement') continue;
    for (const call of descendants(stmt)) {
      if (call.name !== 'CallExpression') continue;
      const member = call.firstChild;
      const prop = member?.lastChild;
      if (member?.name !== 'MemberExpression' || prop?.name !== 'PropertyName' || textOf(src, prop) !== 'setdefault') continue;
      const mapping = textOf(src, member.firstChild!);
      if (mapping !== 'os.environ' && !(mapping === 'environ' && osEnviron)) continue;
      const args = argsOf(src, call);
      if (!args || args.length !== 2 || args.some((a) => !a.node || a.keyword || a.star)) continue;
      if (stringValue(src, args[0].node!) !== 'DJANGO_SETTINGS_MODULE') continue;
      const standalone = stmt.name === 'ExpressionStatement' && stmt.firstChild?.from === call.from && stmt.firstChild.to === call.to;
      out.push({ call, mapping, key: args[0].node!, value: args[1].node!, standalone });
    }
  }
  return out;
}
