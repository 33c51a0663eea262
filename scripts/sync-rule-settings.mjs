// Writes the `apacheWsgi.rules` settings schema in package.json from the registered rules (configuration and
// Python rules): one enum property per rule id with its description and default. Only that part of package.json
// changes. test/unit/settings-schema.test.ts fails when a rule is missing from it.
//   node scripts/sync-rule-settings.mjs
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundled = await build({ entryPoints: ['server/config/ruleList.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error' });
const mod = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
const { allRules, ruleSchema } = mod.exports;

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
props['apacheWsgi.rules'].properties = ruleSchema(allRules);
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`apacheWsgi.rules: ${allRules.length} rule ids`);
