// A Debian server in memory: the exports of Debian's /etc/apache2/envvars, and a case read as the server's
// apache2.conf, so rules that judge only a whole server with its environment known see it as Apache does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTree } from '../../server/workspace/tree';
import { analyzeTree } from '../../server/workspace/analyzeTree';
import { MemoryFiles } from '../../server/workspace/files';
import type { AnalysisEnv } from '../../server/service';
import type { Analysed } from './invalid-case';

export const DEBIAN_ROOT = '/etc/apache2/apache2.conf';
export const DEBIAN_ENVVARS_FILE = '/etc/apache2/envvars';

/** Debian's envvars (apache2 2.4 package), the copy the Debian fixture tree holds. */
export const DEBIAN_ENVVARS = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/debian/etc/apache2/envvars'), 'utf8');

/** `text` read as the apache2.conf of a Debian server that has nothing else but its envvars. */
export function analyzeAsDebianRoot(text: string, env: AnalysisEnv = {}): Analysed {
  const files = new MemoryFiles({ [DEBIAN_ROOT]: text, [DEBIAN_ENVVARS_FILE]: DEBIAN_ENVVARS });
  const found = analyzeTree(buildTree(files, DEBIAN_ROOT), {}, env).files.get(DEBIAN_ROOT)!;
  return { reports: found.reports, problems: found.problems };
}
