// What hovers and completion show about a Define'd variable: each Define/UnDefine and how often it is used; in a
// server tree, across its files and with the value Debian's envvars exports.
import type { Analysis } from '../service';
import type { DefineView } from '../catalog/render';
import { defineIndex } from '../model/defines';
import { enclosingVirtualHost } from '../model/model';
import { vhostLabel } from './groups';
import type { NavScope } from './navScope';

export function defineView(analysis: Analysis, name: string, scope?: NavScope): DefineView {
  const searched = scope?.analysis ?? analysis;
  const index = defineIndex(searched.ast);
  const at = (offset: number) => (scope ? scope.place(offset) ?? { line: 0 } : { line: analysis.lines.positionAt(offset).line });
  const exported = scope?.exported?.values.get(name);
  return {
    name,
    scope: scope?.name,
    environment: exported !== undefined && scope?.exported ? { value: exported, file: scope.exported.file } : undefined,
    definitions: index.decls
      .filter((d) => d.name === name)
      .map((d) => {
        const vhost = enclosingVirtualHost(d.node);
        return {
          ...at(d.node.start),
          where: vhost ? `in ${vhostLabel(searched.model, vhost)}` : '',
          value: d.value?.value ?? null,
          undefine: d.undefine,
        };
      }),
    uses: index.uses.filter((u) => u.name === name).length,
  };
}
