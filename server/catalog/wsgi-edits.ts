// Small helpers the wsgi-* rules share: where to underline so Apache's line is covered, exact removal edits,
// and the closest known name for a "did you mean" fix.
import type { TextEditSpan } from '../rules/types';
import type { WsgiArguments } from './wsgi-arguments';
import type { DirectiveNode, Node } from '../syntax/ast';
import { enclosingVirtualHost } from '../model/model';

/**
 * The range to report for [start, end) inside a directive Apache rejects. Apache names the directive's last
 * physical line, so when the directive continues past `end` the range runs on to the end of the directive.
 */
export function apacheRange(text: string, args: WsgiArguments, start: number, end: number): { start: number; end: number } {
  const rest = text.slice(end, args.lineEnd);
  return /[\r\n]/.test(rest) ? { start, end: args.lineEnd } : { start, end };
}

/** Deletes [start, end) together with the blanks before it on the same line. */
export function removal(text: string, start: number, end: number): TextEditSpan {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  // A backslash left last on the line would join the next line to this one: keep a blank after it.
  if (text[s - 1] === '\\' && s < start) s++;
  return { start: s, end, newText: '' };
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate closest to `name` when it is close enough to be a typo (ties: the first in table order). */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > 64) return undefined;
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(name, c);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Where a directive stands, for messages (line numbers would be wrong in a spliced server tree). */
export function scopeOf(node: Node): string {
  const vhost = enclosingVirtualHost(node);
  if (!vhost) return 'at server level';
  const name = vhost.children.find((c): c is DirectiveNode => c.kind === 'directive' && c.nameLower === 'servername')?.args[0]?.value;
  return `in <VirtualHost ${vhost.args.map((w) => w.raw).join(' ')}>${name ? ` (ServerName ${name})` : ''}`;
}

/** The physical lines holding [start, end), with the last line's terminator. */
export function wholeLines(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = end;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  if (text[e] === '\r') e++;
  if (text[e] === '\n') e++;
  return { start: s, end: e };
}
