// The words Apache passes to a directive: ${VAR} from an earlier Define substituted (Apache does it before it
// splits the line), or undefined when a variable is unknown, so nothing is judged on a guess.
import type { ConfigAst, DirectiveNode } from '../../syntax/ast';
import type { Severity } from '../types';
import { variablesAt } from '../../catalog/wsgi-reach';
import { substitute } from '../../model/variables';
import { standingOf } from '../../catalog/placement';

export function effectiveWords(node: DirectiveNode, ast: ConfigAst): string[] | undefined {
  if (!node.args.some((w) => w.raw.includes('${'))) return node.args.map((w) => w.value);
  const vars = variablesAt(ast, node.start);
  const words: string[] = [];
  for (const w of node.args) {
    const sub = substitute(w.value, vars);
    // A value with blanks or quotes would be split differently: leave that to Apache.
    if (sub.unresolved.length > 0 || sub.inserted.some((v) => /[\s"']/.test(v))) return undefined;
    words.push(sub.text);
  }
  return words;
}

/** Severity for a finding on this node: null when Apache never reads it, a warning when it may not. */
export function readingSeverity(node: DirectiveNode, ast: ConfigAst): Severity | undefined | null {
  const reach = standingOf(node, ast).reach;
  return reach === 'skipped' ? null : reach === 'maybe' ? 'warning' : undefined;
}

/**
 * `# …` after the arguments: Apache reads it as more words. trailing-comment reports those lines (as an error
 * where Apache fails), so the generic argument rules leave them alone instead of saying it twice.
 */
export function hasCommentWord(node: DirectiveNode): boolean {
  return node.args.some((w) => w.quote === null && w.raw.startsWith('#') && !/^#\d+$/.test(w.raw));
}
