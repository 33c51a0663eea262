// The directive catalogue: one typed table, looked up case-insensitively (Apache matches names that way).
import type { DirectiveInfo } from './types';

const table: DirectiveInfo[] = [];

const byName = new Map(table.map((d) => [d.name.toLowerCase(), d]));

export function directiveInfo(nameLower: string): DirectiveInfo | undefined {
  return byName.get(nameLower);
}

export function allDirectives(): readonly DirectiveInfo[] {
  return table;
}
