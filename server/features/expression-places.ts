// Where a line's words hold an httpd expression (so `%{NAME}` is one of its variables, not a mod_wsgi value or a
// mod_headers format): the condition of <If>/<ElseIf> and SetEnvIfExpr, the rest of `Require [not] expr`, and a
// Header/RequestHeader word starting with expr=. Completion and hover ask the same question.
import { EXPR_VARIABLE_GROUPS, MODULE_EXPR_NAMES } from '../catalog/data/expr-names';
import { providerIndex } from '../catalog/require-line';

/**
 * `first`: the line's first word, lower-case (`<if` for a section's tag); `args`: its other words as written so far;
 * `index`: which of `args` is asked about.
 */
export function holdsExpression(first: string, args: readonly string[], index: number): boolean {
  switch (first) {
    case '<if':
    case '<elseif':
    case 'setenvifexpr':
      return index === 0;
    case 'require': {
      const p = providerIndex(args[0]);
      return args[p]?.toLowerCase() === 'expr' && index > p;
    }
    case 'header':
    case 'requestheader':
      return /^["']?expr=/i.test(args[index] ?? '');
    default:
      return false;
  }
}

/** What a variable describes, for the variables httpd or a module it names provides; undefined for others. */
export function exprVariableAbout(name: string): string | undefined {
  const upper = name.toUpperCase();
  const group = EXPR_VARIABLE_GROUPS.find((g) => g.names.includes(upper));
  if (group) return group.about;
  const module = MODULE_EXPR_NAMES.find((m) => upper.startsWith(m.variablePrefix));
  return module ? `provided by ${module.module} while it is loaded` : undefined;
}
