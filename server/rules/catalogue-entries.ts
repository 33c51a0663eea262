// The catalogue entry of each directive and section of a model, looked up once per analysis: argument-count,
// invalid-argument, directive-context and unknown-directive all ask for every line's entry, and a lookup by name
// (a Map read comparing strings) cost more than reading an array at the line's index.
import type { ConfigModel } from '../model/model';
import type { DirectiveInfo } from '../catalog/types';
import { directiveInfo } from '../catalog/directives';
import { runMemo } from './run-memo';

export interface CatalogueEntries {
  /** directives[i] is `directiveInfo(model.directives[i].nameLower, false)`. */
  readonly directives: ReadonlyArray<DirectiveInfo | undefined>;
  /** sections[i] is `directiveInfo(model.sections[i].nameLower, true)`. */
  readonly sections: ReadonlyArray<DirectiveInfo | undefined>;
}

const memo = runMemo<ConfigModel, CatalogueEntries>();

export function catalogueEntries(model: ConfigModel): CatalogueEntries {
  let entries = memo.get(model);
  if (!entries) memo.set(model, (entries = { directives: lookUp(model.directives, false), sections: lookUp(model.sections, true) }));
  return entries;
}

function lookUp(nodes: ReadonlyArray<{ nameLower: string }>, section: boolean): Array<DirectiveInfo | undefined> {
  // At its size: one slot per line.
  const infos = new Array<DirectiveInfo | undefined>(nodes.length);
  for (let i = 0; i < nodes.length; i++) infos[i] = directiveInfo(nodes[i].nameLower, section);
  return infos;
}
