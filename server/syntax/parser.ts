// Builds the section tree from logical lines, reporting what httpd's config reader rejects while it builds
// the tree (unclosed, mismatched and stray section tags, a missing `>`, a section without its argument).
import type { CommentNode, ConfigAst, DirectiveNode, LogicalLine, Node, ParseProblem, SectionNode, Span, Word } from './ast';
import { endOffsetOf, isBlank, offsetOf, plainWordEnd, readWord, readWords, shiftWord, skipBlanks } from './lexer';
import { LineCursor, readLogicalLines, splitLogicalLines, type LogicalLines } from './logical-lines';
import { sectionInfo } from '../catalog/sections';
import { eolOf, lineIndentation } from './text-edits';

/**
 * The problems that depend on what comes after them in the file (a section closed later, or never): with one of
 * them a part of the file cannot be read apart from the rest (reparse.ts, a server tree's per-file problems).
 */
export const BALANCE_PROBLEMS: ReadonlySet<ParseProblem['kind']> = new Set(['unclosed-section', 'mismatched-close', 'stray-close']);

export function parse(text: string): ConfigAst {
  const lines = readLogicalLines(text);
  const problems: ParseProblem[] = [];
  const stack: SectionNode[] = [];
  const open: OpenTags = { stack, count: new Map(), text, eol: eolOf(text), ignored: [], pending: [], pendingTop: 0, begins: [] };
  const add = (node: Node) => {
    open.pending[open.pendingTop++] = node;
  };
  const parentOf = () => (stack.length ? stack[stack.length - 1] : null);

  // One cursor for every line: nothing below keeps `line` past its turn (nodes copy the numbers they need).
  const line = new LineCursor();
  for (let n = 0; n < lines.length; n++) {
    lines.read(n, line);
    const s = line.content;
    const i = skipBlanks(s, 0);
    if (i >= s.length) continue;
    if (s[i] === '#') {
      add(comment(line, i, parentOf()));
    } else if (s[i] === '<' && s[i + 1] === '/') {
      closeSection(line, i, open, problems);
    } else if (s[i] === '<') {
      const section = openSection(line, i, parentOf(), problems);
      add(section);
      stack.push(section);
      open.begins.push(open.pendingTop);
      open.count.set(section.nameLower, (open.count.get(section.nameLower) ?? 0) + 1);
    } else {
      add(directive(line, i, parentOf(), problems));
    }
  }
  for (const m of open.ignored) m.problem.fix = ignoredTagFix(m);
  // Closing an outer section also closes the unclosed sections inside it, so each fix alone nests correctly.
  const eol = open.eol;
  let closing = '';
  const lead = stack.length ? leadAtEnd(text, lines, eol) : '';
  for (let k = stack.length - 1; k >= 0; k--) {
    const sec = stack[k];
    closing += `${lineIndentation(text, sec.start)}</${sec.name}>${eol}`;
    problems.push({
      kind: 'unclosed-section',
      start: sec.nameSpan.start,
      end: sec.open.end,
      message: `<${sec.name}> was not closed: every <${sec.name}> needs a matching </${sec.name}>.`,
      fix:
        lead === null
          ? undefined
          : {
              title: k === stack.length - 1 ? `Insert </${sec.name}> at the end of the file` : `Insert </${sec.name}> and the closing tags inside it at the end of the file`,
              edits: [{ start: text.length, end: text.length, newText: lead + closing }],
            },
    });
  }
  // The sections never closed end with the file: they and the top level take their children now.
  for (let k = stack.length - 1; k >= 0; k--) stack[k].children = takeChildren(open, open.begins[k]);
  const root = takeChildren(open, 0);
  return { text, lines, children: root, problems };
}

/**
 * What text appended at the end must start with to begin a line of its own without changing the last line: null
 * when nothing can (a last line ending in `\` without a newline would continue into whatever follows).
 */
