// Kept for existing callers: ${VAR} substitution with a plain map of Define'd names. The implementation (and the
// one to use in new code, with the environment and unknown values) is server/model/variables.ts.
import { substitute as substituteVariables } from '../model/variables';

/** Replaces every known ${VAR}; unknown ones stay as written (Apache warns and keeps them). */
export function substitute(value: string, defines: ReadonlyMap<string, string>): string {
  return substituteVariables(value, { defined: defines }).text;
}
