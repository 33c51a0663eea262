// Find references of a daemon process group or a Define'd variable, optionally with its definitions.
import type { Location, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { rangeOf } from './locate';
import { occurrences, targetAt } from './targets';

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(analysis, analysis.lines.offsetAt(position));
  if (!target || (target.kind === 'group' && target.special)) return [];
  return occurrences(analysis, target, includeDeclaration).map((o) => ({ uri: analysis.uri, range: rangeOf(analysis.lines, o.start, o.end) }));
}
