// The `apacheWsgi` settings, one schema for the editor (workspace/configuration) and the CLI (.apache-wsgi.json or
// package.json's "apacheWsgi" key), turned into what the analysis needs. Bad values are dropped with a note,
// never thrown: a typo in a settings file must not stop the linter.
import * as path from 'node:path';
import type { AnalysisSettings } from '../service';
import type { TreeOptions } from '../workspace/tree';
import type { SeveritySetting } from '../rules/types';

export interface RawSettings {
  rules?: Record<string, SeveritySetting>;
  apacheVersion?: '2.4' | '2.2';
  serverRoot?: string;
  includeSearchPaths?: string[];
  maxProblems?: number;
  apacheBinary?: string;
}

export interface ResolvedSettings {
  analysis: AnalysisSettings;
  tree: TreeOptions;
  /** Diagnostics listed per file at most. */
  maxProblems: number;
  apacheBinary?: string;
  /** What was wrong with the input, one sentence each (shown in the server log or on stderr). */
  notes: string[];
}

export const DEFAULT_MAX_PROBLEMS = 1000;
const SEVERITIES: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);
const VERSIONS: ReadonlySet<string> = new Set(['2.4', '2.2']);
/** Keys of the schema besides those read here: editor-only settings the CLI accepts and ignores. */
const EDITOR_ONLY: ReadonlySet<string> = new Set(['trace']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates raw settings. Relative paths are resolved against `baseDir` (the workspace folder, or the directory
 * of the config file); `knownRules` names the rule ids a severity may be set for.
 */
export function resolveSettings(raw: unknown, baseDir: string | undefined, knownRules: ReadonlySet<string>): ResolvedSettings {
  const out: ResolvedSettings = { analysis: {}, tree: {}, maxProblems: DEFAULT_MAX_PROBLEMS, notes: [] };
  if (raw === undefined || raw === null) return out;
  if (!isRecord(raw)) {
    out.notes.push('settings must be an object');
    return out;
  }
  const abs = (p: string) => (path.isAbsolute(p) || !baseDir ? p : path.resolve(baseDir, p));
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'rules': {
        if (!isRecord(value)) {
          out.notes.push('"rules" must map rule ids to off|hint|information|warning|error');
          break;
        }
        const severities: Record<string, SeveritySetting> = {};
        for (const [id, level] of Object.entries(value)) {
          if (!knownRules.has(id)) out.notes.push(`"rules": unknown rule id '${id}'`);
          else if (typeof level !== 'string' || !SEVERITIES.has(level)) out.notes.push(`"rules": '${id}' must be off, hint, information, warning or error, not ${JSON.stringify(level)}`);
          else severities[id] = level as SeveritySetting;
        }
        out.analysis.severities = severities;
        break;
      }
      case 'apacheVersion':
        if (typeof value === 'string' && VERSIONS.has(value)) out.analysis.apacheVersion = value;
        else out.notes.push(`"apacheVersion" must be "2.4" or "2.2", not ${JSON.stringify(value)}`);
        break;
      case 'serverRoot':
        if (typeof value !== 'string') out.notes.push('"serverRoot" must be a path');
        else if (value.trim()) out.tree.serverRoot = abs(value.trim());
        break;
      case 'includeSearchPaths':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) out.notes.push('"includeSearchPaths" must be a list of paths');
        else out.tree.includeSearchPaths = (value as string[]).filter((v) => v.trim()).map((v) => abs(v.trim()));
        break;
      case 'maxProblems':
        if (typeof value === 'number' && Number.isInteger(value) && value > 0) out.maxProblems = value;
        else out.notes.push(`"maxProblems" must be a positive whole number, not ${JSON.stringify(value)}`);
        break;
      case 'apacheBinary':
        if (typeof value !== 'string') out.notes.push('"apacheBinary" must be a path');
        else if (value.trim()) out.apacheBinary = abs(value.trim());
        break;
      default:
        if (!EDITOR_ONLY.has(key)) out.notes.push(`unknown setting '${key}'`);
    }
  }
  return out;
}
