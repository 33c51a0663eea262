// Reads a mod_wsgi RAW_ARGS directive the way mod_wsgi 4.9.4 does: Apache first replaces ${VAR} in the line,
// then positional words come from ap_getword_conf and options from wsgi_parse_option (`name=` with no blank
// before `=`; the value is the next word, even after blanks). Every token keeps its document range.
import type { ConfigAst, DirectiveNode, LogicalLine } from '../syntax/ast';
import { endOffsetOf, offsetOf } from '../syntax/lexer';
import { optionsByName, wsgiOptionDirective, type WsgiOptionDirective } from './wsgi-options';
import { definesAt, reachOf, type ReachInfo } from './wsgi-reach';
import { environmentOf, variableValue, type Variables } from '../model/variables';

// Tokens live as long as the analysis (~22k of them at 24k lines): small classes with their yes/no facts in one
// number, a field fewer than a plain object holding each flag.
const QUOTED = 1;
const UNRESOLVED = 2;
const DETACHED = 4;
const EARLY = 8;

export class WsgiToken {
  constructor(
    /** Value as mod_wsgi sees it: quotes and escapes removed, known ${VAR} substituted. */
    readonly text: string,
    public start: number,
    public end: number,
    private readonly flags: number,
  ) {}

  get quoted(): boolean {
    return (this.flags & QUOTED) !== 0;
  }

  /** Holds a ${VAR} we cannot resolve: not to be judged. */
  get unresolved(): boolean {
    return (this.flags & UNRESOLVED) !== 0;
  }
}

export class WsgiOptionToken {
  constructor(
    readonly name: string,
    readonly value: WsgiToken,
    /** Whole `name=value`. */
    readonly start: number,
    readonly end: number,
    readonly nameEnd: number,
    private readonly flags: number,
  ) {}

  /** Blanks between `=` and the value (mod_wsgi still takes the next word as the value). */
  get detached(): boolean {
    return (this.flags & DETACHED) !== 0;
  }

  /** Written before a positional argument (mod_wsgi would read it as that argument). */
  get early(): boolean {
    return (this.flags & EARLY) !== 0;
  }

  get unresolved(): boolean {
    return (this.flags & UNRESOLVED) !== 0;
  }
}

/** Text where mod_wsgi expects `name=value` but finds something else. */
export interface WsgiMalformed {
  /** `bare`: no `=`; `equals`: starts with `=`; `spaced`: `name = value` or `name =value`. */
  kind: 'bare' | 'equals' | 'spaced';
  start: number;
  end: number;
  name: string;
  nameEnd: number;
  /** For `spaced`: the word after `=` (empty when nothing follows). */
  value?: WsgiToken;
  unresolved: boolean;
}

/** A directive's positional words as mod_wsgi reads them, and where and whether Apache reads it. */
export interface WsgiHead {
  directive: WsgiOptionDirective;
  node: DirectiveNode;
  positional: readonly WsgiToken[];
  reach: ReachInfo;
  /** End of the directive's logical line: Apache reports errors on its last physical line. */
  lineEnd: number;
}

export interface WsgiArguments extends WsgiHead {
  options: readonly WsgiOptionToken[];
  malformed: readonly WsgiMalformed[];
}

/**
 * The words mod_wsgi itself takes as the positional arguments: the first ones of the line, whatever they hold. An
 * option written before the path (marked early) is among them when it comes first, and is then the path to
 * mod_wsgi, not an option; the options after it are options again. In document order, at most as many as the
 * directive has positional arguments.
 */
export function wordsTakenAsPositional(args: WsgiArguments): Array<WsgiToken | WsgiOptionToken> {
  const wanted = args.directive.positional.length;
  const words: Array<WsgiToken | WsgiOptionToken> = [...args.positional];
  for (const o of args.options) if (o.early) words.push(o);
  words.sort((a, b) => a.start - b.start);
  return words.length > wanted ? words.slice(0, wanted) : words;
}

