// mod_macro's `Use` runs while Apache reads the configuration, in the order it reads it: the macro must be defined
// by a <Macro> read before the line (names compared in lower case; `UndefMacro` removes one), and the Use must give
// exactly as many values as the <Macro> names parameters. Otherwise configtest stops on the Use line with "no
// macro defined before Use" (no <Macro> read at all yet), "macro 'x' undefined", or "macro 'x' (defined on line N
// of "…") used with M arguments instead of N".
//
// Which macros exist is known only in a whole server; in a file on its own a macro may come from a file read
// before it, so only a Use of a macro this file defines earlier (with no Include between) is checked for its
// count. A <Macro> or UndefMacro in a body Apache may skip leaves that name (and, for the first error, every name)
// unjudged; so do macro bodies that define or remove macros themselves.
// https://httpd.apache.org/docs/2.4/mod/mod_macro.html
import type { ConfigAst, DirectiveNode, Node, SectionNode, Word } from '../syntax/ast';
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { forEachNode } from '../syntax/parser';
import { isHtaccess, standingOf } from '../catalog/placement';
import { loadedModules } from '../catalog/modules';
import { effectiveWords } from './arguments/words';

interface Definition {
  section: SectionNode;
  name: string;
  parameters: number;
}

export const macroUse: Rule = {
  id: 'macro-use',
  defaultSeverity: 'error',
  description: "A mod_macro `Use` of a macro no <Macro> before it defines, or with another number of values than the macro's parameters.",
  docUrl: `${APACHE_DOCS}mod_macro.html#use`,
  inputs: ['use', 'undefmacro', 'macro', 'include', 'includeoptional'],
  check(ctx) {
    if (isHtaccess(ctx.uri)) return;
    const ast = ctx.ast;
    const whole = ctx.seesWholeServer;
    const loadsAny = loadedModules(ast).loadsAny;
    // Defined names (lower case) in reading order; names we cannot be sure of.
    const defined = new Map<string, Definition>();
    const unsure = new Set<string>();
    let anyDefined = false;
    let anyUnsure = false;
    let macroLoaded = !loadsAny;
    // In a file alone, an Include since the definition may have replaced it.
    let includeAfter = new Set<string>();
    let judge = true;
    forEachNode(ast.children, (node: Node) => {
      if (!judge || node.kind === 'comment') return;
      const standing = standingOf(node, ast);
      if (standing.reach === 'skipped') return;
      const maybe = standing.reach === 'maybe';
      if (node.kind === 'section') {
        if (node.nameLower !== 'macro') return;
        if (!macroLoaded) return;
        const words = plainWords(node.args, node, ast);
        // A macro whose body defines or removes macros changes the table when used: not followed.
        if (/^[ \t]*(<macro[\s>]|undefmacro\b)/im.test(ast.text.slice(node.openBracket + 1, node.close?.start ?? node.end))) judge = false;
        if (!words || words.length === 0) {
          anyUnsure = true;
          return;
        }
        const name = lower(words[0]);
        if (name === undefined || maybe) {
          anyUnsure = true;
          if (name !== undefined) unsure.add(name);
          else judge = false;
          return;
        }
        anyDefined = true;
        defined.set(name, { section: node, name: words[0], parameters: words.length - 1 });
        unsure.delete(name);
        includeAfter.delete(name);
        return;
      }
      switch (node.nameLower) {
        case 'loadmodule':
          if (!maybe && lower(node.args[0]?.value ?? '') === 'macro_module') macroLoaded = true;
          return;
        case 'include':
        case 'includeoptional':
          if (!whole) includeAfter = new Set(defined.keys());
          return;
        case 'undefmacro': {
          const words = plainWords(node.args, node, ast);
          const name = words && words.length === 1 ? lower(words[0]) : undefined;
          if (name === undefined) judge = false;
          else if (maybe) unsure.add(name);
          else defined.delete(name);
          return;
        }
        case 'use':
          if (macroLoaded) checkUse(node, maybe);
          return;
      }
    });

    function checkUse(node: DirectiveNode, maybe: boolean): void {
      const words = plainWords(node.args, node, ast);
      if (!words || words.length === 0 || words[0] === '') return;
      const name = lower(words[0]);
      if (name === undefined || unsure.has(name)) return;
      const first = node.args[0];
      const severity = maybe ? ('warning' as const) : undefined;
      const skip = maybe ? ' (Inside a section Apache may skip, so this is a warning.)' : '';
      const definition = defined.get(name);
      if (!definition) {
        if (!whole || anyUnsure) return;
        ctx.report({
          start: first.start,
          end: first.end,
          severity,
          message: anyDefined
            ? `No macro named '${words[0]}' is defined before this Use (names are compared without regard to case): Apache stops here ("macro '${name}' undefined"). ` +
              `mod_macro only knows the <Macro> sections it has read so far.${skip}`
            : `No <Macro> at all is read before this Use: Apache stops here ("no macro defined before Use"). mod_macro defines a macro when it reads ` +
              `its <Macro> section, so the definition must come first (in this file or one included before it).${skip}`,
        });
        return;
      }
      if (!whole && includeAfter.has(name)) return;
      const given = words.length - 1;
      if (given === definition.parameters) return;
      const tag = `<Macro ${definition.section.args.map((w) => w.raw).join(' ')}>`;
      ctx.report({
        start: first.start,
        end: node.args[node.args.length - 1].end,
        severity,
        message:
          `This Use gives ${given} value${given === 1 ? '' : 's'}, but ${tag} names ${definition.parameters} parameter${definition.parameters === 1 ? '' : 's'}: ` +
          `Apache stops here ("macro '${name}' … used with ${given} arguments instead of ${definition.parameters}"). Quote a value that holds blanks.${skip}`,
      });
    }
  },
};

/**
 * The words mod_macro reads (ap_getword_conf over the raw line), or undefined where our lexer may split them
 * otherwise (a quote inside a word, a backslash) or a variable is unknown.
 */
function plainWords(args: readonly Word[], node: Pick<DirectiveNode, 'args' | 'start'>, ast: ConfigAst): string[] | undefined {
  for (const w of args) {
    if (w.unterminated || w.raw.includes("\\")) return undefined;
    const body = w.quote ? w.raw.slice(1, -1) : w.raw;
    if (/["']/.test(body)) return undefined;
  }
  return effectiveWords(node, ast);
}

/** C's tolower over ASCII; undefined for other letters, whose case Apache's locale decides. */
function lower(name: string): string | undefined {
  return /[^\x00-\x7f]/.test(name) ? undefined : name.toLowerCase();
}
