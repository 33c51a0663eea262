// ${VAR} substitution as Apache does while reading: Define'd names and environment variables.

/** Replaces every known ${VAR}; unknown ones stay as written (Apache warns and keeps them). */
export function substitute(value: string, defines: ReadonlyMap<string, string>): string {
  if (!value.includes('${')) return value;
  return value.replace(/\$\{([^}\s]+)\}/g, (whole, name: string) => defines.get(name) ?? whole);
}