/**
 * An option written before the path with every positional word after it: mod_wsgi took the option as the path
 * and then rejects the real path as an invalid option (with nothing after the option, the option text is the path).
 */
export function rejectsEarlyOption(args: WsgiArguments): boolean {
  return args.positional.length === args.directive.positional.length && hasEarlyOption(args);
}

/** An option written where a positional word belongs. */
export function hasEarlyOption(args: WsgiArguments): boolean {
  for (let i = 0; i < args.options.length; i++) if (args.options[i].early) return true;
  return false;
}

/**
 * The text mod_wsgi reads, with each character's document range, and the reading position. A plain line (no
 * continuation, no ${VAR}) is read in place in the line's content and maps by a constant offset: no copy and no
 * tables, which is the common case.
 */
interface Source {
  text: string;
  /** Document offset of text[0] when the mapping is a constant shift; -1 when the tables below hold it. */
  base: number;
  from: readonly number[];
  to: readonly number[];
  unresolved: readonly boolean[];
  end: number;
  /** Where the last word read ended, blanks after it skipped: the readers below advance it. */
  pos: number;
}

const NO_NUMBERS: readonly number[] = [];
const NO_FLAGS: readonly boolean[] = [];

/** The Source of a plain line, refilled for each: a Source lives only while one directive is read. */
const plainSource: Source = { text: '', base: 0, from: NO_NUMBERS, to: NO_NUMBERS, unresolved: NO_FLAGS, end: 0, pos: 0 };

/** The empty list every reader shares (most directives have no malformed text): typed readonly, so no caller adds to it. */
const NONE: readonly never[] = [];

/**
 * A list gathered in a reused array and copied out at its size: the lists live as long as the analysis, and an
 * array grown by push reserves 16 slots. Counted, not emptied with `length = 0`, which drops the array's storage
 * (so the next push allocates again) and is a slow runtime call. Slots past `count` hold stale entries until
 * overwritten: a few tokens, nothing that holds a tree.
 */
class Gathered<T> {
  private readonly items: T[] = [];
  count = 0;

  add(item: T): void {
    this.items[this.count++] = item;
  }

  /** The items added since the last take, as a new array (one shared empty list when none: most have no malformed). */
  take(): readonly T[] {
    const list = this.count ? this.items.slice(0, this.count) : NONE;
    this.count = 0;
    return list;
  }
}

// read() is not re-entered (nothing it calls reads a directive), so one set serves.
const gatheredPositional = new Gathered<WsgiToken>();
const gatheredOptions = new Gathered<WsgiOptionToken>();
const gatheredMalformed = new Gathered<WsgiMalformed>();

/**
 * The directive read as mod_wsgi reads it, or null when it is not an option-bearing mod_wsgi directive. Not
 * cached: the rules read each directive once through wsgi-scan's per-model lists (wsgiDirectives).
 */
export function readWsgiArguments(ast: ConfigAst, node: DirectiveNode, wholeServer: boolean): WsgiArguments | null {
  return read(ast, node, wholeServer, true) as WsgiArguments | null;
}

/**
 * readWsgiArguments(…) without `options` and `malformed`: the same reading, stopped once the positional words are
 * read (the options after them are not parsed). For rules that only need a WSGIDaemonProcess's group name.
 */
export function readWsgiHead(ast: ConfigAst, node: DirectiveNode, wholeServer: boolean): WsgiHead | null {
  return read(ast, node, wholeServer, false);
}

