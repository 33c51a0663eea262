// The WSGI script a path argument names (WSGIScriptAlias, WSGIScriptAliasMatch, WSGIImportScript), found the way
// the script rules find it: the same lookup (server/workspace/scripts.ts, handed to rules as RuleContext.scripts)
// after the same ${VAR} reading. Document links and go to definition open it; hover says which file it is, or why
// there is none.
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import type { DirectiveNode, Word } from '../syntax/ast';
import type { ScriptTargetView } from '../catalog/render';
import { sharedTail, type ScriptLookup } from '../workspace/scripts';
import { scriptPathAt } from '../workspace/scripts-alias';
import type { NavScope } from './navScope';
import { tokenAt } from './locate';

/** Which argument of these directives names a WSGI script file (0-based). */
const SCRIPT_ARGUMENT: Record<string, number> = { wsgiscriptalias: 1, wsgiscriptaliasmatch: 1, wsgiimportscript: 0 };

/** Why the lookup skips a path, first match wins (the lookup itself only says "skipped"). */
const SKIP_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/%\{/, 'a path mod_wsgi expands for each request (`%{…}`)'],
  [/\$\d/, 'a back-reference, filled from each request URL'],
  [/\$/, 'a path with a `$` the script rules do not read'],
  [/\/$/, 'a directory: mod_wsgi maps the rest of the URL to the scripts in it'],
  [/^[^/]/, 'a relative path, which the script rules do not look for'],
];

export function isScriptArgument(node: DirectiveNode, word: Word, index: number): boolean {
  return word.key === null && SCRIPT_ARGUMENT[node.nameLower] === index;
}

/** What the lookup makes of a script argument; undefined when the scope does not hold the directive. */
export function scriptTarget(node: DirectiveNode, word: Word, scope: NavScope, lookup: ScriptLookup): ScriptTargetView | undefined {
  const at = scope.offset(node.start);
  if (at === undefined) return undefined;
  const path = scriptPathAt(word.value, scope.analysis.ast, at, scope.root !== undefined);
  if (path.unresolved.length > 0) return { state: 'unknown-variables', names: path.unresolved };
  const r = lookup.resolve(path.text);
  switch (r.kind) {
    case 'found':
      return { state: 'found', file: r.file, via: r.via === 'absolute' ? undefined : sharedSegments(path.text, r.file) };
    case 'missing':
      return { state: 'missing', tried: r.tried, searched: r.searched, complete: r.complete, absoluteChecked: r.absoluteChecked };
    case 'ambiguous':
      return { state: 'ambiguous', candidates: r.candidates, onlyName: r.candidates.length < 2 };
    case 'skipped':
      return { state: 'skipped', target: path.text, why: SKIP_REASONS.find(([re]) => re.test(path.text))?.[1] ?? 'a directory' };
  }
}

/** The script argument at a document offset, with what the lookup makes of it. */
export function scriptAt(analysis: Analysis, offset: number, scope: NavScope, lookup: ScriptLookup): ScriptTargetView | undefined {
  const token = tokenAt(analysis.ast, offset);
  if (!token || token.kind !== 'argument' || token.node.kind !== 'directive' || !isScriptArgument(token.node, token.word, token.index)) return undefined;
  return scriptTarget(token.node, token.word, scope, lookup);
}

/** The start of the resolved script, for go to definition. */
export function scriptLocation(view: ScriptTargetView | undefined): Location[] {
  if (view?.state !== 'found') return [];
  const start = { line: 0, character: 0 };
  return [{ uri: pathToFileURL(view.file).href, range: { start, end: start } }];
}

/** The trailing path segments the configured path and the workspace file share (`catalog/catalog/wsgi.py`). */
function sharedSegments(configured: string, file: string): string {
  const a = configured.split('/').filter(Boolean);
  return a.slice(a.length - sharedTail(a, file.split('/').filter(Boolean))).join('/');
}
