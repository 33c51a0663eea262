// Apache 2.2 access control (Order/Allow/Deny/Satisfy, kept in 2.4 by mod_access_compat) and its exact 2.4
// `Require` equivalent for the common patterns. `Order deny,allow` (the default) lets a request through unless
// Deny matches and Allow does not; `Order allow,deny` lets it through only when Allow matches and Deny does not.
// https://httpd.apache.org/docs/2.4/upgrading.html#access
import type { DirectiveNode, Node } from '../syntax/ast';
import type { ConfigModel } from './model';

export const LEGACY = new Set(['order', 'allow', 'deny', 'satisfy']);

export interface LegacyBlock {
  parent: Node['parent'];
  directives: DirectiveNode[];
}

/** Legacy directives grouped by the section holding them, in document order. */
export function legacyBlocks(model: ConfigModel): LegacyBlock[] {
  const blocks = new Map<Node['parent'], LegacyBlock>();
  for (const d of model.directives) {
    if (!LEGACY.has(d.nameLower)) continue;
    const block = blocks.get(d.parent) ?? { parent: d.parent, directives: [] };
    block.directives.push(d);
    blocks.set(d.parent, block);
  }
  return [...blocks.values()];
}

interface Hosts {
  all: boolean;
  specs: string[];
}

/** `Allow from a b` / `Deny from …` words, or undefined for forms we do not translate (env=!X, no `from`). */
function hostsOf(ds: DirectiveNode[]): Hosts | undefined {
  const out: Hosts = { all: false, specs: [] };
  for (const d of ds) {
    if (d.args[0]?.value.toLowerCase() !== 'from' || d.args.length < 2) return undefined;
    for (const w of d.args.slice(1)) {
      const v = w.value;
      if (v.toLowerCase() === 'all') out.all = true;
      else if (/^env=!/i.test(v) || v === '') return undefined;
      else out.specs.push(v);
    }
  }
  return out;
}

const IP = /^(?:[0-9.]+(?:\/[0-9.]+)?|[0-9a-f:.]*:[0-9a-f:.]*(?:\/\d+)?)$/i;

/** One `Require` line per kind; several lines in one section mean "any of them" in 2.4. */
function requireAny(specs: string[]): string[] {
  const ip = specs.filter((s) => IP.test(s));
  const env = specs.filter((s) => /^env=/i.test(s)).map((s) => s.slice(4));
  const host = specs.filter((s) => !IP.test(s) && !/^env=/i.test(s));
  return [
    ...(ip.length ? [`Require ip ${ip.join(' ')}`] : []),
    ...(host.length ? [`Require host ${host.join(' ')}`] : []),
    ...env.map((e) => `Require env ${e}`),
  ];
}

const GRANTED = ['Require all granted'];
const DENIED = ['Require all denied'];

/**
 * The Require lines equivalent to a block, or undefined when no exact translation exists: Satisfy Any,
 * mutual-failure, specific Deny hosts that Allow does not override, a Require already next to it, or an Order
 * inherited from an enclosing section.
 */
export function requireEquivalent(block: LegacyBlock): string[] | undefined {
  const by = (name: string) => block.directives.filter((d) => d.nameLower === name);
  if (by('satisfy').some((d) => d.args[0]?.value.toLowerCase() !== 'all')) return undefined;
  const siblings = block.parent?.children ?? [];
  if (siblings.some((n) => n.kind === 'directive' && n.nameLower === 'require')) return undefined;
  const orders = by('order');
  if (orders.length === 0 && hasLegacyAbove(block)) return undefined;
  const order = (orders[orders.length - 1]?.args[0]?.value ?? 'deny,allow').toLowerCase().replace(/\s+/g, '');
  const allow = hostsOf(by('allow'));
  const deny = hostsOf(by('deny'));
  if (!allow || !deny) return undefined;
  const allowsSome = allow.all || allow.specs.length > 0;
  if (order === 'allow,deny') {
    if (!allowsSome || deny.all) return DENIED;
    if (deny.specs.length) return undefined;
    return allow.all ? GRANTED : requireAny(allow.specs);
  }
  if (order !== 'deny,allow') return undefined;
  if (allow.all || (!deny.all && deny.specs.length === 0)) return GRANTED;
  if (!deny.all) return undefined;
  return allowsSome ? requireAny(allow.specs) : DENIED;
}

function hasLegacyAbove(block: LegacyBlock): boolean {
  for (let p = block.parent?.parent ?? null; p; p = p.parent) {
    if (p.children.some((n) => n.kind === 'directive' && LEGACY.has(n.nameLower))) return true;
  }
  return false;
}
