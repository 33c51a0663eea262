// Bundles the client, the language server and the CLI into dist/ (what the .vsix and the bins ship).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning' };

// The server and CLI parse Python but never highlight it: @lezer/highlight is replaced by an inert stand-in.
const analysisOnly = { alias: { '@lezer/highlight': './server/python/highlight-stub.ts' } };

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, ...analysisOnly, entryPoints: ['server/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, ...analysisOnly, entryPoints: ['server/cli.ts'], outfile: 'dist/cli.js' }),
]);
