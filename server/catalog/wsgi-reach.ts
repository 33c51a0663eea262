// Whether Apache reads a directive at all, and which `Define`d variables it sees there. Apache evaluates
// <IfModule>, <IfDefine> … while reading and never looks at a skipped body, so a problem there is no configtest
// error; where we cannot tell (a module we do not know, a -D flag or a Define in another file) we say "maybe".
// With the whole server in view, a name no Define sets is taken as undefined (no -D on the command line).
import type { ConfigAst, Node, SectionNode } from '../syntax/ast';
import { walk } from '../syntax/parser';
import { debianModule } from './modules';

export type Reach = 'active' | 'maybe' | 'skipped';

export interface ReachInfo {
  reach: Reach;
  /** The innermost section that makes the body skipped or uncertain. */
  because: SectionNode | null;
}

interface DefineEvent {
  offset: number;
  name: string;
  /** The value; null when defined without one or when the Define itself may not be read; undefined = UnDefine. */
  value: string | null | undefined;
}

const eventsCache = new WeakMap<ConfigAst, { whole: boolean; events: DefineEvent[] }>();

/** Variables defined before `offset`: value, or null when defined but its value is not known for sure. */
export function definesAt(ast: ConfigAst, offset: number, wholeServer = false): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  for (const e of defineEvents(ast, wholeServer)) {
    if (e.offset >= offset) break;
    if (e.value === undefined) vars.delete(e.name);
    else vars.set(e.name, e.value);
  }
  return vars;
}

function defineEvents(ast: ConfigAst, wholeServer: boolean): DefineEvent[] {
  const hit = eventsCache.get(ast);
  if (hit && hit.whole === wholeServer) return hit.events;
  const events: DefineEvent[] = [];
  eventsCache.set(ast, { whole: wholeServer, events });
  for (const node of walk(ast.children)) {
    if (node.kind !== 'directive' || (node.nameLower !== 'define' && node.nameLower !== 'undefine') || !node.args[0]) continue;
    const vars = definesAt(ast, node.start, wholeServer);
    const certain = reachOf(node, vars, wholeServer).reach === 'active';
    const name = node.args[0].value;
    if (node.nameLower === 'undefine') events.push({ offset: node.start, name, value: certain ? undefined : null });
    else {
      const raw = node.args[1]?.value;
      const value = raw === undefined || !certain ? null : substitute(raw, vars);
      events.push({ offset: node.start, name, value });
    }
  }
  return events;
}

/** `${NAME}` replaced by known values; null when any reference stays unknown. */
function substitute(text: string, vars: Map<string, string | null>): string | null {
  let unknown = false;
  const out = text.replace(/\$\{([^}]*)\}/g, (ref, name: string) => {
    const v = vars.get(name);
    if (v === undefined || v === null) unknown = true;
    return v ?? ref;
  });
  return unknown ? null : out;
}

const UNCERTAIN_SECTIONS = new Set(['ifversion', 'iffile', 'ifdirective', 'ifsection', 'macro']);

/** Whether Apache reads `node` (judged for mod_wsgi directives: a `!mod_wsgi.c` body never matters). */
export function reachOf(node: Node, vars: Map<string, string | null>, wholeServer = false): ReachInfo {
  let result: ReachInfo = { reach: 'active', because: null };
  for (let p = node.parent; p; p = p.parent) {
    const reach = sectionReach(p, vars, wholeServer);
    if (reach === 'skipped') return { reach, because: p };
    if (reach === 'maybe' && result.reach === 'active') result = { reach, because: p };
  }
  return result;
}

function sectionReach(section: SectionNode, vars: Map<string, string | null>, wholeServer: boolean): Reach {
  const arg = section.args[0]?.value ?? '';
  const negated = arg.startsWith('!');
  const name = negated ? arg.slice(1) : arg;
  if (section.nameLower === 'ifmodule') {
    const lower = name.toLowerCase();
    if (lower === 'mod_wsgi.c' || lower === 'wsgi_module') return negated ? 'skipped' : 'active';
    // A module Debian ships is taken as loaded; any other may or may not be.
    return !negated && debianModule(name) ? 'active' : 'maybe';
  }
  if (section.nameLower === 'ifdefine') {
    const defined = vars.has(name);
    if (defined || wholeServer) return defined !== negated ? 'active' : 'skipped';
    return 'maybe';
  }
  return UNCERTAIN_SECTIONS.has(section.nameLower) ? 'maybe' : 'active';
}
