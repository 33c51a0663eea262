// AllowOverride as core.c's set_override reads it: class names (case-insensitive), Options=list, Nonfatal=…,
// None and All; the first unknown word stops Apache. https://httpd.apache.org/docs/2.4/mod/core.html#allowoverride
import type { ArgChecker } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';
import { OPTION_KEYWORDS } from './options';

const CLASSES = ['All', 'None', 'AuthConfig', 'FileInfo', 'Indexes', 'Limit', 'Options', 'Nonfatal'];

export const checkAllowOverride: ArgChecker = (input) => {
  const { words, node } = input;
  for (let i = 0; i < words.length; i++) {
    const eq = words[i].indexOf('=');
    const key = eq >= 0 ? words[i].slice(0, eq) : words[i];
    const value = eq >= 0 ? words[i].slice(eq + 1) : undefined;
    const at = node.args[i];
    const problem = (message: string, apache: string, fixes = [] as ReturnType<typeof replaceWord>[]) => ({ start: at.start, end: at.end, message: `${message} Apache: "${apache}".`, fixes });
    const known = CLASSES.find((c) => c.toLowerCase() === key.toLowerCase());
    if (!known) {
      const fixes = closestNames(key, CLASSES, 3).map((c, k) => replaceWord(input, i, value === undefined ? c : `${c}=${value}`, k === 0));
      return problem(`'${key}' is not an AllowOverride class (use ${CLASSES.join(', ')}).`, `Illegal override option ${key}`, fixes);
    }
    if (known === 'Nonfatal' && value === undefined) {
      return problem('Nonfatal needs a value: Nonfatal=Override, Nonfatal=Unknown or Nonfatal=All.', `=Override, =Unknown or =All expected after ${key}`);
    }
    if (known === 'Options' && value !== undefined) {
      // Options=… lists option names separated by commas.
      for (const opt of value.split(',').filter((o) => o !== '')) {
        if (!OPTION_KEYWORDS.some((k) => k.toLowerCase() === opt.toLowerCase()) && opt.toLowerCase() !== 'runscripts') {
          return problem(`'${opt}' is not an option name AllowOverride Options= accepts (use ${OPTION_KEYWORDS.join(', ')}).`, `Illegal option ${opt}`);
        }
      }
    }
  }
  return undefined;
};
