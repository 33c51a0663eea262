// The authorization containers' own checks (mod_authz_core): a negative item (`Require not …`, <RequireNone>)
// means nothing where any one success grants access (<RequireAny>, <RequireNone>, or directly in <Directory> or
// <Location>, which behave as <RequireAny>), and a container needs at least one authorization line.
// https://httpd.apache.org/docs/2.4/mod/mod_authz_core.html#logic
import type { Node, SectionNode } from '../../syntax/ast';
import type { ConfigAst } from '../../syntax/ast';
import { sectionInfo } from '../../catalog/sections';
import { standingOf } from '../../catalog/placement';
import { negatesProvider } from '../../catalog/require-line';

const CONTAINERS = new Set(['requireall', 'requireany', 'requirenone']);

/** The problem Apache reports on this line, or undefined. */
export function authzProblem(node: Node, ast: ConfigAst): string | undefined {
  const negative = node.kind === 'directive' ? node.nameLower === 'require' && negatesProvider(node.args[0]?.value) : node.kind === 'section' && node.nameLower === 'requirenone';
  if (negative) {
    const container = enclosingContainer(node);
    if (!container || container.nameLower !== 'requireall') {
      const where = container ? `<${container.name}>` : `a section without <RequireAll> (it acts as <RequireAny>)`;
      const what = node.kind === 'directive' ? 'negative Require' : '<RequireNone>';
      const apache = `${what} directive has no effect in ${container ? `<${canonical(container)}>` : '<RequireAny>'} directive`;
      return `${what === '<RequireNone>' ? '<RequireNone>' : '`Require not …`'} can only narrow a <RequireAll>; in ${where} one success already grants access, so Apache refuses it: "${apache}".`;
    }
  }
  if (node.kind === 'section' && CONTAINERS.has(node.nameLower) && !hasAuthorization(node, ast)) {
    return `<${node.name}> holds no Require line or nested authorization section, so Apache refuses it: "<${canonical(node)}> directive contains no authorization directives".`;
  }
  return undefined;
}

function canonical(section: SectionNode): string {
  return { requireall: 'RequireAll', requireany: 'RequireAny', requirenone: 'RequireNone' }[section.nameLower] ?? section.name;
}

/** The nearest authorization container around the node, looking through transparent sections only. */
function enclosingContainer(node: Node): SectionNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (CONTAINERS.has(p.nameLower)) return p;
    if (!sectionInfo(p.nameLower)?.transparent) return null;
  }
  return null;
}

function hasAuthorization(section: SectionNode, ast: ConfigAst): boolean {
  // Iterative: transparent sections can nest deeper than the call stack.
  const pending: Node[] = [...section.children];
  while (pending.length) {
    const n = pending.pop()!;
    if (n.kind === 'directive' && n.nameLower === 'require' && standingOf(n, ast).reach !== 'skipped') return true;
    if (n.kind !== 'section') continue;
    if (CONTAINERS.has(n.nameLower)) return true;
    // A body Apache may read counts; one it skips does not.
    if (sectionInfo(n.nameLower)?.transparent) for (const c of n.children) pending.push(c);
  }
  return false;
}
