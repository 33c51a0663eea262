// A `${NAME}` that nothing defines where Apache reads it. Apache replaces ${NAME} in each line it reads with a
// Define made before that line or, failing that, the environment it was started with (Debian's envvars); an
// unknown one stays as written and configtest only warns ("AH00111: Config variable ${NAME} is not defined"), so a
// misspelt ${APACHE_LOG_DIR} becomes a path that fails at start-up. In a directive's name it stops configtest.
// Judged only with the whole server in view and its environment known: a file alone may get its Defines from
// another one. Names with a colon are mod_rewrite's ${map:key} (Apache does not warn about those either), and
// lines in a body Apache skips are never substituted.
import type { Fix, Rule } from './types';
import { APACHE_DOCS } from './types';
import type { Node } from '../syntax/ast';
import { forEachNode } from '../syntax/parser';
import { defineIndex, type VariableUse } from '../model/defines';
import { environmentOf, variableValue } from '../model/variables';
import { definesAt, reachOf } from '../catalog/wsgi-reach';
import { closestNames, editDistance } from '../catalog/names';

export const undefinedVariable: Rule = {
  id: 'undefined-variable',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'A ${VAR} that no Define before it and no variable of the environment sets (Apache keeps it as written).',
  docUrl: `${APACHE_DOCS}core.html#define`,
  check(ctx) {
    const environment = environmentOf(ctx.ast);
    if (!ctx.seesWholeServer || !environment) return;
    const uses = defineIndex(ctx.ast).uses;
    if (!uses.length) return;
    // Uses and nodes are both in document order: each use is matched with the node whose own line holds it (a
    // directive, or a section's opening tag); uses elsewhere (a closing tag) are passed over.
    let u = 0;
    forEachNode(ctx.ast.children, (node) => {
      if (node.kind === 'comment' || u >= uses.length) return;
      const start = node.start;
      const end = node.kind === 'section' ? node.open.end : node.end;
      while (u < uses.length && uses[u].outerStart < start) u++;
      let first = -1;
      for (; u < uses.length && uses[u].outerStart < end; u++) if (uses[u].via === 'substitution' && first < 0) first = u;
      if (first >= 0) checkLine(ctx, node, uses, first, u, environment);
    });
  },
};

function checkLine(ctx: Parameters<Rule['check']>[0], node: Node, uses: readonly VariableUse[], from: number, to: number, environment: ReadonlyMap<string, string>): void {
  // What Apache knows when it reads this line: the Defines before it (not one on this very line).
  const defined = definesAt(ctx.ast, node.start, true);
  if (reachOf(node, defined, true).reach !== 'active') return;
  const vars = { defined, environment };
  const nameSpan = node.kind === 'comment' ? undefined : node.nameSpan;
  for (let i = from; i < to; i++) {
    const use = uses[i];
    if (use.via !== 'substitution' || use.name.includes(':') || variableValue(vars, use.name) !== undefined) continue;
    const inName = nameSpan !== undefined && use.outerStart >= nameSpan.start && use.outerEnd <= nameSpan.end;
    const known = [...defined.keys(), ...environment.keys()];
    // Apache compares names exactly: a name that differs only in case is the likeliest meaning.
    const sameLetters = known.filter((k) => k.toLowerCase() === use.name.toLowerCase());
    const candidates = sameLetters.length ? sameLetters : closestNames(use.name, known, 3);
    // --fix takes the first only when no other is as close.
    const sure = candidates.length === 1 || (candidates.length > 1 && distance(use.name, candidates[0]) < distance(use.name, candidates[1]));
    const fixes: Fix[] = candidates.map((c, k) => ({ title: `Change to \${${c}}`, preferred: k === 0 && sure, edits: [{ start: use.start, end: use.end, newText: c }] }));
    const what = `\${${use.name}} is not defined here: no Define before this line sets it, and the environment Apache starts with does not (Debian's envvars)`;
    ctx.report({
      start: use.outerStart,
      end: use.outerEnd,
      severity: inName ? 'error' : undefined,
      message: inName
        ? `${what}. Apache keeps it as written in the directive's name and stops: "Invalid command '${ctx.text.slice(nameSpan!.start, nameSpan!.end)}'".`
        : `${what}. Apache warns "Config variable \${${use.name}} is not defined" and uses the text \${${use.name}} as it stands.`,
      fixes,
    });
  }
}

/** Case counts as a difference here (Apache compares variable names exactly). */
function distance(a: string, b: string): number {
  return a.toLowerCase() === b.toLowerCase() ? (a === b ? 0 : 0.5) : editDistance(a.toLowerCase(), b.toLowerCase(), Math.max(a.length, b.length));
}
