// Builds the section tree from logical lines, reporting what httpd's config reader rejects while it builds
// the tree (unclosed, mismatched and stray section tags, a missing `>`, a section without its argument).
import type { CommentNode, ConfigAst, DirectiveNode, LogicalLine, Node, ParseProblem, SectionNode, Word } from './ast';
import { endOffsetOf, offsetOf, readWord, readWords, skipBlanks, splitLogicalLines } from './lexer';
import { sectionInfo } from '../catalog/sections';
import { eolOf, lineIndentation } from './text-edits';

export function parse(text: string): ConfigAst {
  const lines = splitLogicalLines(text);
  const problems: ParseProblem[] = [];
  const root: Node[] = [];
  const stack: SectionNode[] = [];
  const add = (node: Node) => (stack.length ? stack[stack.length - 1].children : root).push(node);
  const parentOf = () => (stack.length ? stack[stack.length - 1] : null);

  for (const line of lines) {
    const s = line.content;
    const i = skipBlanks(s, 0);
    if (i >= s.length) continue;
    if (s[i] === '#') {
      add(comment(line, i, parentOf()));
    } else if (s[i] === '<' && s[i + 1] === '/') {
      closeSection(line, i, stack, problems);
    } else if (s[i] === '<') {
      const section = openSection(line, i, parentOf(), problems);
      add(section);
      stack.push(section);
    } else {
      add(directive(line, i, parentOf(), problems));
    }
  }
  // Closing an outer section also closes the unclosed sections inside it, so each fix alone nests correctly.
  const eol = eolOf(text);
  let closing = '';
  for (let k = stack.length - 1; k >= 0; k--) {
    const sec = stack[k];
    closing += `${lineIndentation(text, sec.start)}</${sec.name}>${eol}`;
    const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
    problems.push({
      kind: 'unclosed-section',
      start: sec.nameSpan.start,
      end: sec.open.end,
      message: `<${sec.name}> was not closed: every <${sec.name}> needs a matching </${sec.name}>.`,
      fix: {
        title: k === stack.length - 1 ? `Insert </${sec.name}> at the end of the file` : `Insert </${sec.name}> and the closing tags inside it at the end of the file`,
        edits: [{ start: text.length, end: text.length, newText: lead + closing }],
      },
    });
  }
  return { text, lines, children: root, problems };
}

function nodeLines(line: LogicalLine) {
  return { firstLine: line.firstLine, lastLine: line.lastLine };
}

function comment(line: LogicalLine, i: number, parent: SectionNode | null): CommentNode {
  return { kind: 'comment', start: offsetOf(line, i), end: line.end, text: line.content.slice(i), parent, ...nodeLines(line) };
}

function directive(line: LogicalLine, i: number, parent: SectionNode | null, problems: ParseProblem[]): DirectiveNode {
  const { word: nameWord, next } = readWord(line, i);
  const args = readWords(line, next);
  reportUnterminated([nameWord, ...args], problems);
  const last = args.length ? args[args.length - 1] : nameWord;
  return {
    kind: 'directive',
    name: nameWord.value,
    nameLower: nameWord.value.toLowerCase(),
    nameSpan: { start: nameWord.start, end: nameWord.end },
    args,
    start: nameWord.start,
    end: last.end,
    parent,
    ...nodeLines(line),
  };
}

function openSection(line: LogicalLine, i: number, parent: SectionNode | null, problems: ParseProblem[]): SectionNode {
  const s = line.content;
  // httpd takes the first word as the name (`<VirtualHost`, or `<Else>` when nothing follows) and the text
  // up to the last `>` of the line as the arguments.
  let nameEnd = i + 1;
  while (nameEnd < s.length && !/[\s>]/.test(s[nameEnd])) nameEnd++;
  const name = s.slice(i + 1, nameEnd);
  const gt = s.lastIndexOf('>');
  const hasBracket = gt >= nameEnd;
  const args = readWords(line, nameEnd, hasBracket ? gt : s.length);
  reportUnterminated(args, problems);
  const trimmedEnd = trimEnd(s);
  const section: SectionNode = {
    kind: 'section',
    name,
    nameLower: name.toLowerCase(),
    nameSpan: { start: offsetOf(line, i), end: endOffsetOf(line, nameEnd) },
    args,
    open: { start: offsetOf(line, i), end: endOffsetOf(line, trimmedEnd) },
    openBracket: hasBracket ? offsetOf(line, gt) : -1,
    close: null,
    children: [],
    start: offsetOf(line, i),
    end: endOffsetOf(line, trimmedEnd),
    parent,
    ...nodeLines(line),
  };
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

function closeSection(line: LogicalLine, i: number, stack: SectionNode[], problems: ParseProblem[]): void {
  const s = line.content;
  let nameEnd = i + 2;
  while (nameEnd < s.length && !/[\s>]/.test(s[nameEnd])) nameEnd++;
  const name = s.slice(i + 2, nameEnd);
  const lower = name.toLowerCase();
  const span = { start: offsetOf(line, i), end: endOffsetOf(line, trimEnd(s)), ...nodeLines(line) };
  // httpd wants the whole closing tag as one word ending in `>`: `</VirtualHost foo>` and `</VirtualHost` fail.
  if (s[nameEnd] !== '>' || skipBlanks(s, nameEnd + 1) < s.length) {
    const from = endOffsetOf(line, nameEnd);
    problems.push({
      kind: 'missing-bracket',
      start: span.start,
      end: span.end,
      message: `</${name}> directive is missing its closing '>' (nothing may follow the name in a closing tag).`,
      fix: { title: `Write </${name}>`, edits: [{ start: from, end: span.end, newText: '>' }] },
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
    const nameStart = offsetOf(line, i + 2);
    problems.push({
      kind: 'mismatched-close',
      start: span.start,
      end: span.end,
      message: `Expected </${top.name}> but saw </${name}>: <${top.name}> opened on line ${top.firstLine + 1} must be closed first.`,
      fix: {
        title: `Change to </${top.name}>`,
        edits: [{ start: nameStart, end: endOffsetOf(line, nameEnd), newText: top.name }],
      },
    });
    // Recover: if an enclosing section matches, the inner ones end here too; otherwise ignore this tag.
    const match = stack.map((x) => x.nameLower).lastIndexOf(lower);
    if (match < 0) return;
    while (stack.length > match + 1) finish(stack.pop()!, span, false);
  }
  finish(stack.pop()!, span, true);
}

function finish(section: SectionNode, close: SectionNode['close'] & object, closed: boolean): void {
  if (closed) section.close = close;
  section.end = close.end;
}

function reportUnterminated(words: Word[], problems: ParseProblem[]): void {
  for (const w of words) {
    if (!w.unterminated) continue;
    problems.push({
      kind: 'unterminated-quote',
      start: w.start,
      end: w.end,
      message: `The quote opened here is never closed; Apache reads the rest of the line as one value.`,
      fix: { title: `Close the quote`, edits: [{ start: w.end, end: w.end, newText: w.quote ?? '"' }] },
    });
  }
}

function trimEnd(s: string): number {
  let e = s.length;
  while (e > 0 && /\s/.test(s[e - 1])) e--;
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
