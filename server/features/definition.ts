// Go to definition: from a process group reference to its WSGIDaemonProcess, from `${NAME}` or
// `<IfDefine NAME>` to the Define that sets it. Special `%{…}` values name no definition.
import type { Location, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { rangeOf } from './locate';
import { occurrences, targetAt } from './targets';

export function definition(analysis: Analysis, position: Position): Location[] {
  const target = targetAt(analysis, analysis.lines.offsetAt(position));
  if (!target || (target.kind === 'group' && target.special)) return [];
  return occurrences(analysis, target)
    .filter((o) => o.declaration)
    .map((o) => ({ uri: analysis.uri, range: rangeOf(analysis.lines, o.start, o.end) }));
}