function leadAtEnd(text: string, lines: LogicalLines, eol: string): string | null {
  const tail = lines.length ? text.slice(lines.startOf(lines.length - 1)) : '';
  const before = splitLogicalLines(tail).map((l) => l.content);
  for (const lead of ['', eol, eol + eol]) {
    if (lead === '' && text.length > 0 && !text.endsWith('\n')) continue;
    const split = splitLogicalLines(tail + lead + '<').map((l) => l.content);
    const last = split.pop();
    if (last === '<' && split.filter((c) => c !== '').join('\n') === before.filter((c) => c !== '').join('\n')) return lead;
  }
  return null;
}

function comment(line: LogicalLine, i: number, parent: SectionNode | null): CommentNode {
  return { kind: 'comment', start: offsetOf(line, i), end: line.end, text: line.content.slice(i), parent, firstLine: line.firstLine, lastLine: line.lastLine };
}

/**
 * One shared copy of each directive and section name and its lower-case form: the tree keeps fewer strings alive
 * (a config repeats a few dozen names thousands of times), and a name found here is read in place, without a
 * slice. Pairs are grouped by length and the first character's low 7 bits (an array index: cheaper than a Map);
 * buckets and names are bounded, so odd input can neither grow the table without end nor make a lookup scan far.
 */
type NamePair = { name: string; lower: string };
const MAX_INTERNED_LENGTH = 64;
const MAX_BUCKET = 8;
const nameBuckets: Array<NamePair[] | null> = Array.from({ length: (MAX_INTERNED_LENGTH + 1) * 128 }, () => null);
let internedCount = 0;

