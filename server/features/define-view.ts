// What hovers and completion show about a Define'd variable: each Define/UnDefine and how often it is used.
import type { Analysis } from '../service';
import type { DefineView } from '../catalog/render';
import { defineIndex } from '../model/defines';
import { enclosingVirtualHost } from '../model/model';
import { vhostLabel } from './groups';

export function defineView(analysis: Analysis, name: string): DefineView {
  const index = defineIndex(analysis.ast);
  return {
    name,
    definitions: index.decls
      .filter((d) => d.name === name)
      .map((d) => {
        const vhost = enclosingVirtualHost(d.node);
        return {
          line: analysis.lines.positionAt(d.node.start).line,
          where: vhost ? `in ${vhostLabel(analysis.model, vhost)}` : '',
          value: d.value?.value ?? null,
          undefine: d.undefine,
        };
      }),
    uses: index.uses.filter((u) => u.name === name).length,
  };
}
