// The other direction: for a Python file, the WSGIScriptAlias lines (in the configs in view) that serve it, and
// whether each shares its process with another application. The Python side of django-settings-setdefault
// reports only when one does, and says which.
import type { ConfigAst } from '../syntax/ast';
import type { ConfigModel } from '../model/model';
import { hostLabel, virtualHostOf } from '../model/hosts';
import type { ScriptLookup } from './scripts';
import { aliasScripts } from './scripts-alias';
import { processLabel, sharedProcess } from './scripts-sharing';
import type { TreeAnalysis } from './analyzeTree';
import { toFileOffset } from './tree';

export interface ServingAlias {
  /** How messages name the alias: URL, host and config file (ends with a comma: a clause of its own). */
  label: string;
  /** Set when the alias's process runs another application too: what it shares, with whom. */
  shared?: string;
}

export interface ScriptServing {
  /** Empty when no configuration in view references the script. */
  aliases: ServingAlias[];
  /** Changes when the answer changes (analyses of the script are cached by it). */
  key: string;
}

/** A configuration the server or CLI has analysed: one file alone, or a whole server tree. */
export interface ConfigView {
  /** The file to name in messages (the root of a tree, or the file itself). */
  file: string;
  ast: ConfigAst;
  model: ConfigModel;
  seesWholeServer: boolean;
  /** For a tree: the file each offset of the expanded text comes from. */
  fileAt?: (offset: number) => string | undefined;
}

/** The aliases in `views` that serve `file`; a config seen twice (alone and in a tree) counts once per line. */
export function servingOf(file: string, views: readonly ConfigView[], scripts: ScriptLookup): ScriptServing {
  const aliases: ServingAlias[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    const resolved = aliasScripts({ ...view, scripts });
    for (const s of resolved.values()) {
      if (s.resolution.kind !== 'found' || s.resolution.file !== file) continue;
      const where = view.fileAt?.(s.alias.node.start) ?? view.file;
      const label = `'${s.alias.url?.value}' of ${hostLabel(virtualHostOf(view.model, s.alias.vhost))}, in ${where},`;
      const share = sharedProcess(view.model, s.alias, resolved);
      const shared = share ? `${processLabel(share.group)} with '${share.partner.url?.value}' (${share.partnerTarget})` : undefined;
      const key = `${label}\0${shared ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push({ label, shared });
    }
  }
  return { aliases, key: [...seen].sort().join('\n') };
}

/** A whole-server analysis as a view: messages name the file each alias is written in. */
export function treeView(t: TreeAnalysis): ConfigView {
  return { file: t.tree.root, ast: t.ast, model: t.model, seesWholeServer: t.tree.complete, fileAt: (o) => toFileOffset(t.tree, o)?.file };
}