/** Whether s holds `name` at i (a loop: cheaper than startsWith's builtin call for names this short). */
function sameAt(s: string, i: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(i + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** The name s[i, end) and its lower-case form, shared with every earlier occurrence of the same name. */
export function internName(s: string, i: number, end: number): NamePair {
  const length = end - i;
  if (length > MAX_INTERNED_LENGTH) {
    const name = s.slice(i, end);
    return { name, lower: name.toLowerCase() };
  }
  const key = length === 0 ? 0 : length * 128 + (s.charCodeAt(i) & 127);
  let bucket = nameBuckets[key];
  if (bucket) {
    for (let k = 0; k < bucket.length; k++) if (sameAt(s, i, bucket[k].name)) return bucket[k];
  }
  const name = s.slice(i, end);
  const pair = { name, lower: name.toLowerCase() };
  if (internedCount < 4096 && (!bucket || bucket.length < MAX_BUCKET)) {
    if (!bucket) nameBuckets[key] = bucket = [];
    bucket.push(pair);
    internedCount++;
  }
  return pair;
}

function directive(line: LogicalLine, i: number, parent: SectionNode | null, problems: ParseProblem[]): DirectiveNode {
  // A plain name (most are) is read without building a Word for it.
  const plainEnd = plainWordEnd(line.content, i, line.content.length);
  let names: NamePair;
  let start: number;
  let nameEnd: number;
  let next: number;
  // Where the name's word ends (past a dropped `>`): the node ends there at least.
  let wordEnd: number;
  if (plainEnd >= 0) {
    const end = nameEndIn(line.content, i, plainEnd);
    names = internName(line.content, i, end);
    start = offsetOf(line, i);
    nameEnd = endOffsetOf(line, end);
    wordEnd = endOffsetOf(line, plainEnd);
    next = plainEnd;
  } else {
    const read = readWord(line, i);
    if (read.word.unterminated) reportUnterminated([read.word], problems);
    const v = read.word.value;
    names = internName(v, 0, nameEndIn(v, 0, v.length));
    start = read.word.start;
    nameEnd = wordEnd = read.word.end;
    next = read.next;
  }
  const args = readWords(line, next);
  reportUnterminated(args, problems);
  return new Directive(names, start, nameEnd, wordEnd, args, parent, line);
}

/** Where the name in s[from, end) ends: httpd drops one `>` ending a directive's name (so `<Else>` reads as `<Else`), and `Allow> from all` is Allow. */
function nameEndIn(s: string, from: number, end: number): number {
  return end - from > 1 && s.charCodeAt(end - 1) === 62 ? end - 1 : end;
}

/**
 * What directive and section nodes share: name, arguments, place, and the name span, made on its first read from
 * the node's start and the name's end (most are never read: rules read them to report). The tree lives through
 * the whole analysis, so each span not made is 32 bytes fewer for every scavenge to copy.
 */
abstract class NamedNode {
  name: string;
  nameLower: string;
  args: Word[];
  start: number;
  end: number;
  parent: SectionNode | null;
  firstLine: number;
  lastLine: number;
  protected nameEnd: number;
  private nameSpanMade: Span | null = null;

  constructor(names: NamePair, args: Word[], start: number, end: number, nameEnd: number, parent: SectionNode | null, line: LogicalLine) {
    this.name = names.name;
    this.nameLower = names.lower;
    this.args = args;
    this.start = start;
    this.end = end;
    this.parent = parent;
    this.firstLine = line.firstLine;
    this.lastLine = line.lastLine;
    this.nameEnd = nameEnd;
  }

  /** Made once, then the same object on every read (as a stored span would be). */
  get nameSpan(): Span {
    return (this.nameSpanMade ??= { start: this.start, end: this.nameEnd });
  }

  /** The offsets only this class keeps, for shiftNodes (which moves start and end). */
  shift(delta: number): void {
    this.nameEnd += delta;
    if (this.nameSpanMade) {
      this.nameSpanMade.start += delta;
      this.nameSpanMade.end += delta;
    }
  }
}

/** A directive node as the parser makes it. */
class Directive extends NamedNode implements DirectiveNode {
  /** On the prototype (see below), not in each node. */
  declare readonly kind: 'directive';

  constructor(names: NamePair, start: number, nameEnd: number, wordEnd: number, args: Word[], parent: SectionNode | null, line: LogicalLine) {
    super(names, args, start, args.length ? args[args.length - 1].end : wordEnd, nameEnd, parent, line);
  }

  /** JSON shows the fields of a plain DirectiveNode, in its order (a spread `{...node}` would not: copy by name). */
  toJSON(): DirectiveNode {
    const { kind, name, nameLower, nameSpan, args, start, end, parent, firstLine, lastLine } = this;
    return { kind, name, nameLower, nameSpan, args, start, end, parent, firstLine, lastLine };
  }
}

function openSection(line: LogicalLine, i: number, parent: SectionNode | null, problems: ParseProblem[]): SectionNode {
  const s = line.content;
  // httpd takes the first word as the name (`<VirtualHost`, or `<Else>` when nothing follows) and the text
  // up to the last `>` of the line as the arguments.
  let nameEnd = i + 1;
  while (nameEnd < s.length && s[nameEnd] !== '>' && !isBlank(s.charCodeAt(nameEnd))) nameEnd++;
  const names = internName(s, i + 1, nameEnd);
  const name = names.name;
  const gt = s.lastIndexOf('>');
  const hasBracket = gt >= nameEnd;
  const args = readWords(line, nameEnd, hasBracket ? gt : s.length);
  reportUnterminated(args, problems);
  const trimmedEnd = trimEnd(s);
  const section = new Section(names, args, offsetOf(line, i), endOffsetOf(line, nameEnd), endOffsetOf(line, trimmedEnd), hasBracket ? offsetOf(line, gt) : -1, parent, line);
  if (!hasBracket) {
    const at = endOffsetOf(line, trimmedEnd);
    problems.push({
      kind: 'missing-bracket',
      start: section.open.start,
      end: section.open.end,
      message: `<${name}> directive is missing its closing '>'.`,
      fix: { title: "Insert the missing '>'", edits: [{ start: at, end: at, newText: '>' }] },
    });
  }
  const info = sectionInfo(section.nameLower);
  if (info?.argumentRequired && args.length === 0 && name.length > 0) {
    problems.push({
      kind: 'missing-section-argument',
      start: section.open.start,
      end: section.open.end,
      message: `<${name}> needs an argument (for example ${exampleArgument(section.nameLower)}); Apache refuses it without one.`,
    });
  }
  return section;
}

/**
 * A section node as the parser makes it: the spans of its name and of its opening tag are made on first read,
 * from the node's start and the two ends (most are never read: rules read them to report), 64 bytes less per
 * section for the garbage collector to copy. The parser sets children, close and end when the section ends.
 */
class Section extends NamedNode implements SectionNode {
  /** On the prototype (see below), not in each node. */
  declare readonly kind: 'section';
  openBracket: number;
  close: SectionNode['close'] = null;
  children: Node[] = NO_CHILDREN_YET;
  private openEnd: number;
  private openMade: Span | null = null;

  constructor(names: NamePair, args: Word[], start: number, nameEnd: number, openEnd: number, openBracket: number, parent: SectionNode | null, line: LogicalLine) {
    super(names, args, start, openEnd, nameEnd, parent, line);
    this.openBracket = openBracket;
    this.openEnd = openEnd;
  }

  /** The opening tag line: made once, then the same object on every read. */
  get open(): Span {
    return (this.openMade ??= { start: this.start, end: this.openEnd });
  }

  override shift(delta: number): void {
    super.shift(delta);
    this.openEnd += delta;
    if (this.openBracket >= 0) this.openBracket += delta;
    if (this.openMade) {
      this.openMade.start += delta;
      this.openMade.end += delta;
    }
  }

  /** JSON shows the fields of a plain SectionNode, in its order (a spread `{...node}` would not: copy by name). */
  toJSON(): SectionNode {
    const { kind, name, nameLower, nameSpan, args, open, openBracket, close, children, start, end, parent, firstLine, lastLine } = this;
    return { kind, name, nameLower, nameSpan, args, open, openBracket, close, children, start, end, parent, firstLine, lastLine };
  }
}

// A node's kind is one per class: kept once on the prototype, it is 8 bytes fewer in each node the tree keeps
// (enumerable, as the own field it replaces was, so for-in still lists it; toJSON names it).
Object.defineProperty(Directive.prototype, 'kind', { value: 'directive', enumerable: true });
Object.defineProperty(Section.prototype, 'kind', { value: 'section', enumerable: true });

/** The open sections, with how many of each name are open (a mismatched tag looks for one without a scan). */
interface OpenTags {
  stack: SectionNode[];
  count: Map<string, number>;
  text: string;
  eol: string;
  /**
   * Mismatched tags no open section answers: their fix depends on what follows (see ignoredTagFix). `name`: from
   * the name to the tag's end; `line`: the tag's line, copied (the parser's line cursor moves on).
   */
  ignored: Array<{ problem: ParseProblem; top: SectionNode; line: { start: number; next: number }; name: { start: number; end: number } }>;
  /**
   * The nodes read so far whose parent is still open, in document order: the top level's, then each open
   * section's (stack[k]'s children start at begins[k]). A section's children are copied out at their size when
   * it ends, instead of growing an array of their own (a pushed array reserves 16 slots).
   */
  pending: Node[];
  pendingTop: number;
  begins: number[];
}

/** A section's children until it ends (never added to: the parser gathers them in OpenTags.pending). */
const NO_CHILDREN_YET: Node[] = Object.freeze([]) as unknown as Node[];

/** pending[from, top) as an array of its own; the top comes down to `from` (later nodes overwrite those slots). */
function takeChildren(open: OpenTags, from: number): Node[] {
  const children = open.pending.slice(from, open.pendingTop);
  open.pendingTop = from;
  return children;
}

function closeSection(line: LogicalLine, i: number, open: OpenTags, problems: ParseProblem[]): void {
  const { stack } = open;
  const s = line.content;
  let nameEnd = i + 2;
  while (nameEnd < s.length && s[nameEnd] !== '>' && !isBlank(s.charCodeAt(nameEnd))) nameEnd++;
  const { name, lower } = internName(s, i + 2, nameEnd);
  const span = { start: offsetOf(line, i), end: endOffsetOf(line, trimEnd(s)), firstLine: line.firstLine, lastLine: line.lastLine };
  // httpd wants the whole closing tag as one word ending in `>`: `</VirtualHost foo>`, `</VirtualHost` and
  // `</VirtualHost>x` fail. Words after it (`</Directory> # end`) are ignored, except by a condition section httpd
  // reads, which refuses them: that depends on the condition, so the parser only notes them (verified with apache2 -t).
  const whole = s[nameEnd] === '>' && (nameEnd + 1 >= s.length || isBlank(s.charCodeAt(nameEnd + 1)));
  const trailing = whole && skipBlanks(s, nameEnd + 1) < s.length;
  if (!whole || (trailing && sectionInfo(lower)?.transparent)) {
    const from = endOffsetOf(line, nameEnd);
    problems.push({
      kind: whole ? 'words-after-close' : 'missing-bracket',
      start: span.start,
      end: span.end,
      message: whole
        ? `</${name}> is followed by more words: Apache refuses them when it reads the section.`
        : `</${name}> directive is missing its closing '>' (nothing may follow the name in a closing tag).`,
      fix: { title: whole ? `Remove the words after </${name}>` : `Write </${name}>`, edits: [{ start: from, end: span.end, newText: '>' }] },
    });
  }
  const top = stack[stack.length - 1];
  if (!top) {
    problems.push({
      kind: 'stray-close',
      start: span.start,
      end: span.end,
      message: `</${name}> closes a section that was never opened.`,
      fix: { title: `Remove the stray </${name}>`, edits: [{ start: line.start, end: line.next, newText: '' }] },
    });
    return;
  }
  if (top.nameLower !== lower) {
    const problem: ParseProblem = {
      kind: 'mismatched-close',
      start: span.start,
      end: span.end,
      message: `Expected </${top.name}> but saw </${name}>: <${top.name}> opened on line ${top.firstLine + 1} must be closed first.`,
    };
    problems.push(problem);
    // Recover: if an enclosing section matches, the inner ones end here too; otherwise ignore this tag.
    if (!open.count.get(lower)) {
      open.ignored.push({ problem, top, line: { start: line.start, next: line.next }, name: { start: offsetOf(line, i + 2), end: span.end } });
      return;
    }
    // The fix closes the inner sections just before this tag: the tree the recovery reads, written out.
    let closing = '';
    while (stack[stack.length - 1].nameLower !== lower) {
      const inner = pop(open);
      closing += `${lineIndentation(open.text, inner.start)}</${inner.name}>${open.eol}`;
      finish(inner, span, false);
    }
    problem.fix = { title: `Close ${closing.trim().split(/\s+/).join(', ')} first`, edits: [{ start: line.start, end: line.start, newText: closing }] };
  }
  finish(pop(open), span, true);
}

function pop(open: OpenTags): SectionNode {
  const section = open.stack.pop()!;
  section.children = takeChildren(open, open.begins.pop()!);
  open.count.set(section.nameLower, open.count.get(section.nameLower)! - 1);
  return section;
}

/**
 * A tag naming no open section is read as nothing. If the section it interrupts is never closed, the tag was
 * meant to close it: rewrite it (what follows its name goes too, a closing tag being one word). If that section
 * is closed later, this tag is extra: remove it. Either way the text then reads as the recovery read it, so the
 * fix never adds a problem elsewhere.
 */
function ignoredTagFix(m: OpenTags['ignored'][number]): ParseProblem['fix'] {
  if (m.top.close === null) {
    // An empty name after `</` and a continuation has no span to rewrite: no fix then.
    return m.name.start <= m.name.end ? { title: `Change to </${m.top.name}>`, edits: [{ start: m.name.start, end: m.name.end, newText: `${m.top.name}>` }] } : undefined;
  }
  return { title: `Remove this closing tag (<${m.top.name}> is closed later)`, edits: [{ start: m.line.start, end: m.line.next, newText: '' }] };
}

function finish(section: SectionNode, close: SectionNode['close'] & object, closed: boolean): void {
  if (closed) section.close = close;
  section.end = close.end;
}

function reportUnterminated(words: Word[], problems: ParseProblem[]): void {
  for (const w of words) {
    if (!w.unterminated) continue;
    // A backslash before the closing quote escapes it (ap_getword_conf): a value ending in one cannot be closed.
    const closable = !w.raw.endsWith('\\');
    problems.push({
      kind: 'unterminated-quote',
      start: w.start,
      end: w.end,
      message: `The quote opened here is never closed; Apache reads the rest of the line as one value.`,
      fix: closable ? { title: `Close the quote`, edits: [{ start: w.end, end: w.end, newText: w.quote ?? '"' }] } : undefined,
    });
  }
}

function trimEnd(s: string): number {
  let e = s.length;
  // Apache's blanks only (apr_isspace): a BOM or no-break space is text to it.
  while (e > 0 && isBlank(s.charCodeAt(e - 1))) e--;
  return e;
}

const examples: Record<string, string> = {
  virtualhost: '*:80',
  directory: '/srv/app',
  location: '/',
  files: 'wsgi.py',
  ifmodule: 'mod_wsgi.c',
  ifdefine: 'NAME',
};

function exampleArgument(nameLower: string): string {
  return examples[nameLower] ?? 'a path or pattern';
}

/**
 * Moves nodes (and everything inside them) `delta` characters and `lineDelta` physical lines on, in place: how a
 * re-parse (reparse.ts) re-uses the unchanged part of a tree after an edit, and places the part it re-read.
 */
export function shiftNodes(nodes: readonly Node[], delta: number, lineDelta: number): void {
  if (delta === 0 && lineDelta === 0) return;
  // A module-level visitor (see modelOf in model.ts): a closure per call would show forEachNode a new target.
  forEachNode(nodes, shiftNode, { delta, lineDelta });
}

function shiftNode(node: Node, { delta, lineDelta }: { delta: number; lineDelta: number }): void {
  node.start += delta;
  node.end += delta;
  node.firstLine += lineDelta;
  node.lastLine += lineDelta;
  if (node.kind === 'comment') return;
  if (node instanceof NamedNode) node.shift(delta);
  for (let k = 0; k < node.args.length; k++) shiftWord(node.args[k], delta);
  if (node.kind === 'section' && node.close) {
    node.close.start += delta;
    node.close.end += delta;
    node.close.firstLine += lineDelta;
    node.close.lastLine += lineDelta;
  }
}

/** Calls `visit` on every node in document order, like walk() without a generator's per-node allocations. */
export function forEachNode<A>(nodes: readonly Node[], visit: (node: Node, arg: A) => void, arg?: A): void {
  const lists: Array<readonly Node[]> = [nodes];
  const indexes: number[] = [0];
  while (lists.length) {
    const top = lists.length - 1;
    const list = lists[top];
    const i = indexes[top];
    if (i >= list.length) {
      lists.pop();
      indexes.pop();
      continue;
    }
    indexes[top] = i + 1;
    const n = list[i];
    visit(n, arg as A);
    if (n.kind === 'section' && n.children.length) {
      lists.push(n.children);
      indexes.push(0);
    }
  }
}

/** Every node in document order (sections before their children). Iterative: nesting can be arbitrarily deep. */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  const stack: Array<{ list: readonly Node[]; i: number }> = [{ list: nodes, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const n = top.list[top.i++];
    yield n;
    if (n.kind === 'section' && n.children.length) stack.push({ list: n.children, i: 0 });
  }
}
