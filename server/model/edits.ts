// Whole-line edits the lesson rules' fixes are made of: insert lines above or below a node at its indentation,
// delete a node's lines. Every edit keeps the file's own line terminator.
import type { TextEditSpan } from '../rules/types';
import { eolOf, lineEndOf, lineIndentation } from '../syntax/text-edits';

export function lineStartOf(text: string, offset: number): number {
  let b = offset;
  // Only LF starts a line for Apache (a lone CR is a blank): see lineEndOf.
  while (b > 0 && text[b - 1] !== '\n') b--;
  return b;
}

/** Offset just after the terminator of the physical line holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const e = lineEndOf(text, offset);
  if (text[e] === '\r' && text[e + 1] === '\n') return e + 2;
  return e < text.length ? e + 1 : e;
}

/** Lines inserted above the line holding `offset`, indented like it plus `extra`. */
export function insertAbove(text: string, offset: number, lines: readonly string[], extra = ''): TextEditSpan {
  const at = lineStartOf(text, offset);
  const indent = lineIndentation(text, offset) + extra;
  const eol = eolOf(text);
  return { start: at, end: at, newText: lines.map((l) => (l ? indent + l : l) + eol).join('') };
}

/** Lines inserted below the line holding `offset` (the last line of a continued directive), same indentation. */
export function insertBelow(text: string, offset: number, lines: readonly string[], indentOf = offset): TextEditSpan {
  let at = lineEndOf(text, offset);
  // A line ending in `\` continues onto the next (even a blank one): insert after the whole logical line.
  while (at < text.length && text[at - 1] === '\\') at = lineEndOf(text, nextLineStart(text, at));
  const indent = lineIndentation(text, indentOf);
  const eol = eolOf(text);
  // A `\` ending the file would continue into the first inserted line: an empty line ends that continuation.
  const lead = at === text.length && text.endsWith('\\') ? eol : '';
  return { start: at, end: at, newText: lead + lines.map((l) => eol + (l ? indent + l : l)).join('') };
}

/** Removes the physical lines spanning [start, end), terminators included. */
export function deleteLines(text: string, start: number, end: number): TextEditSpan {
  return { start: lineStartOf(text, start), end: nextLineStart(text, Math.max(start, end - 1)), newText: '' };
}

/** A value as a config word: quoted when it holds blanks or quotes. */
export function configWord(value: string): string {
  return /[\s"']/.test(value) || value === '' ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/**
 * A value written in place of a word that had `quote` (or none), or null when no word reads back as it: a trailing
 * backslash escapes the closing quote inside quotes, and continues the line when it ends one unquoted.
 */
export function configWordQuoted(value: string, quote: '"' | "'" | null): string | null {
  if (value.endsWith('\\')) return null;
  return quote ? quote + value.split(quote).join('\\' + quote) + quote : configWord(value);
}

/** Deletes [start, end) together with the blanks before it on the same line (a word among others). */
export function removalOf(text: string, start: number, end: number): TextEditSpan {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  // A backslash left last on the line would join the next line to this one: keep a blank after it.
  if (text[s - 1] === '\\' && s < start) s++;
  return { start: s, end, newText: '' };
}
