#!/usr/bin/env bash
# Installs code-server (a real VS Code, 1.100.3) from the npm registry into a cache directory, offline apart from
# the registry: @vscode/ripgrep's GitHub download is replaced by Debian's `rg`, native modules build against the
# system node's headers. Prints the path of the code-server launcher. Idempotent: a finished install is reused.
#   usage: install-code-server.sh CACHE_DIR
set -euo pipefail
CACHE=${1:?usage: install-code-server.sh CACHE_DIR}
CS_VERSION=${CS_VERSION:-4.100.3}   # the last code-server on node 20 (= VS Code 1.100.3, our engines.vscode floor)
NPM_CACHE=${E2E_NPM_CACHE:-$CACHE/npm-cache}
CS_DIR=$CACHE/cs-$CS_VERSION
LAUNCHER=$CS_DIR/node_modules/.bin/code-server
log() { echo "[e2e install] $*" >&2; }

if [ -x "$LAUNCHER" ] && [ -f "$CS_DIR/.complete" ]; then echo "$LAUNCHER"; exit 0; fi

command -v rg >/dev/null || { echo "ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }
mkdir -p "$CACHE/tmp" "$CACHE/pkinfo"
# @vscode/ripgrep looks for its download cache under os.tmpdir().
export TMPDIR=$CACHE/tmp

cd "$CACHE/pkinfo"
npm_config_cache=$NPM_CACHE npm pack --silent "code-server@$CS_VERSION" >/dev/null
tar xzf "code-server-$CS_VERSION.tgz" package/package.json package/lib/vscode/npm-shrinkwrap.json
NODE_MAJOR=$(node -p "String(require('./package/package.json').engines.node).match(/\d+/)[0]")
if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
  echo "code-server $CS_VERSION needs node $NODE_MAJOR, this is $(node -v)" >&2; exit 1
fi
NODEDIR=$(dirname "$(dirname "$(command -v node)")")
[ -f "$NODEDIR/include/node/node.h" ] || { echo "node headers missing under $NODEDIR/include/node" >&2; exit 1; }

# Seed @vscode/ripgrep's cache (lib/download.js: $TMPDIR/vscode-ripgrep-cache-<pkg>/ripgrep-<tag>-<target>.tar.gz).
RG_PKG=$(node -p "(require('./package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep']||{}).version||''")
if [ -n "$RG_PKG" ]; then
  npm_config_cache=$NPM_CACHE npm pack --silent "@vscode/ripgrep@$RG_PKG" >/dev/null
  RG_TAG=$(tar xzOf "vscode-ripgrep-$RG_PKG.tgz" package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  log "seeded @vscode/ripgrep $RG_PKG ($RG_TAG) with $(command -v rg)"
fi
cd "$CACHE" && rm -rf "$CACHE/pkinfo"

log "npm install code-server@$CS_VERSION into $CS_DIR (a few minutes)"
rm -rf "$CS_DIR" && mkdir -p "$CS_DIR" && cd "$CS_DIR"
echo '{"name":"apache-wsgi-e2e-code-server","private":true}' > package.json
# yes: node-pty's install runs `npx node-gyp`; unsafe_perm: code-server's postinstall refuses root without it;
# nodedir: build native modules against the local headers instead of downloading them.
if ! npm_config_cache=$NPM_CACHE npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir="$NODEDIR" \
  npm install --no-audit --no-fund "code-server@$CS_VERSION" >"$CACHE/cs-install.log" 2>&1; then
  tail -40 "$CACHE/cs-install.log" >&2; exit 1
fi
touch "$CS_DIR/.complete"
echo "$LAUNCHER"
