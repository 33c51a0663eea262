// What the language server and the CLI hand every analysis about WSGI scripts: the script index (config rules)
// and, for a Python document, the configurations in view that serve it — server trees, open config documents no
// tree includes, and the other `*.conf`/`*.vhost` files of the workspace (a project's deploy/apache.conf), each
// read alone. (In untrusted workspaces there are no trees, and only files inside the folders are read.)
import { fileURLToPath } from 'node:url';
import type { Analysis, AnalysisEnv } from '../service';
import { parse } from '../syntax/parser';
import { buildModel } from '../model/model';
import type { TreeAnalysis } from './analyzeTree';
import type { ScriptIndex } from './scripts';
import { servingOf, treeView, type ConfigView, type ScriptServing } from './scripts-serving';

export interface ServingSources {
  scripts: ScriptIndex;
  /** Analysed server trees (empty when untrusted). */
  trees(): TreeAnalysis[];
  /** Open configuration documents that no tree includes: their path and analysis. */
  looseConfigs(): Array<{ file: string; analysis: Analysis }>;
  /** Files whose view comes from a tree or an open document: not read again from the workspace. */
  covered(file: string): boolean;
}

const MAX_LOOSE_FILES = 200;

export function scriptEnvironment(src: ServingSources): AnalysisEnv & { servingOf: (uri: string) => ScriptServing | undefined } {
  return {
    // Read on each use: the server replaces its index once the workspace folders are known.
    get scripts() {
      return src.scripts;
    },
    servingOf(uri) {
      if (!uri.startsWith('file:')) return undefined;
      const views: ConfigView[] = src.trees().map(treeView);
      for (const c of src.looseConfigs()) views.push({ file: c.file, ast: c.analysis.ast, model: c.analysis.model, seesWholeServer: false });
      views.push(...workspaceConfigViews(src.scripts, src.covered));
      return servingOf(fileURLToPath(uri), views, src.scripts);
    },
  };
}

const parsed = new WeakMap<ScriptIndex, { generation: number; views: ConfigView[]; byFile: Map<string, { text: string; view: ConfigView }> }>();

/**
 * The workspace's config files that mention WSGIScriptAlias, each parsed alone. Read again only when the index's
 * generation changes (the server bumps it on file events and on documents opened, closed or edited), and parsed
 * again only when a file's text changed.
 */
export function workspaceConfigViews(scripts: ScriptIndex, covered: (file: string) => boolean): ConfigView[] {
  let hit = parsed.get(scripts);
  if (!hit || hit.generation !== scripts.generation) {
    const byFile = new Map<string, { text: string; view: ConfigView }>();
    for (const file of scripts.configFiles().slice(0, MAX_LOOSE_FILES)) {
      const text = scripts.read(file);
      if (text === undefined || !/wsgiscriptalias/i.test(text)) continue;
      const old = hit?.byFile.get(file);
      if (old && old.text === text) byFile.set(file, old);
      else {
        const ast = parse(text);
        byFile.set(file, { text, view: { file, ast, model: buildModel(ast), seesWholeServer: false } });
      }
    }
    hit = { generation: scripts.generation, views: [...byFile.values()].map((e) => e.view), byFile };
    parsed.set(scripts, hit);
  }
  return hit.views.filter((v) => !covered(v.file));
}
