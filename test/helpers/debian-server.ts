// A Debian server in memory: the exports of Debian's /etc/apache2/envvars, and a case read as the server's
// apache2.conf, so rules that judge only a whole server with its environment known see it as Apache does.
import { buildTree } from '../../server/workspace/tree';
import { analyzeTree } from '../../server/workspace/analyzeTree';
import { MemoryFiles } from '../../server/workspace/files';
import type { AnalysisEnv } from '../../server/service';
import type { Analysed } from './invalid-case';

export const DEBIAN_ROOT = '/etc/apache2/apache2.conf';
export const DEBIAN_ENVVARS_FILE = '/etc/apache2/envvars';

/** The variables Debian's envvars exports (apache2 2.4 package). */
export const DEBIAN_ENVVARS = [
  'export APACHE_RUN_USER=www-data',
  'export APACHE_RUN_GROUP=www-data',
  'export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid',
  'export APACHE_RUN_DIR=/var/run/apache2$SUFFIX',
  'export APACHE_LOCK_DIR=/var/lock/apache2$SUFFIX',
  'export APACHE_LOG_DIR=/var/log/apache2$SUFFIX',
  'export LANG=C',
  '',
].join('\n');

/** `text` read as the apache2.conf of a Debian server that has nothing else but its envvars. */
export function analyzeAsDebianRoot(text: string, env: AnalysisEnv = {}): Analysed {
  const files = new MemoryFiles({ [DEBIAN_ROOT]: text, [DEBIAN_ENVVARS_FILE]: DEBIAN_ENVVARS });
  const found = analyzeTree(buildTree(files, DEBIAN_ROOT), {}, env).files.get(DEBIAN_ROOT)!;
  return { reports: found.reports, problems: found.problems };
}
