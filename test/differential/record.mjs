// Records Debian's `apache2 -t` verdict for every case into verdicts.json, so the differential test still
// checks us where Apache is not installed. Run after `npx tsc -p .`:   node test/differential/record.mjs
// Cases whose failure depends on this machine (unknown users, missing files …) are refused: remove them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { createHarness, environmentDependent, findApache } = require(path.join(here, '../../out/test/differential/configtest.js'));

const apache = findApache();
if (!apache) {
  console.error('record.mjs: apache2 with mod_wsgi is not installed (apt-get install apache2 libapache2-mod-wsgi-py3).');
  process.exit(2);
}
const casesDir = path.join(here, 'cases');
const names = fs.readdirSync(casesDir).filter((n) => n.endsWith('.conf')).sort();
const harness = createHarness(apache);
const verdicts = {};
const refused = [];
let next = 0;
async function worker() {
  while (next < names.length) {
    const name = names[next++];
    const v = await harness.run(path.join(casesDir, name));
    if (environmentDependent(v)) refused.push(`${name}: ${v.message}`);
    verdicts[name] = v;
  }
}
await Promise.all([worker(), worker()]);
harness.dispose();
const sorted = Object.fromEntries(names.map((n) => [n, verdicts[n]]));
fs.writeFileSync(path.join(here, 'verdicts.json'), JSON.stringify(sorted, null, 1) + '\n');
const failing = names.filter((n) => !verdicts[n].ok).length;
console.log(`${names.length} cases recorded with ${apache}: ${names.length - failing} accepted, ${failing} rejected.`);
if (refused.length) {
  console.error(`Environment-dependent failures (remove these cases):\n  ${refused.join('\n  ')}`);
  process.exit(1);
}
