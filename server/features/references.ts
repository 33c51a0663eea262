// Find references of a daemon process group or a Define'd variable, optionally with its definitions; in a
// server tree, in every file of it (in the order Apache reads them).
import type { Location, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { fileScope, locations, type NavScope } from './navScope';
import { occurrences, targetAt } from './targets';

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean, scope: NavScope = fileScope(analysis)): Location[] {
  const offset = scope.offset(analysis.lines.offsetAt(position));
  const target = offset === undefined ? null : targetAt(scope.analysis, offset);
  if (!target || (target.kind === 'group' && target.special)) return [];
  return locations(scope, occurrences(scope.analysis, target, includeDeclaration));
}
