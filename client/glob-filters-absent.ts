// What vscode-languageclient asks of `minimatch`: a matcher for each glob filter a server announces for file
// operations (workspace.fileOperations: will/did create, rename, delete), and nothing else. Our server announces
// none (test/protocol/file-operations.test.ts holds it to that), so the bundle (scripts/build.mjs) maps minimatch
// here instead of carrying it and brace-expansion (~25 KB minified). Were filters ever announced, the library
// would catch this error at start and log "Ignoring invalid glob pattern", with file events left unsent.
export class Minimatch {
  constructor(pattern: string) {
    throw new Error(`glob filters are not bundled: the apache-wsgi server announces no file operations (pattern ${pattern})`);
  }
}
