// LoadModule NAME FILE: Apache loads FILE and looks the module up in it by NAME (dlsym: exact, case-sensitive). In a
// module file Debian ships, any other name fails configtest: "Can't locate API module structure `NAME' in file …".
// https://httpd.apache.org/docs/2.4/mod/mod_so.html#loadmodule
import type { ArgChecker } from './types';
import { replaceWord } from './types';
import { debianModules } from '../../catalog/data/apache-directives';

/**
 * Module files whose name is not their source file's (`mod_ssl.c` → `mod_ssl.so` for the others), as Debian's
 * mods-available/*.load name them.
 */
const RENAMED_FILES: Readonly<Record<string, string>> = {
  'util_ldap.c': 'mod_ldap.so',
  'event.c': 'mod_mpm_event.so',
  'prefork.c': 'mod_mpm_prefork.so',
  'worker.c': 'mod_mpm_worker.so',
};

/** The module each of Debian's module files holds, by file name. */
const byObjectFile: ReadonlyMap<string, string> = new Map(
  debianModules.filter((m) => !m.builtIn).map((m) => [RENAMED_FILES[m.file] ?? m.file.replace(/\.c$/, '.so'), m.id]),
);

export const checkLoadModule: ArgChecker = (input) => {
  const { node, words } = input;
  // A wrong count is argument-count's.
  if (words.length !== 2) return undefined;
  const file = words[1].slice(words[1].lastIndexOf('/') + 1);
  const id = byObjectFile.get(file);
  if (id === undefined || words[0] === id) return undefined;
  return {
    start: node.args[0].start,
    end: node.args[0].end,
    message: `${file} holds the module ${id}, not '${words[0]}': Apache looks the module up in the file by this name and stops with "Can't locate API module structure \`${words[0]}' in file ${words[1]}".`,
    fixes: [replaceWord(input, 0, id, true)],
  };
};
