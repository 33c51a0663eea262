// Dot-files under included paths, as httpd reads them: a directory named by Include is read whole (dot-files
// and dot-directories too, recursively), while a wildcard component skips names starting with a dot unless the
// pattern itself starts with one. Each case is also run through the real `apache2 -t` when it is installed: the
// first file where we find an unknown directive is the file Apache fails on, and a clean tree is one it accepts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';
import { DiskFiles } from '../../../server/workspace/files';
import { createHarness, findApache } from '../../differential/configtest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-dot-'));
const inc = path.join(dir, 'incdir');
const files: Record<string, string> = {
  'a.conf': 'ServerAdmin admin@example.com\n',
  '.hidden.conf': 'BogusHidden on\n',
  '.hsub/h.conf': 'BogusInDotDirectory on\n',
  'sub/.x.conf': 'BogusInSubdirectory on\n',
};
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(inc, rel)), { recursive: true });
  fs.writeFileSync(path.join(inc, rel), text);
}

const CASES: Array<{ include: string; reads: string[] }> = [
  { include: 'incdir/', reads: ['.hidden.conf', '.hsub/h.conf', 'a.conf', 'sub/.x.conf'] },
  { include: 'incdir', reads: ['.hidden.conf', '.hsub/h.conf', 'a.conf', 'sub/.x.conf'] },
  { include: 'incdir/*.conf', reads: ['a.conf'] },
  { include: 'incdir/.*.conf', reads: ['.hidden.conf'] },
  // A wildcard match that is a directory is read whole again, dot-files included.
  { include: 'incdir/*', reads: ['a.conf', 'sub/.x.conf'] },
];

/** The root file for a case: absolute paths, so the same file works as an `apache2 -t` case. */
function caseRoot(include: string, n: number): string {
  const root = path.join(dir, `case${n}.conf`);
  fs.writeFileSync(root, `Include ${path.join(dir, include)}${include.endsWith('/') ? '/' : ''}\n`);
  return root;
}

/** The first included file, in reading order, where the analysis finds an unknown directive. */
function firstBadFile(root: string): string | undefined {
  const analysis = analyzeTree(buildTree(new DiskFiles(), root));
  return [...analysis.files.values()].find((f) => f.reports.some((r) => r.rule === 'unknown-directive'))?.file;
}

test('Include of a directory reads dot-files; a wildcard skips them unless the pattern starts with a dot', () => {
  CASES.forEach(({ include, reads }, n) => {
    const tree = buildTree(new DiskFiles(), caseRoot(include, n));
    const read = [...tree.files.keys()].slice(1).map((f) => path.relative(inc, f));
    assert.deepEqual(read, reads, include);
    assert.deepEqual(tree.problems, [], include);
  });
});

const apache = findApache();
test('each case: apache2 -t fails on the same file as our first unknown directive, or accepts a clean tree', { skip: !apache && 'apache2 with mod_wsgi is not installed' }, async () => {
  const harness = createHarness(apache!);
  try {
    for (const [n, { include }] of CASES.entries()) {
      const root = caseRoot(include, n);
      const verdict = await harness.run(root);
      const ours = firstBadFile(root);
      if (verdict.ok) assert.equal(ours, undefined, `${include}: Apache accepts it`);
      else {
        assert.ok(ours, `${include}: Apache fails (${verdict.message}), we found nothing`);
        assert.ok(verdict.message.includes(`of ${ours}:`), `${include}: Apache says ${verdict.message}; we flag ${ours}`);
      }
    }
  } finally {
    harness.dispose();
  }
});
