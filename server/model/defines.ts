// `Define`d variables of one file: where each is set (Define / UnDefine) and where it is used (`${NAME}` in any
// non-comment line, `<IfDefine NAME>`). Apache substitutes ${NAME} in the whole line before splitting it into
// words (config.c ap_build_config_sub → ap_resolve_env), after dropping comment lines; so do we.
import type { ConfigAst, DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import { endOffsetOf, offsetOf, skipBlanks } from '../syntax/lexer';
import { forEachNode } from '../syntax/parser';
import { lastAtOrBefore } from '../syntax/search';

export interface DefineDecl {
  name: string;
  node: DirectiveNode;
  nameWord: Word;
  value: Word | undefined;
  undefine: boolean;
}

export interface VariableUse {
  name: string;
  /** The name itself (inside `${…}`, or after `!` in `<IfDefine !NAME>`). */
  start: number;
  end: number;
  /** The whole reference: `${NAME}` or the IfDefine argument. */
  outerStart: number;
  outerEnd: number;
  via: 'substitution' | 'ifdefine';
}

export interface DefineIndex {
  decls: DefineDecl[];
  /** In document order. */
  uses: VariableUse[];
  names: Set<string>;
}

const cache = new WeakMap<ConfigAst, DefineIndex>();

export function defineIndex(ast: ConfigAst): DefineIndex {
  const hit = cache.get(ast);
  if (hit) return hit;
  const index: DefineIndex = { decls: [], uses: [], names: new Set() };
  forEachNode(ast.children, (node) => {
    if (node.kind === 'directive') collectDecl(node, index);
    else if (node.kind === 'section' && node.nameLower === 'ifdefine') collectIfDefine(node, index);
  });
  // Only the lines holding `${` are made (the tree keeps its lines as numbers).
  for (const n of ast.lines.indexesContaining('${')) {
    const line = ast.lines.at(n);
    const s = line.content;
    const first = skipBlanks(s, 0);
    if (s[first] === '#') continue;
    // Only up to the last `}`: past it every `${` would rescan to the end of the line (quadratic).
    for (const m of s.slice(0, s.lastIndexOf('}') + 1).matchAll(/\$\{([^}]+)\}/g)) {
      const at = m.index;
      index.uses.push({
        name: m[1],
        start: offsetOf(line, at + 2),
        end: endOffsetOf(line, at + 2 + m[1].length),
        outerStart: offsetOf(line, at),
        outerEnd: endOffsetOf(line, at + m[0].length),
        via: 'substitution',
      });
    }
  }
  index.uses.sort((a, b) => a.outerStart - b.outerStart);
  for (const d of index.decls) index.names.add(d.name);
  cache.set(ast, index);
  return index;
}

function collectDecl(node: DirectiveNode, index: DefineIndex): void {
  if (node.nameLower !== 'define' && node.nameLower !== 'undefine') return;
  const nameWord = node.args[0];
  if (!nameWord) return;
  index.decls.push({ name: nameWord.value, node, nameWord, value: node.args[1], undefine: node.nameLower === 'undefine' });
}

function collectIfDefine(node: SectionNode, index: DefineIndex): void {
  const w = node.args[0];
  if (!w || w.quote) return;
  const negated = w.value.startsWith('!');
  const name = negated ? w.value.slice(1) : w.value;
  if (!name || name.includes('${')) return;
  index.uses.push({ name, start: w.end - name.length, end: w.end, outerStart: w.start, outerEnd: w.end, via: 'ifdefine' });
}

/** The use whose name span holds `offset` (end inclusive), by binary search. */
export function variableUseAt(index: DefineIndex, offset: number): VariableUse | undefined {
  const u = lastAtOrBefore(index.uses, offset, (use) => use.outerStart);
  return u && offset <= u.outerEnd ? u : undefined;
}

/** The Define/UnDefine whose name word holds `offset`. */
export function declAt(index: DefineIndex, node: Node, offset: number): DefineDecl | undefined {
  return index.decls.find((d) => d.node === node && offset >= d.nameWord.start && offset <= d.nameWord.end);
}
