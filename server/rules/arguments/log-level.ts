// LogLevel words as core.c reads them: a level, or module:level where the module is loaded (by its file name
// or identifier, or the identifier without `_module`). https://httpd.apache.org/docs/2.4/mod/core.html#loglevel
import type { ArgChecker, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';
import { loadedModules, logLevelModule } from '../../catalog/modules';

const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', ...Array.from({ length: 8 }, (_, i) => `trace${i + 1}`)];
const BAD_LEVEL = 'Log level keyword must be one of emerg/alert/crit/error/warn/notice/info/debug/trace1/.../trace8';

export const checkLogLevel: ArgChecker = (input) => {
  const { words, node } = input;
  for (let i = 0; i < words.length && words[i] !== ''; i++) {
    const w = node.args[i];
    const colon = words[i].lastIndexOf(':');
    const module = colon >= 0 ? words[i].slice(0, colon) : null;
    const level = colon >= 0 ? words[i].slice(colon + 1) : words[i];
    const problem = (message: string, apache: string, fixes: ArgProblem['fixes'] = [], severity?: ArgProblem['severity']): ArgProblem => ({ start: w.start, end: w.end, message: `${message} Apache: "${apache}".`, fixes, severity });
    if (module !== null && level === '') return problem(`'${module}:' needs a level after the colon.`, `Module specifier '${module}' must be followed by a log level keyword`);
    if (!LEVELS.includes(level.toLowerCase())) {
      const fixes = closestNames(level, LEVELS, 3).map((l, k) => replaceWord(input, i, module !== null ? `${module}:${l}` : l, k === 0));
      return problem(`'${level}' is not a log level (use ${LEVELS.slice(0, 8).join(', ')} or trace1 … trace8).`, module !== null ? `${module}:${level}: ${BAD_LEVEL}` : BAD_LEVEL, fixes);
    }
    if (module !== null && !logLevelModule(module)) {
      // A module we do not know may be a third-party one the server loads.
      const thirdParty = loadedModules(input.ast).thirdParty.length > 0;
      return problem(`No module Apache ships is called '${module}'${thirdParty ? ' (it may be a third-party module loaded here)' : ''}.`, `Cannot find module ${module}`, [], thirdParty ? 'warning' : undefined);
    }
  }
  return undefined;
};
