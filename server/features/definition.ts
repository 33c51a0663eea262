// Go to definition: from a process group reference to its WSGIDaemonProcess, from `${NAME}` or
// `<IfDefine NAME>` to the Define that sets it (or, in a Debian tree, to its `export` line in envvars). Special
// `%{…}` values name no definition. In a server tree the definition may be in another file. From a WSGI script
// path to the script file the script rules resolved it to.
import type { Location, Position } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { fileScope, locations, type NavScope } from './navScope';
import { occurrences, targetAt } from './targets';
import type { ScriptLookup } from '../workspace/scripts';
import { scriptAt, scriptLocation } from './scriptTarget';

export function definition(analysis: Analysis, position: Position, scope: NavScope = fileScope(analysis), scripts?: ScriptLookup): Location[] {
  const docOffset = analysis.lines.offsetAt(position);
  const offset = scope.offset(docOffset);
  const target = offset === undefined ? null : targetAt(scope.analysis, offset);
  if (!target && scripts) return scriptLocation(scriptAt(analysis, docOffset, scope, scripts));
  if (!target || (target.kind === 'group' && target.special)) return [];
  const found = locations(scope, occurrences(scope.analysis, target).filter((o) => o.declaration));
  if (found.length === 0 && target.kind === 'variable') {
    const env = scope.environment?.(target.name);
    if (env) return [env];
  }
  return found;
}
