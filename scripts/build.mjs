// Bundles the client, the language server and the CLI into dist/ (what the .vsix and the bins ship).
//   dist/extension.js     what VS Code loads on activation: small, it registers the commands and loads the rest
//   dist/client.js        vscode-languageclient (semver swapped for client/semver-lite.ts, minimatch left out), required after activate()
//   dist/lsp-protocol.js  the LSP protocol, JSON-RPC, types and TextDocument, shared by the client and the server
//   dist/server.js        the language server; dist/cli.js the command-line linter
//   dist/python-parser.js the Python parser, which both load on their first Python file
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning' };

// The server and CLI parse Python but never highlight it: @lezer/highlight is replaced by an inert stand-in.
const analysisOnly = { alias: { '@lezer/highlight': './server/python/highlight-stub.ts' } };

// The Python parser (@lezer/python with its @lezer/lr runtime, ~85 KB of the ~390 KB CLI bundle) is a file of its
// own: server/python/syntax.ts requires it on the first Python file, so a run that meets no Python neither compiles
// it nor decodes its tables. It resolves the package's ES module build, as the bundles' import of it used to.
const pythonParserApart = {
  name: 'python-parser-apart',
  setup(b) {
    b.onResolve({ filter: /^@lezer\/python$/ }, () => ({ path: './python-parser.js', external: true }));
  },
};
const pythonParserEntry = { contents: "export { parser } from '@lezer/python';", resolveDir: '.', sourcefile: 'python-parser-entry.js' };

// The client and the server would each carry a copy of vscode-languageserver-protocol (with vscode-jsonrpc and
// vscode-languageserver-types, ~140 KB) and of vscode-languageserver-textdocument. Both load the one in
// dist/lsp-protocol.js instead, built from the top-level packages (vscode-languageserver's own older protocol copy
// differs only by fixes). The protocol's two entry points stay distinct objects: the `/node` one has Node-specific
// createMessageConnection/createProtocolConnection.
const sharedProtocol = {
  name: 'shared-lsp-protocol',
  setup(b) {
    const part = { 'vscode-languageserver-protocol': 'common', 'vscode-languageserver-protocol/node': 'node', 'vscode-languageserver-textdocument': 'textDocument' };
    b.onResolve({ filter: /^vscode-languageserver-(protocol(\/node)?|textdocument)$/ }, (a) => ({ path: a.path, namespace: 'lsp-protocol' }));
    b.onLoad({ filter: /.*/, namespace: 'lsp-protocol' }, (a) => ({ contents: `module.exports = require('./lsp-protocol.js').${part[a.path]};`, loader: 'js' }));
    b.onResolve({ filter: /^\.\/lsp-protocol\.js$/ }, (a) => ({ path: a.path, external: true }));
  },
};
const protocolEntry = {
  contents:
    "module.exports = { common: require('vscode-languageserver-protocol'), node: require('vscode-languageserver-protocol/node'), " +
    "textDocument: require('vscode-languageserver-textdocument') };",
  resolveDir: '.',
  sourcefile: 'lsp-protocol-entry.js',
};

// vscode-languageclient uses two semver functions to check vscode.version against a caret range; the 20 KB
// package is replaced by client/semver-lite.ts (tested against the real one in test/unit/client/).
const semverLite = {
  name: 'semver-lite',
  setup(b) {
    b.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (a) => ({ path: a.path.split('/').pop(), namespace: 'semver-lite' }));
    b.onLoad({ filter: /.*/, namespace: 'semver-lite' }, (a) => ({
      contents: `module.exports = require('./client/semver-lite.ts').${a.path};`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

// vscode-languageclient builds minimatch matchers only for file-operation filters, which our server never announces:
// client/glob-filters-absent.ts stands in for the package (and brace-expansion under it).
const globFiltersAbsent = {
  name: 'glob-filters-absent',
  setup(b) {
    b.onResolve({ filter: /^minimatch$/ }, () => ({ path: `${process.cwd()}/client/glob-filters-absent.ts` }));
  },
};

// extension.js loads client.js with a plain require after activate() returns, so the library is not part of it.
const lazyClient = {
  name: 'lazy-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/language-client$/ }, () => ({ path: './client.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyClient] }),
  build({ ...common, entryPoints: ['client/language-client.ts'], outfile: 'dist/client.js', external: ['vscode'], plugins: [sharedProtocol, semverLite, globFiltersAbsent] }),
  build({ ...common, stdin: protocolEntry, outfile: 'dist/lsp-protocol.js' }),
  build({ ...common, ...analysisOnly, entryPoints: ['server/server.ts'], outfile: 'dist/server.js', plugins: [sharedProtocol, pythonParserApart] }),
  build({ ...common, ...analysisOnly, entryPoints: ['server/cli.ts'], outfile: 'dist/cli.js', plugins: [pythonParserApart] }),
  build({ ...common, ...analysisOnly, stdin: pythonParserEntry, outfile: 'dist/python-parser.js' }),
]);
