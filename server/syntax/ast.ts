// Syntax tree of an Apache configuration file. Every node keeps document offsets (UTF-16, end exclusive).
import type { LogicalLines } from './logical-lines';

export interface Span {
  start: number;
  end: number;
}

/** One logical line: physical lines joined where a line ends with `\` (Apache removes the `\` and the newline). */
export interface LogicalLine {
  /** Offset of the first character of the first physical line. */
  start: number;
  /** Offset just after the last character before the final line terminator. */
  end: number;
  /** Offset of the next logical line (after the terminator); lines tile the document. */
  next: number;
  /** 0-based index of the first and the last physical line. */
  firstLine: number;
  lastLine: number;
  /** Text with the continuations removed, as Apache sees it. */
  content: string;
  /** Document offset of each content index; null when the line has no continuation (offset = start + index). */
  map: Int32Array | null;
}

/** An argument word, split the way Apache's ap_getword_conf splits (quotes only at the start of a word). */
export interface Word extends Span {
  /** Raw text as Apache reads it (continuations removed), quotes included. */
  raw: string;
  /** Value with quotes and quote escapes removed. */
  value: string;
  quote: '"' | "'" | null;
  /** A quote opened and never closed (Apache then reads to the end of the line). */
  unterminated: boolean;
  /** For `key=value` words: the key, the unquoted value and the document offset where the value starts. */
  key: string | null;
  optionValue: string;
  valueStart: number;
}

interface NodeBase extends Span {
  parent: SectionNode | null;
  /** 0-based physical lines the node's own text occupies (for a section, its opening tag). */
  firstLine: number;
  lastLine: number;
}

export interface CommentNode extends NodeBase {
  kind: 'comment';
  text: string;
}

export interface DirectiveNode extends NodeBase {
  kind: 'directive';
  /** Name as written, and lower-cased for lookups (Apache matches names case-insensitively). */
  name: string;
  nameLower: string;
  nameSpan: Span;
  args: Word[];
}

export interface SectionNode extends NodeBase {
  kind: 'section';
  /** Name without `<` and `>`, e.g. `VirtualHost`. */
  name: string;
  nameLower: string;
  /** Span of `<Name` in the opening tag. */
  nameSpan: Span;
  args: Word[];
  /** The opening tag line (without its terminator). */
  open: Span;
  /** Offset of the `>` closing the opening tag, or -1 when it is missing. */
  openBracket: number;
  /** The closing tag line, or null when the section is never closed. */
  close: (Span & { firstLine: number; lastLine: number }) | null;
  children: Node[];
}

export type Node = CommentNode | DirectiveNode | SectionNode;

export type ParseProblemKind =
  | 'unclosed-section'
  | 'mismatched-close'
  | 'stray-close'
  | 'missing-bracket'
  /** Words after a whole closing tag of a condition section (`</IfModule> # end`): httpd ignores them after the
   * tag of a container or of a body it skips, but refuses the line when it reads the section (syntax-error judges). */
  | 'words-after-close'
  | 'missing-section-argument'
  | 'unterminated-quote';

export interface ParseProblem extends Span {
  kind: ParseProblemKind;
  message: string;
  /** Exact edits that repair the problem, when one obvious repair exists. */
  fix?: { title: string; edits: Array<Span & { newText: string }> };
}

export interface ConfigAst {
  text: string;
  lines: LogicalLines;
  children: Node[];
  problems: ParseProblem[];
}
