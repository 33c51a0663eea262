// Edits of a WSGIScriptAlias line the script rules' fixes are made of.
import type { TextEditSpan } from '../rules/types';
import type { ScriptAlias } from '../model/model';

/** Sets `key=value` on the alias: replaces the option word in effect (the last one), else appends it. */
export function setAliasOption(alias: ScriptAlias, key: string, value: string): TextEditSpan {
  const own = alias.options.get(key);
  if (own) return { start: own.start, end: own.end, newText: `${key}=${value}` };
  const last = alias.node.args[alias.node.args.length - 1];
  const at = last ? last.end : alias.node.nameSpan.end;
  return { start: at, end: at, newText: ` ${key}=${value}` };
}
