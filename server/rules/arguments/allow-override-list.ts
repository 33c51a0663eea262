// AllowOverrideList as core.c's set_override_list reads it: the directives .htaccess files may use, or None alone.
// None beside other names stops Apache. A name no module registers, or one that may not stand in a per-directory
// context, is only dropped with a warning in the log, so the .htaccess line it was meant for still fails later
// ("not allowed here", a 500): a warning here. https://httpd.apache.org/docs/2.4/mod/core.html#allowoverridelist
import type { ArgChecker } from './types';
import { replaceWord } from './types';
import { removalOf } from '../../model/edits';
import { acceptedNames, directiveInfo } from '../../catalog/directives';
import { closestNames } from '../../catalog/names';

export const checkAllowOverrideList: ArgChecker = (input) => {
  const { words, node, ast } = input;
  const nones = words.flatMap((w, i) => (w.toLowerCase() === 'none' ? [i] : []));
  if (nones.length > 0 && words.length > 1) {
    const at = node.args[nones[0]];
    // Dropping None keeps the names, which is what a list with names means; with two Nones one would be left.
    const fixes = nones.length === 1 ? [{ title: `Remove '${at.raw}'`, edits: [removalOf(ast.text, at.start, at.end)], preferred: true }] : [];
    return {
      start: at.start,
      end: at.end,
      message: `None stands alone in AllowOverrideList: beside other directive names Apache refuses the line. Apache: "'None' not allowed with other directives in AllowOverrideList".`,
      fixes,
    };
  }
  // None alone: nothing else to read.
  if (nones.length) return undefined;
  for (let i = 0; i < words.length; i++) {
    const name = words[i];
    // Apache looks the name up among the loaded modules' commands, ignoring case; sections (`<Files`) are not among them.
    const info = directiveInfo(name.toLowerCase(), false);
    const at = node.args[i];
    if (!info || info.notRegistered) {
      const fixes = closestNames(name, acceptedNames(false), 3).map((c, k) => replaceWord(input, i, c, k === 0));
      return {
        start: at.start,
        end: at.end,
        severity: 'warning',
        message: `'${name}' is not a directive Apache knows, so it drops it from the list (the log says "Discarding unrecognized directive \`${name}' in AllowOverrideList") and .htaccess files still may not use it.`,
        fixes,
      };
    }
    if (!info.contexts.includes('directory') && !info.contexts.includes('htaccess')) {
      return {
        start: at.start,
        end: at.end,
        severity: 'warning',
        message: `${info.name} may not stand in <Directory> or .htaccess, so Apache drops it from the list (the log says "Discarding directive \`${name}' not allowed in AllowOverrideList").`,
      };
    }
  }
  return undefined;
};
