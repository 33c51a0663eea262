// wsgi-reach's reading of whether Apache reads a node, walked up from the node section by section: the direct
// computation property tests hold the memoised one (reachOf) to.
import type { Node, SectionNode } from '../../server/syntax/ast';
import type { Reach } from '../../server/catalog/placement';
import { debianModule } from '../../server/catalog/modules';

function sectionReach(section: SectionNode, vars: Map<string, string | null>, wholeServer: boolean): Reach {
  const arg = section.args[0]?.value ?? '';
  const negated = arg.startsWith('!');
  const name = negated ? arg.slice(1) : arg;
  if (section.nameLower === 'ifmodule') {
    const lower = name.toLowerCase();
    if (lower === 'mod_wsgi.c' || lower === 'wsgi_module') return negated ? 'skipped' : 'active';
    return !negated && debianModule(name) ? 'active' : 'maybe';
  }
  if (section.nameLower === 'ifdefine') {
    const defined = vars.has(name);
    if (defined || wholeServer) return defined !== negated ? 'active' : 'skipped';
    return 'maybe';
  }
  return ['ifversion', 'iffile', 'ifdirective', 'ifsection', 'macro'].includes(section.nameLower) ? 'maybe' : 'active';
}

/** The innermost section Apache skips decides; else the innermost it may skip; else the node is read. */
export function expectedReach(node: Node, vars: Map<string, string | null>, wholeServer: boolean): { reach: Reach; because: SectionNode | null } {
  let result: { reach: Reach; because: SectionNode | null } = { reach: 'active', because: null };
  for (let p = node.parent; p; p = p.parent) {
    const reach = sectionReach(p, vars, wholeServer);
    if (reach === 'skipped') return { reach, because: p };
    if (reach === 'maybe' && result.reach === 'active') result = { reach, because: p };
  }
  return result;
}
