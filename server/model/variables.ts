// `${VAR}` substitution, the one implementation every reader of variables uses. Apache replaces them in the
// whole line before splitting it into words (util.c ap_resolve_env): the name runs to the first `}` (blanks and
// an empty name included), a Define'd name wins, then the environment Apache was started with (Debian's envvars
// exports APACHE_LOG_DIR …), and an unknown reference stays as written.
import type { ConfigAst } from '../syntax/ast';

export interface Variables {
  /** Define'd names in effect: the value, or null when defined without one or with one we cannot know (not substituted). */
  readonly defined: ReadonlyMap<string, string | null>;
  /** The environment: `${VAR}` falls back to it, `<IfDefine VAR>` does not see it. */
  readonly environment?: ReadonlyMap<string, string>;
}

/** A variable's value: a string, null when defined with a value we cannot know, undefined when not defined. */
export function variableValue(vars: Variables, name: string): string | null | undefined {
  const v = vars.defined.get(name);
  return v !== undefined ? v : vars.environment?.get(name);
}

export interface Substituted {
  text: string;
  /** Names of the references left as written (undefined, or a value we cannot know). */
  unresolved: string[];
  /** The values put in, in order (a caller may refuse values with blanks, which Apache would split). */
  inserted: string[];
}

const REFERENCE = /\$\{([^}]*)\}/g;

/**
 * Longest text a substitution may produce. Values can double at every `Define A ${A}${A}`; past this we stop
 * substituting and treat the rest as unknown (nothing is judged on it), so memory stays bounded.
 */
export const MAX_SUBSTITUTED_LENGTH = 16384;

/** `text` with every `${NAME}` whose value is known replaced; the others stay as written. */
export function substitute(text: string, vars: Variables): Substituted {
  const unresolved: string[] = [];
  const inserted: string[] = [];
  if (!text.includes('${')) return { text, unresolved, inserted };
  // Past the last `}` no reference can close; matching there would rescan to the end from every `${` (quadratic).
  const last = text.lastIndexOf('}');
  let grown = text.length;
  const out = text.slice(0, last + 1).replace(REFERENCE, (ref, name: string) => {
    const v = variableValue(vars, name);
    if (typeof v === 'string' && grown + v.length - ref.length <= MAX_SUBSTITUTED_LENGTH) {
      grown += v.length - ref.length;
      inserted.push(v);
      return v;
    }
    unresolved.push(name);
    return ref;
  }) + text.slice(last + 1);
  return { text: out, unresolved, inserted };
}

const environments = new WeakMap<ConfigAst, ReadonlyMap<string, string>>();

/**
 * Declares the environment a parsed text is read with: a server tree's envvars. Every helper that reads the
 * variables in effect at an offset of that text (wsgi-reach definesAt/variablesAt) then sees it.
 */
export function setEnvironment(ast: ConfigAst, environment: ReadonlyMap<string, string>): void {
  if (environment.size > 0) environments.set(ast, environment);
}

export function environmentOf(ast: ConfigAst): ReadonlyMap<string, string> | undefined {
  return environments.get(ast);
}
