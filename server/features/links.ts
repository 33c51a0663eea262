// Document links for file paths that exist: Include/IncludeOptional targets, WSGI scripts, LoadModule, Alias
// targets, certificates, password files … A path is looked for the way a reader of the file would: an absolute
// path under each workspace folder first (a checked-out /etc/apache2), then as written; a relative one (Apache
// takes it from ServerRoot) next to the document and in its parent folders, then under each workspace folder.
// ${VAR} is replaced with values Define'd in this file, or, in a server tree, with the variables in effect there
// (Defines of other files, Debian's envvars); globs and regex back-references are not links. A WSGI script path
// links to the file the script rules resolved it to (a workspace file sharing its trailing segments), when there
// is one.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver/node';
import type { Analysis } from '../service';
import { defineIndex } from '../model/defines';
import { substitute, type Variables } from '../model/variables';
import { variablesAt } from '../catalog/wsgi-reach';
import { filePath, fileScope, type NavScope } from './navScope';
import type { ScriptLookup } from '../workspace/scripts';
import { isScriptArgument, scriptTarget } from './scriptTarget';
import { rangeOf } from './locate';
import { wordInner } from './targets';

/** Which arguments of a directive are file paths (0-based); -1 means every argument. */
const PATH_ARGUMENTS: Record<string, readonly number[]> = {
  include: [0],
  includeoptional: [0],
  wsgiscriptalias: [1],
  wsgiscriptaliasmatch: [1],
  wsgiimportscript: [0],
  wsgidispatchscript: [0],
  wsgiaccessscript: [0],
  wsgiauthuserscript: [0],
  wsgiauthgroupscript: [0],
  wsgihandlerscript: [1],
  loadmodule: [1],
  loadfile: [-1],
  alias: [1],
  scriptalias: [1],
  authuserfile: [0],
  authgroupfile: [0],
  authdbmuserfile: [0],
  authdbmgroupfile: [0],
  sslcertificatefile: [0],
  sslcertificatekeyfile: [0],
  sslcertificatechainfile: [0],
  sslcacertificatefile: [0],
  typesconfig: [0],
  mimemagicfile: [0],
};

export interface LinkEnvironment {
  /** Workspace folders as file-system paths. */
  folders: readonly string[];
  kind(file: string): 'file' | 'dir' | undefined;
  /** The lookup the script rules use (RuleContext.scripts). */
  scripts?: ScriptLookup;
}

/** How far up from the document a relative path is tried when no workspace folder holds the document. */
const MAX_PARENTS = 3;

export function documentLinks(analysis: Analysis, given: LinkEnvironment, scope?: NavScope): DocumentLink[] {
  // Candidate paths repeat across directives (every vhost's certificate, log and script folders): each is looked at
  // on disk once per request.
  const kinds = new Map<string, 'file' | 'dir' | undefined>();
  const kind = (file: string) => {
    if (kinds.has(file)) return kinds.get(file);
    const k = given.kind(file);
    kinds.set(file, k);
    return k;
  };
  const env: LinkEnvironment = { folders: given.folders, kind, scripts: given.scripts };
  const docDir = documentDir(analysis.uri);
  const defines = new Map<string, string>();
  for (const d of defineIndex(analysis.ast).decls) if (!d.undefine && d.value) defines.set(d.name, d.value.value);
  const local: Variables = { defined: defines };
  const varsAt = (offset: number): Variables => {
    const at = scope?.root ? scope.offset(offset) : undefined;
    return at === undefined || !scope ? local : variablesAt(scope.analysis.ast, at, true);
  };
  const links: DocumentLink[] = [];
  for (const node of analysis.model.directives) {
    const indices = PATH_ARGUMENTS[node.nameLower];
    if (!indices) continue;
    for (const index of indices[0] === -1 ? node.args.keys() : indices) {
      const word = node.args[index];
      if (!word || word.key !== null) continue;
      const script = env.scripts && isScriptArgument(node, word, index) ? scriptTarget(node, word, scope ?? fileScope(analysis), env.scripts) : undefined;
      const value = word.value.includes('${') ? substitute(word.value, varsAt(node.start)).text : word.value;
      if (script?.state !== 'found' && (value === '' || /[*?[$]/.test(value))) continue;
      const target = script?.state === 'found' ? script.file : resolve(value, docDir, env);
      if (!target) continue;
      const inner = wordInner(word);
      links.push({ range: rangeOf(analysis.lines, inner.start, inner.end), target: pathToFileURL(target).toString(), tooltip: target });
    }
  }
  return links;
}

function documentDir(uri: string): string | undefined {
  const file = filePath(uri);
  return file === undefined ? undefined : path.dirname(file);
}

function resolve(value: string, docDir: string | undefined, env: LinkEnvironment): string | undefined {
  const candidates: string[] = [];
  if (path.isAbsolute(value)) {
    for (const f of env.folders) candidates.push(path.join(f, value));
    candidates.push(value);
  } else {
    if (docDir) {
      const home = env.folders.find((f) => docDir === f || docDir.startsWith(f + path.sep));
      let dir = docDir;
      for (let k = 0; k <= (home ? Infinity : MAX_PARENTS); k++) {
        candidates.push(path.join(dir, value));
        const up = path.dirname(dir);
        if (up === dir || dir === home) break;
        dir = up;
      }
    }
    for (const f of env.folders) candidates.push(path.join(f, value));
  }
  return candidates.find((c) => env.kind(c) === 'file');
}
