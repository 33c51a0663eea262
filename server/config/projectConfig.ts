// The CLI's settings: `.apache-wsgi.json`, or the "apacheWsgi" key of a package.json, in the linted file's
// directory or the nearest ancestor that has one (like the editor's workspace settings, so CI and the editor agree).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFIG_FILE = '.apache-wsgi.json';
export const PACKAGE_KEY = 'apacheWsgi';

export interface ProjectConfig {
  /** The file the settings came from. */
  file: string;
  settings: unknown;
}

export class ConfigError extends Error {}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

const isFile = (p: string) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Reads a settings file given explicitly (--config): a .apache-wsgi.json, or a package.json with the key. */
export function readProjectConfig(file: string): ProjectConfig {
  const json = readJson(file);
  if (path.basename(file) === 'package.json') {
    const settings = (json as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (settings === undefined) throw new ConfigError(`${file}: has no "${PACKAGE_KEY}" key`);
    return { file, settings };
  }
  return { file, settings: json };
}

/** The nearest config from `dir` upwards; a package.json without the key is passed over. Cached per directory. */
export function findProjectConfig(dir: string, cache = new Map<string, ProjectConfig | null>()): ProjectConfig | undefined {
  const visited: string[] = [];
  let found: ProjectConfig | null = null;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const hit = cache.get(d);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    visited.push(d);
    const own = path.join(d, CONFIG_FILE);
    if (isFile(own)) {
      found = readProjectConfig(own);
      break;
    }
    const pkg = path.join(d, 'package.json');
    if (isFile(pkg)) {
      const settings = (readJson(pkg) as Record<string, unknown> | null)?.[PACKAGE_KEY];
      if (settings !== undefined) {
        found = { file: pkg, settings };
        break;
      }
    }
    if (path.dirname(d) === d) break;
  }
  for (const d of visited) cache.set(d, found);
  return found ?? undefined;
}
