// Reads a mod_wsgi RAW_ARGS directive the way mod_wsgi 4.9.4 does: Apache first replaces ${VAR} in the line,
// then positional words come from ap_getword_conf and options from wsgi_parse_option (`name=` with no blank
// before `=`; the value is the next word, even after blanks). Every token keeps its document range.
import type { ConfigAst, DirectiveNode, LogicalLine } from '../syntax/ast';
import { endOffsetOf, offsetOf } from '../syntax/lexer';
import { wsgiOptionDirective, type WsgiOptionDirective } from './wsgi-options';
import { definesAt, reachOf, type ReachInfo } from './wsgi-reach';
import { environmentOf, variableValue, type Variables } from '../model/variables';

export interface WsgiToken {
  /** Value as mod_wsgi sees it: quotes and escapes removed, known ${VAR} substituted. */
  text: string;
  start: number;
  end: number;
  quoted: boolean;
  /** Holds a ${VAR} we cannot resolve: not to be judged. */
  unresolved: boolean;
}

export interface WsgiOptionToken {
  name: string;
  value: WsgiToken;
  /** Whole `name=value`. */
  start: number;
  end: number;
  nameEnd: number;
  /** Blanks between `=` and the value (mod_wsgi still takes the next word as the value). */
  detached: boolean;
  /** Written before a positional argument (mod_wsgi would read it as that argument). */
  early: boolean;
  unresolved: boolean;
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

export interface WsgiArguments {
  directive: WsgiOptionDirective;
  node: DirectiveNode;
  positional: WsgiToken[];
  options: WsgiOptionToken[];
  malformed: WsgiMalformed[];
  reach: ReachInfo;
  /** End of the directive's logical line: Apache reports errors on its last physical line. */
  lineEnd: number;
}

const cache = new WeakMap<DirectiveNode, { whole: boolean; args: WsgiArguments | null }>();

/** The directive read as mod_wsgi reads it, or undefined when it is not an option-bearing mod_wsgi directive. */
export function wsgiArguments(ast: ConfigAst, node: DirectiveNode, wholeServer = false): WsgiArguments | undefined {
  let hit = cache.get(node);
  if (hit === undefined || hit.whole !== wholeServer) {
    hit = { whole: wholeServer, args: read(ast, node, wholeServer) };
    cache.set(node, hit);
  }
  return hit.args ?? undefined;
}

/**
 * The text mod_wsgi reads, with each character's document range. A plain line (no continuation, no ${VAR}) maps
 * by a constant offset and needs no tables, which is the common case and saves a few arrays per character.
 */
interface Source {
  text: string;
  /** Document offset of text[0] when the mapping is a constant shift; -1 when the tables below hold it. */
  base: number;
  from: number[];
  to: number[];
  unresolved: boolean[];
  end: number;
}

function read(ast: ConfigAst, node: DirectiveNode, wholeServer: boolean): WsgiArguments | null {
  const directive = wsgiOptionDirective(node.nameLower);
  const line = lineOf(ast, node.start);
  if (!directive || !line) return null;
  const defined = definesAt(ast, node.start, wholeServer);
  const src = substituted(line, contentIndex(line, node.nameSpan.end), { defined, environment: environmentOf(ast) });
  const result: WsgiArguments = { directive, node, positional: [], options: [], malformed: [], reach: reachOf(node, defined, wholeServer), lineEnd: line.end };
  const opts = optionNames(directive);
  let pos = skipBlanks(src.text, 0);
  while (pos < src.text.length && result.positional.length < directive.positional.length) {
    // An option written where a path belongs: keep reading so the real path is found (not for a daemon name).
    const opt = directive.name !== 'WSGIDaemonProcess' ? parseOption(src, pos) : null;
    if (opt && opts.has(opt.option.name)) {
      result.options.push({ ...opt.option, early: true });
      pos = opt.next;
      continue;
    }
    const w = word(src, pos);
    result.positional.push(w.token);
    pos = w.next;
  }
  while (pos < src.text.length) {
    const opt = parseOption(src, pos);
    if (opt) {
      result.options.push(opt.option);
      pos = opt.next;
      continue;
    }
    const bad = malformed(src, pos);
    result.malformed.push(bad.item);
    pos = bad.next;
  }
  // Kept as long as the analysis: trimmed to their size (an array grown by push reserves 16 slots).
  if (result.positional.length) result.positional = result.positional.slice();
  if (result.options.length) result.options = result.options.slice();
  if (result.malformed.length) result.malformed = result.malformed.slice();
  return result;
}

const namesOf = new Map<WsgiOptionDirective, ReadonlySet<string>>();

function optionNames(directive: WsgiOptionDirective): ReadonlySet<string> {
  let names = namesOf.get(directive);
  if (!names) namesOf.set(directive, (names = new Set(directive.options.map((o) => o.name))));
  return names;
}

function lineOf(ast: ConfigAst, offset: number): LogicalLine | undefined {
  let lo = 0;
  let hi = ast.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ast.lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = ast.lines[lo];
  return line && line.start <= offset && offset <= line.end ? line : undefined;
}

function contentIndex(line: LogicalLine, offset: number): number {
  if (!line.map) return offset - line.start;
  let i = 0;
  while (i < line.content.length && line.map[i] < offset) i++;
  return i;
}

const fromAt = (src: Source, i: number) => (src.base >= 0 ? src.base + i : src.from[i]);
const toAt = (src: Source, i: number) => (src.base >= 0 ? src.base + i + 1 : src.to[i]);

/** The rest of the line after `from`, with ${VAR} replaced where known (Apache's ap_resolve_env). */
function substituted(line: LogicalLine, from: number, vars: Variables): Source {
  const s = line.content;
  if (!line.map && !s.includes('${', from)) return { text: s.slice(from), base: line.start + from, from: [], to: [], unresolved: [], end: line.end };
  const src: Source = { text: '', base: -1, from: [], to: [], unresolved: [], end: line.end };
  const push = (ch: string, a: number, b: number, unresolved: boolean) => {
    src.text += ch;
    src.from.push(a);
    src.to.push(b);
    src.unresolved.push(unresolved);
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
  return src;
}

const isBlank = (ch: string | undefined) => ch === ' ' || (ch !== undefined && ch >= '\t' && ch <= '\r');

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s[i])) i++;
  return i;
}

