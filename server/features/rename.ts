// Rename a daemon process group everywhere (WSGIDaemonProcess name, WSGIProcessGroup, every process-group=
// option), or a Define'd variable (Define, UnDefine, ${NAME}, <IfDefine NAME>): in the file, or in every file
// of the server tree that includes it (one edit list per file). Refused for mod_wsgi's `%{…}` values, which name
// no group; for names defined nowhere we can see (renaming only the uses would break the server); where a
// group is also named through a variable (`WSGIProcessGroup ${APP}`), which a rename cannot edit; and where an
// occurrence lies in a file outside the workspace folders.
import * as path from 'node:path';
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { tokenAt } from './locate';
import { fileScope, locations, type NavScope } from './navScope';
import { namedThroughVariables, occurrences, targetAt, type Target } from './targets';

export type PrepareResult = { range: Range; placeholder: string } | { refused: string };

const NOTHING = 'Only daemon process groups and Define variables can be renamed.';

export function prepareRename(analysis: Analysis, position: Position, scope: NavScope = fileScope(analysis)): PrepareResult {
  const docOffset = analysis.lines.offsetAt(position);
  const offset = scope.offset(docOffset);
  const target = offset === undefined ? null : targetAt(scope.analysis, offset);
  const refusal = refuse(analysis, scope, target);
  if (refusal || !target) return { refused: refusal ?? notRenamable(analysis, docOffset) };
  const here = scope.location(target.start, target.end);
  return here ? { range: here.range, placeholder: target.name } : { refused: NOTHING };
}

export type RenameResult = { edit: WorkspaceEdit } | { refused: string };

export function rename(analysis: Analysis, position: Position, newName: string, scope: NavScope = fileScope(analysis)): RenameResult {
  const offset = scope.offset(analysis.lines.offsetAt(position));
  const target = offset === undefined ? null : targetAt(scope.analysis, offset);
  const refusal = refuse(analysis, scope, target) ?? (target ? invalidName(target, newName) : undefined);
  if (refusal || !target) return { refused: refusal ?? NOTHING };
  const changes: Record<string, TextEdit[]> = {};
  for (const loc of locations(scope, occurrences(scope.analysis, target))) {
    const why = scope.uneditable(loc.uri);
    if (why) return { refused: `'${target.name}' also stands in ${where(analysis, loc)}, which is not renamed: ${why}.` };
    (changes[loc.uri] ??= []).push({ range: loc.range, newText: newName });
  }
  return { edit: { changes } };
}

/** Why nothing at the offset can be renamed; a `%{…}` value (application-group=%{GLOBAL} …) is named as such. */
function notRenamable(analysis: Analysis, offset: number): string {
  const token = tokenAt(analysis.ast, offset);
  const word = token?.kind === 'argument' ? token.word : undefined;
  const value = word ? (word.key !== null && offset >= word.valueStart ? word.optionValue : word.value) : '';
  if (value.startsWith('%{')) return `${value} is a value mod_wsgi expands itself, not a name; it cannot be renamed.`;
  return NOTHING;
}

function refuse(analysis: Analysis, scope: NavScope, target: Target | null): string | undefined {
  if (!target) return undefined;
  if (target.kind === 'group' && target.special) {
    return `${target.name || 'An empty name'} is a value mod_wsgi expands itself, not the name of a daemon process group; it cannot be renamed.`;
  }
  const hidden = namedThroughVariables(scope.analysis, target, scope.root !== undefined)
    .map((s) => scope.location(s.start, s.end))
    .find((l) => l !== undefined);
  if (hidden) {
    return `Daemon process group '${target.name}' is also named through a variable in ${where(analysis, hidden)}; a rename cannot change it there without changing the variable for all its uses.`;
  }
  const declared = occurrences(scope.analysis, target).some((o) => o.declaration);
  if (target.kind === 'variable' && scope.environment?.(target.name)) {
    return declared
      ? `Variable '${target.name}' is also exported by envvars: uses that read it from there would lose it; rename it there first.`
      : `Variable '${target.name}' comes from the environment (envvars), not a Define; it cannot be renamed here.`;
  }
  if (declared) return undefined;
  const place = scope.root ? `in any file of the server read from ${scope.root}` : 'in this file';
  if (target.kind === 'group') return `Daemon process group '${target.name}' is not defined ${place} (no WSGIDaemonProcess ${target.name}); rename it where it is defined.`;
  return scope.root
    ? `Variable '${target.name}' is not Define'd ${place}; it comes from elsewhere (a -D flag, the environment).`
    : `Variable '${target.name}' is not Define'd in this file; it comes from elsewhere (a -D flag, envvars, another file).`;
}

/** `line 7` in the document itself, `daemons.conf:3` in another file. */
function where(analysis: Analysis, loc: Location): string {
  const line = loc.range.start.line + 1;
  if (loc.uri === analysis.uri) return `line ${line}`;
  return `${path.basename(decodeURIComponent(loc.uri))}:${line}`;
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
