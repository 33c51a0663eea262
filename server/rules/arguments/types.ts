// What an argument checker of invalid-argument sees and returns.
import type { ConfigAst, DirectiveNode } from '../../syntax/ast';
import type { DirectiveInfo } from '../../catalog/types';
import type { Standing } from '../../catalog/placement';
import type { Fix, Severity } from '../types';

export interface ArgInput {
  node: DirectiveNode;
  /** Argument values as Apache sees them (quotes removed, known ${VAR} substituted); words[i] is node.args[i]. */
  words: string[];
  info: DirectiveInfo;
  standing: Standing;
  ast: ConfigAst;
  /** The text is a whole server's configuration (RuleContext.seesWholeServer). */
  seesWholeServer: boolean;
  /** The text is a .htaccess file: every line is read as in a <Directory> section. */
  htaccess: boolean;
}

export interface ArgProblem {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  severity?: Severity;
}

export type ArgChecker = (input: ArgInput) => ArgProblem | undefined;

/** A fix replacing one argument word with `text`. */
export function replaceWord(input: ArgInput, index: number, text: string, preferred: boolean): Fix {
  const w = input.node.args[index];
  // A quoted word may touch the next one (`"a b"next`): written unquoted they would merge, so keep them apart.
  const glue = /\S/.test(input.ast.text[w.end] ?? ' ') ? ' ' : '';
  return { title: `Change '${w.raw}' to '${text}'`, edits: [{ start: w.start, end: w.end, newText: text + glue }], preferred };
}
