// Daemon process groups by name, built once per analysis: definitions (WSGIDaemonProcess) and the directives
// that delegate to them (WSGIProcessGroup, process-group=). Hover, navigation, rename and completion share it.
import type { SectionNode } from '../syntax/ast';
import type { ConfigModel, DaemonGroup, ProcessGroupRef } from '../model/model';
import { virtualHostOf } from '../model/model';
import { daemonGroupMarkdown, type DaemonGroupView } from '../catalog/render';
import type { LineIndex } from '../syntax/positions';

export interface GroupEntry {
  name: string;
  defs: DaemonGroup[];
  refs: ProcessGroupRef[];
}

const cache = new WeakMap<ConfigModel, Map<string, GroupEntry>>();

export function groupIndex(model: ConfigModel): Map<string, GroupEntry> {
  const hit = cache.get(model);
  if (hit) return hit;
  const index = new Map<string, GroupEntry>();
  const entry = (name: string) => {
    let e = index.get(name);
    if (!e) index.set(name, (e = { name, defs: [], refs: [] }));
    return e;
  };
  for (const d of model.daemons) entry(d.name).defs.push(d);
  for (const r of model.processGroupRefs) entry(r.name).refs.push(r);
  cache.set(model, index);
  return index;
}

/** How a virtual host is named in hovers and the outline: its ServerName, else its addresses. */
export function vhostLabel(model: ConfigModel, section: SectionNode | null): string {
  if (!section) return '';
  const vhost = virtualHostOf(model, section);
  const name = vhost?.serverName?.args[0]?.value;
  const addresses = section.args.map((w) => w.value).join(' ');
  return name ? `${name}${addresses ? ` (${addresses})` : ''}` : `<VirtualHost ${addresses}>`;
}

/** Where an offset is, for hovers: its line, and its file when that is another file of the server. */
export type Placer = (offset: number) => { line: number; file?: string } | undefined;

/** `placer` and `scope` describe a server tree's model (places in several files); by default, one file's. */
export function groupView(model: ConfigModel, lines: LineIndex, entry: GroupEntry, placer?: Placer, scope?: string): DaemonGroupView {
  const where = (vhost: SectionNode | null) => (vhost ? `in ${vhostLabel(model, vhost)}` : 'at server level');
  const at = (offset: number) => (placer ? placer(offset) ?? { line: 0 } : { line: lines.positionAt(offset).line });
  return {
    name: entry.name,
    scope,
    definitions: entry.defs.map((d) => ({
      ...at(d.node.start),
      where: where(d.vhost),
      options: [...d.options.values()].map((w) => [w.key ?? '', w.optionValue] as [string, string]),
    })),
    users: entry.refs.map((r) => ({ ...at(r.node.start), where: where(r.vhost), via: r.via === 'process-group' ? `${r.node.name} process-group=` : r.via })),
  };
}

const markdownCache = new WeakMap<ConfigModel, Map<string, string>>();

/** The group's hover text, rendered once per analysis (completion lists every group). */
export function groupMarkdown(model: ConfigModel, lines: LineIndex, entry: GroupEntry): string {
  let byName = markdownCache.get(model);
  if (!byName) markdownCache.set(model, (byName = new Map()));
  let text = byName.get(entry.name);
  if (text === undefined) byName.set(entry.name, (text = daemonGroupMarkdown(groupView(model, lines, entry))));
  return text;
}