function span(src: Source, i: number, j: number): { start: number; end: number; unresolved: boolean } {
  if (i >= src.text.length) return { start: src.end, end: src.end, unresolved: false };
  const end = j > i ? toAt(src, j - 1) : fromAt(src, i);
  let unresolved = false;
  if (src.base < 0) for (let k = i; k < j && !unresolved; k++) unresolved = src.unresolved[k];
  return { start: fromAt(src, i), end, unresolved };
}

/** ap_getword_conf: a quoted or blank-delimited word; `\` escapes the quote and `\` itself. */
function word(src: Source, at: number): { token: WsgiToken; next: number } {
  const s = src.text;
  const i = skipBlanks(s, at);
  const q = s[i];
  let j = i;
  let text = '';
  const quoted = q === '"' || q === "'";
  if (quoted) {
    j = i + 1;
    while (j < s.length && s[j] !== q) j += s[j] === '\\' && (s[j + 1] === q || s[j + 1] === '\\') ? 2 : 1;
    text = unescape(s.slice(i + 1, j), q);
    if (j < s.length) j++;
  } else {
    while (j < s.length && !isBlank(s[j])) j++;
    text = unescape(s.slice(i, j), null);
  }
  const at2 = span(src, i, j);
  // Fields written out rather than spread: a spread builds the token through a slower generic copy.
  return { token: { text, quoted, start: at2.start, end: at2.end, unresolved: at2.unresolved }, next: skipBlanks(s, j) };
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

/** wsgi_parse_option: `name=value`, or null where mod_wsgi gives "Invalid option to …". */
function parseOption(src: Source, at: number): { option: WsgiOptionToken; next: number } | null {
  const s = src.text;
  const i = skipBlanks(s, at);
  let e = i;
  while (e < s.length && s[e] !== '=' && !isBlank(s[e])) e++;
  if (e === i || s[e] !== '=') return null;
  const v = word(src, e + 1);
  const name = s.slice(i, e);
  const nameSpan = span(src, i, e);
  const option: WsgiOptionToken = {
    name,
    value: v.token,
    start: nameSpan.start,
    end: v.token.end > nameSpan.end ? v.token.end : span(src, e, e + 1).end,
    nameEnd: nameSpan.end,
    detached: isBlank(s[e + 1]),
    early: false,
    unresolved: nameSpan.unresolved || v.token.unresolved,
  };
  if (!v.token.text && !v.token.quoted) option.value = { ...v.token, start: option.end, end: option.end };
  return { option, next: v.next };
}

/** Something that is not `name=value`: skip it the way the next ap_getword_conf would, noting `name = value`. */
function malformed(src: Source, at: number): { item: WsgiMalformed; next: number } {
  const s = src.text;
  const w = word(src, at);
  const base = { start: w.token.start, end: w.token.end, nameEnd: w.token.end, name: w.token.text, unresolved: w.token.unresolved };
  if (s[at] === '=') return { item: { kind: 'equals', ...base }, next: w.next };
  if (!w.token.quoted && s[w.next] === '=') {
    const v = word(src, w.next + 1);
    const end = v.token.end > w.token.end ? v.token.end : span(src, w.next, w.next + 1).end;
    return { item: { kind: 'spaced', ...base, end, value: v.token, unresolved: base.unresolved || v.token.unresolved }, next: v.next };
  }
  return { item: { kind: 'bare', ...base }, next: w.next };
}