function read(ast: ConfigAst, node: DirectiveNode, wholeServer: boolean, whole: boolean): WsgiArguments | WsgiHead | null {
  const directive = wsgiOptionDirective(node.nameLower);
  const line = directive ? lineOf(ast, node.start) : undefined;
  if (!directive || !line) return null;
  const defined = definesAt(ast, node.start, wholeServer);
  const src = substituted(ast, line, contentIndex(line, node.nameSpan.end), defined);
  const reach = reachOf(node, defined, wholeServer);
  const opts = optionsByName(directive);
  const s = src.text;
  const positional = gatheredPositional;
  const options = gatheredOptions;
  const malformedOnes = gatheredMalformed;
  positional.count = options.count = malformedOnes.count = 0;
  let pos = skipBlanks(s, src.pos);
  while (pos < s.length && positional.count < directive.positional.length) {
    // An option written where a path belongs: keep reading so the real path is found (not for a daemon name).
    const opt = directive.name !== 'WSGIDaemonProcess' ? parseOption(src, pos, opts) : null;
    if (opt) options.add(opt);
    else positional.add(word(src, pos));
    pos = src.pos;
  }
  if (!whole) {
    options.count = 0;
    return { directive, node, positional: positional.take(), reach, lineEnd: line.end };
  }
  while (pos < s.length) {
    const opt = parseOption(src, pos, null);
    if (opt) options.add(opt);
    else malformedOnes.add(malformed(src, pos));
    pos = src.pos;
  }
  return {
    directive,
    node,
    positional: positional.take(),
    options: options.take(),
    malformed: malformedOnes.take(),
    reach,
    lineEnd: line.end,
  };
}

function lineOf(ast: ConfigAst, offset: number): LogicalLine | undefined {
  return ast.lines.lineAt(offset);
}

function contentIndex(line: LogicalLine, offset: number): number {
  if (!line.map) return offset - line.start;
  let i = 0;
  while (i < line.content.length && line.map[i] < offset) i++;
  return i;
}

const fromAt = (src: Source, i: number) => (src.base >= 0 ? src.base + i : src.from[i]);
const toAt = (src: Source, i: number) => (src.base >= 0 ? src.base + i + 1 : src.to[i]);

/**
 * The rest of the line after `from`, with ${VAR} replaced where known (Apache's ap_resolve_env). A plain line is
 * read in place: its content, from index `from`, at offset line.start.
 */
function substituted(ast: ConfigAst, line: LogicalLine, from: number, defined: Variables['defined']): Source {
  const s = line.content;
  if (!line.map && !s.includes('${', from)) {
    const src = plainSource;
    src.text = s;
    src.base = line.start;
    src.end = line.end;
    src.pos = from;
    return src;
  }
  const vars: Variables = { defined, environment: environmentOf(ast) };
  let text = '';
  const fromTable: number[] = [];
  const toTable: number[] = [];
  const unresolvedTable: boolean[] = [];
  const push = (ch: string, a: number, b: number, unresolved: boolean) => {
    text += ch;
    fromTable.push(a);
    toTable.push(b);
    unresolvedTable.push(unresolved);
  };
  for (let i = from; i < s.length; ) {
    const close = s.startsWith('${', i) ? s.indexOf('}', i + 2) : -1;
    if (close < 0) {
      push(s[i], offsetOf(line, i), endOffsetOf(line, i + 1), false);
      i++;
      continue;
    }
    const value = variableValue(vars, s.slice(i + 2, close));
    const a = offsetOf(line, i);
    const b = endOffsetOf(line, close + 1);
    if (typeof value === 'string') for (const ch of value) push(ch, a, b, false);
    else for (let k = i; k <= close; k++) push(s[k], offsetOf(line, k), endOffsetOf(line, k + 1), true);
    i = close + 1;
  }
  return { text, base: -1, from: fromTable, to: toTable, unresolved: unresolvedTable, end: line.end, pos: 0 };
}

// Character codes rather than one-character strings: these loops run over every option-bearing line.
const BACKSLASH = 92;
const EQUALS = 61;

/** A blank to ap_getword_conf: space, \t, \n, \v, \f, \r (false past the end, where charCodeAt gives NaN). */
const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13);

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

// The document range of text [i, j): past the end of the text, the end of the line (an empty range there).
const startOf = (src: Source, i: number) => (i >= src.text.length ? src.end : fromAt(src, i));
const endOf = (src: Source, i: number, j: number) => (i >= src.text.length ? src.end : j > i ? toAt(src, j - 1) : fromAt(src, i));

