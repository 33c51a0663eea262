// Where the cursor stands for completion: the words of its logical line before it, the word being typed, and
// the directive context of the sections around it (a section opened on the cursor's own line does not count:
// it is the one being typed).
import type { Position, Range } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import type { SectionNode, Word } from '../syntax/ast';
import type { PlaceName } from '../catalog/types';
import { isBlank, readWords } from '../syntax/lexer';
import { sectionInfo } from '../catalog/sections';
import { contentIndex, lineAt, locate } from './locate';

/** The kind of place the cursor is in, as the catalogue tells places apart; `any` inside sections it does not know. */
export type CompletionScope = PlaceName | 'htaccess' | 'any';

export interface CursorContext {
  offset: number;
  /** Complete words before the cursor on its logical line. */
  words: Word[];
  /** Text of the word being typed, up to the cursor ('' right after a blank). */
  partial: string;
  /** Document offset where the word being typed starts (never before the cursor's physical line). */
  partialStart: number;
  /** Every word of the line except the one being typed (to leave out options already given). */
  otherWords: Word[];
  /** Text right after the cursor on its line (to avoid doubling a `>` or `}` the editor inserted). */
  after: string;
  sections: SectionNode[];
  scope: CompletionScope;
  inComment: boolean;
  /** Range from partialStart to the cursor, as LSP wants it for text edits. */
  range: Range;
}

/** Section name → the place kind its body is (transparent sections such as <IfModule> are skipped). */
const PLACE_OF_SECTION: Record<string, PlaceName> = {
  virtualhost: 'virtualhost',
  directory: 'directory',
  directorymatch: 'directory',
  location: 'location',
  locationmatch: 'location',
  files: 'files',
  filesmatch: 'files',
  if: 'if',
  elseif: 'if',
  else: 'if',
  proxy: 'proxy',
  proxymatch: 'proxy',
  limit: 'limit',
  limitexcept: 'limit',
  requireall: 'authz',
  requireany: 'authz',
  requirenone: 'authz',
};

export function cursorContext(analysis: Analysis, position: Position): CursorContext {
  const offset = analysis.lines.offsetAt(position);
  const physicalStart = offset - position.character;
  const line = lineAt(analysis.ast, offset);
  let words: Word[] = [];
  let partial = '';
  let partialStart = offset;
  let otherWords: Word[] = [];
  let after = '';
  let inComment = false;
  if (line) {
    const idx = contentIndex(line, offset);
    const all = readWords(line, 0);
    words = readWords(line, 0, idx);
    inComment = words.length > 0 && words[0].raw.startsWith('#');
    const typing = idx > 0 && !isBlank(line.content.charCodeAt(idx - 1)) ? words.pop() : undefined;
    if (typing) {
      partialStart = Math.max(typing.start, physicalStart);
      partial = analysis.text.slice(partialStart, offset);
    }
    otherWords = all.filter((w) => !(typing && w.start === typing.start));
    after = line.content.slice(idx);
  }
  const sections = locate(analysis.ast, offset).sections.filter((s) => !line || s.open.start < line.start);
  return {
    offset,
    words,
    partial,
    partialStart,
    otherWords,
    after,
    sections,
    scope: scopeOf(sections, analysis.uri),
    inComment,
    range: { start: analysis.lines.positionAt(partialStart), end: position },
  };
}

function scopeOf(sections: readonly SectionNode[], uri: string): CompletionScope {
  if (/(^|[/\\])\.?htaccess$/.test(uri)) return 'htaccess';
  for (let k = sections.length - 1; k >= 0; k--) {
    const name = sections[k].nameLower;
    if (sectionInfo(name)?.transparent) continue;
    return PLACE_OF_SECTION[name] ?? 'any';
  }
  return 'server';
}
