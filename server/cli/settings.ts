// Which settings the CLI uses for a linted file: --config, else the nearest project config file; notes about bad
// values are printed once per settings file.
import * as path from 'node:path';
import { findProjectConfig, readProjectConfig, type ProjectConfig } from '../config/projectConfig';
import { resolveSettings, type ResolvedSettings } from '../config/settings';
import { ruleIds } from '../config/ruleList';
import type { CliOptions } from './args';

export interface SettingsLookup {
  options: Pick<CliOptions, 'config'>;
  cache: Map<string, ProjectConfig | null>;
  noted: Set<string>;
  note(message: string): void;
}

export function settingsFor(file: string, lookup: SettingsLookup): ResolvedSettings {
  const { config } = lookup.options;
  if (config === null) return resolveSettings(undefined, undefined, ruleIds);
  const found = config !== undefined ? readProjectConfig(path.resolve(config)) : findProjectConfig(path.dirname(file), lookup.cache);
  if (!found) return resolveSettings(undefined, undefined, ruleIds);
  // Relative paths in a settings file are relative to the file, as the editor's are to the workspace folder.
  const resolved = resolveSettings(found.settings, path.dirname(found.file), ruleIds);
  if (!lookup.noted.has(found.file)) {
    lookup.noted.add(found.file);
    for (const n of resolved.notes) lookup.note(`${found.file}: ${n}`);
  }
  return resolved;
}