/** Whether text [i, j) holds a ${VAR} left as written (never on a plain line). */
function unresolvedIn(src: Source, i: number, j: number): boolean {
  if (src.base >= 0 || i >= src.text.length) return false;
  for (let k = i; k < j; k++) if (src.unresolved[k]) return true;
  return false;
}

/** ap_getword_conf: a quoted or blank-delimited word; `\` escapes the quote and `\` itself. Sets src.pos after it. */
function word(src: Source, at: number): WsgiToken {
  const s = src.text;
  const i = skipBlanks(s, at);
  const q = s[i];
  let j = i;
  let text = '';
  const quoted = q === '"' || q === "'";
  if (quoted) {
    const qc = s.charCodeAt(i);
    j = i + 1;
    for (let c = s.charCodeAt(j); j < s.length && c !== qc; c = s.charCodeAt(j)) {
      const after = s.charCodeAt(j + 1);
      j += c === BACKSLASH && (after === qc || after === BACKSLASH) ? 2 : 1;
    }
    text = unescape(s.slice(i + 1, j), q);
    if (j < s.length) j++;
  } else {
    while (j < s.length && !isBlank(s.charCodeAt(j))) j++;
    text = unescape(s.slice(i, j), null);
  }
  src.pos = skipBlanks(s, j);
  return new WsgiToken(text, startOf(src, i), endOf(src, i, j), (quoted ? QUOTED : 0) | (unresolvedIn(src, i, j) ? UNRESOLVED : 0));
}

function unescape(s: string, quote: string | null): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && (s[i + 1] === '\\' || (quote !== null && s[i + 1] === quote))) i++;
    out += s[i] ?? '';
  }
  return out;
}

/**
 * wsgi_parse_option: `name=value`, or null where mod_wsgi gives "Invalid option to …". With `only`, an option
 * written where a positional word belongs: null unless it names one of these options (then marked early).
 * Sets src.pos after the value.
 */
function parseOption(src: Source, at: number, only: ReadonlyMap<string, unknown> | null): WsgiOptionToken | null {
  const s = src.text;
  const i = skipBlanks(s, at);
  let e = i;
  for (let c = s.charCodeAt(e); e < s.length && c !== EQUALS && !isBlank(c); c = s.charCodeAt(e)) e++;
  if (e === i || s.charCodeAt(e) !== EQUALS) return null;
  const name = s.slice(i, e);
  if (only && !only.has(name)) return null;
  const value = word(src, e + 1);
  const nameEnd = endOf(src, i, e);
  const end = value.end > nameEnd ? value.end : toAt(src, e);
  // No value: an empty range where the option ends.
  if (!value.text && !value.quoted) value.start = value.end = end;
  const flags =
    (isBlank(s.charCodeAt(e + 1)) ? DETACHED : 0) | (only !== null ? EARLY : 0) | (unresolvedIn(src, i, e) || value.unresolved ? UNRESOLVED : 0);
  return new WsgiOptionToken(name, value, startOf(src, i), end, nameEnd, flags);
}

/** Something that is not `name=value`: skip it the way the next ap_getword_conf would, noting `name = value`. Sets src.pos. */
function malformed(src: Source, at: number): WsgiMalformed {
  const s = src.text;
  const w = word(src, at);
  const next = src.pos;
  if (s[at] === '=') return { kind: 'equals', start: w.start, end: w.end, nameEnd: w.end, name: w.text, unresolved: w.unresolved };
  if (!w.quoted && s[next] === '=') {
    const v = word(src, next + 1);
    const end = v.end > w.end ? v.end : toAt(src, next);
    return { kind: 'spaced', start: w.start, end, nameEnd: w.end, name: w.text, unresolved: w.unresolved || v.unresolved, value: v };
  }
  return { kind: 'bare', start: w.start, end: w.end, nameEnd: w.end, name: w.text, unresolved: w.unresolved };
}
