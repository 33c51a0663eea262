// Rename a daemon process group everywhere in the file (WSGIDaemonProcess name, WSGIProcessGroup, every
// process-group= option), or a Define'd variable (Define, UnDefine, ${NAME}, <IfDefine NAME>). Refused for
// mod_wsgi's `%{…}` values, which name no group, and for names defined in no line of this file (renaming only
// the uses would break the server).
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { rangeOf, tokenAt } from './locate';
import { occurrences, targetAt, type Target } from './targets';

export type PrepareResult = { range: Range; placeholder: string } | { refused: string };

export function prepareRename(analysis: Analysis, position: Position): PrepareResult {
  const offset = analysis.lines.offsetAt(position);
  const target = targetAt(analysis, offset);
  const refusal = refuse(analysis, target);
  if (refusal || !target) return { refused: refusal ?? notRenamable(analysis, offset) };
  return { range: rangeOf(analysis.lines, target.start, target.end), placeholder: target.name };
}

export type RenameResult = { edit: WorkspaceEdit } | { refused: string };

export function rename(analysis: Analysis, position: Position, newName: string): RenameResult {
  const target = targetAt(analysis, analysis.lines.offsetAt(position));
  const refusal = refuse(analysis, target) ?? (target ? invalidName(target, newName) : undefined);
  if (refusal || !target) return { refused: refusal ?? 'Only daemon process groups and Define variables can be renamed.' };
  const edits = occurrences(analysis, target).map((o) => ({ range: rangeOf(analysis.lines, o.start, o.end), newText: newName }));
  return { edit: { changes: { [analysis.uri]: edits } } };
}

/** Why nothing at the offset can be renamed; a `%{…}` value (application-group=%{GLOBAL} …) is named as such. */
function notRenamable(analysis: Analysis, offset: number): string {
  const token = tokenAt(analysis.ast, offset);
  const word = token?.kind === 'argument' ? token.word : undefined;
  const value = word ? (word.key !== null && offset >= word.valueStart ? word.optionValue : word.value) : '';
  if (value.startsWith('%{')) return `${value} is a value mod_wsgi expands itself, not a name; it cannot be renamed.`;
  return 'Only daemon process groups and Define variables can be renamed.';
}

function refuse(analysis: Analysis, target: Target | null): string | undefined {
  if (!target) return undefined;
  if (target.kind === 'group' && target.special) {
    return `${target.name || 'An empty name'} is a value mod_wsgi expands itself, not the name of a daemon process group; it cannot be renamed.`;
  }
  const declared = occurrences(analysis, target).some((o) => o.declaration);
  if (!declared) {
    return target.kind === 'group'
      ? `Daemon process group '${target.name}' is not defined in this file (no WSGIDaemonProcess ${target.name}); rename it where it is defined.`
      : `Variable '${target.name}' is not Define'd in this file; it comes from elsewhere (a -D flag, envvars, another file).`;
  }
  return undefined;
}

function invalidName(target: Target, name: string): string | undefined {
  if (name === target.name) return undefined;
  if (name === '' || /[\s"'\\]/.test(name)) return `'${name}' cannot be used: a name must be one word without quotes or backslashes.`;
  if (target.kind === 'group' && (name.startsWith('%') || name.includes('='))) {
    return `'${name}' cannot name a daemon process group: mod_wsgi would read it as a special value or an option.`;
  }
  if (target.kind === 'variable' && /[:{}$]/.test(name)) return `'${name}' cannot name a variable: Apache refuses ':' and '\${…}' needs a name without braces.`;
  return undefined;
}
