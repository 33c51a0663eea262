// Reads the compact tables of apache-directives.ts (written by scripts/catalog/gen-directive-catalog.mjs) back into
// typed facts. The encoding exists for the .vsix budget: one text line per directive instead of an object literal
// with repeated keys, module/form/places/override as small indexes, and the directive's own name as `~`.
import type { ArgumentForm, DirectiveFacts, ModuleFacts } from '../types';

/** The lookup tables the generator writes next to the rows; a row's code indexes into them. */
export interface CatalogTables {
  forms: readonly ArgumentForm[];
  places: readonly string[];
  /** Index 0 is unused: code `0` means "not allowed in .htaccess". */
  htaccess: readonly string[];
}

/**
 * One module per line: its file name, `*` when compiled into apache2, then its id after a space when the id is not
 * the usual `mod_x.c` -> `x_module`.
 */
export function decodeModules(text: string): ModuleFacts[] {
  return text.split('\n').map((line) => {
    const [head, id] = line.split(' ');
    const builtIn = head.endsWith('*');
    const file = builtIn ? head.slice(0, -1) : head;
    const m: ModuleFacts = { id: id ?? `${file.replace(/^mod_/, '').replace(/\.c$/, '')}_module`, file };
    if (builtIn) m.builtIn = true;
    return m;
  });
}

const FLAG_SECTION = 1;
const FLAG_OBSOLETE = 2;

/**
 * One row of the directive table (a line each), fields separated by tabs (trailing empty fields left out):
 *   name, code, syntax, default, page, alsoIn (comma-separated module files), notRegistered.
 * code is six base-36 digits: module (two, an index into `modules`), form, places, htaccess (0: not allowed), flags
 * (1 section, 2 obsolete). In syntax `~` stands for the name; in page for the lower-cased name. An empty page is
 * the usual one (the module's, anchored by name) and `!` is "no page".
 */
export function decodeDirective(line: string, modules: readonly ModuleFacts[], t: CatalogTables): DirectiveFacts {
  const [name, code, syntax, dflt, page, alsoIn, notRegistered] = line.split('\t');
  const digit = (i: number) => parseInt(code[i], 36);
  const flags = digit(5);
  const f: DirectiveFacts = { name, module: modules[parseInt(code.slice(0, 2), 36)].file, args: t.forms[digit(2)], places: t.places[digit(3)] };
  if (alsoIn) f.alsoIn = alsoIn.split(',');
  if (flags & FLAG_SECTION) f.section = true;
  if (digit(4)) f.htaccess = t.htaccess[digit(4)];
  if (syntax) f.syntax = syntax.replaceAll('~', name);
  if (dflt) f.default = dflt;
  if (page) f.page = page === '!' ? '' : page.replaceAll('~', name.toLowerCase());
  if (flags & FLAG_OBSOLETE) f.obsolete = true;
  if (notRegistered) f.notRegistered = notRegistered;
  return f;
}

// What indexing the table needs, read straight from a row: the catalogue looks directives up by name and kind,
// and decoding all ~770 rows to build that index cost a few milliseconds of every start-up (a file names a few
// dozen). Equal to decodeDirective(row).name and .section, as test/unit/catalog/decode.test.ts checks.

/** A row's name: its first field. */
export function rowName(line: string): string {
  return line.slice(0, line.indexOf('\t'));
}

/** Whether a row is a section: the flags digit, the last of the code (the second field). */
export function rowIsSection(line: string): boolean {
  return (parseInt(line[line.indexOf('\t') + 6], 36) & FLAG_SECTION) !== 0;
}
