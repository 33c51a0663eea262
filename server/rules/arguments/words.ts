// The words Apache passes to a directive: ${VAR} from an earlier Define substituted (Apache does it before it
// splits the line), or undefined when a variable is unknown, so nothing is judged on a guess.
import type { ConfigAst, DirectiveNode, Word } from '../../syntax/ast';
import type { Severity } from '../types';
import { variablesAt } from '../../catalog/wsgi-reach';
import { substitute } from '../../model/variables';
import { standingOf } from '../../catalog/placement';

/** A directive's words, or a section's (the words of its opening tag). */
type Worded = Pick<DirectiveNode, 'args' | 'start'>;

export function effectiveWords(node: Worded, ast: ConfigAst): string[] | undefined {
  return effectiveWordsInto(node, ast, new Array<string>(node.args.length));
}

/**
 * effectiveWords written into `into` (its old content is replaced), for a caller that reads the words only before
 * it asks for the next directive's: argument-count judges most directives, and needs no new array for each.
 */
export function effectiveWordsInto(node: Worded, ast: ConfigAst, into: string[]): string[] | undefined {
  // Indexed loops: every directive a count or argument rule judges comes here.
  const args = node.args;
  into.length = args.length;
  let variable = false;
  for (let i = 0; i < args.length && !variable; i++) variable = args[i].raw.includes('${');
  if (!variable) {
    for (let i = 0; i < args.length; i++) into[i] = args[i].value;
    return into;
  }
  const vars = variablesAt(ast, node.start);
  for (let i = 0; i < args.length; i++) {
    const sub = substitute(args[i].value, vars);
    // A value with blanks or quotes would be split differently: leave that to Apache.
    if (sub.unresolved.length > 0 || sub.inserted.some((v) => /[\s"']/.test(v))) return undefined;
    into[i] = sub.text;
  }
  return into;
}

/**
 * The arguments a TAKE_ARGV directive receives: httpd's config.c stops at an empty word only when nothing follows
 * it, so a last "" is no argument (`Listen ""` has none) while an earlier one is an empty argument.
 */
export function argvWords(words: readonly string[]): readonly string[] {
  return words.length > 0 && words[words.length - 1] === '' ? words.slice(0, -1) : words;
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
  const args = node.args;
  for (let i = 0; i < args.length; i++) if (isCommentWord(args[i])) return true;
  return false;
}

/** A word Apache takes as an argument but the author meant as a comment; `#33` is a uid (User #33). */
export function isCommentWord(w: Word): boolean {
  return w.quote === null && w.raw.startsWith('#') && !/^#\d+$/.test(w.raw);
}
