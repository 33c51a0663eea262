#!/usr/bin/env bash
# End-to-end test in a real VS Code: packages the extension, installs the .vsix into code-server (VS Code 1.100,
# from the npm registry; see install-code-server.sh), opens test/e2e/workspace in headless Chromium and runs
# driver.mjs. Artifacts (screenshots, results.json, logs) go to test-results/e2e/.
#   bash test/e2e/run.sh
# Env: APACHE_WSGI_E2E_CACHE (code-server install cache, default $TMPDIR/apache-wsgi-e2e), E2E_PORT, CHROMIUM.
# Needs Debian's chromium and ripgrep (.ci/run installs them) and node 20.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${APACHE_WSGI_E2E_CACHE:-${TMPDIR:-/tmp}/apache-wsgi-e2e}
OUT=$ROOT/test-results/e2e
PORT=${E2E_PORT:-18437}
export CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
T0=$(date +%s)
log() { echo "[e2e +$(( $(date +%s) - T0 ))s] $*"; }

[ -n "$CHROMIUM" ] && [ -x "$CHROMIUM" ] || { echo "e2e: chromium not found (apt-get install chromium, or set CHROMIUM)" >&2; exit 1; }
mkdir -p "$CACHE"
rm -rf "$OUT" && mkdir -p "$OUT"

log "code-server"
CS=$(bash "$ROOT/test/e2e/install-code-server.sh" "$CACHE")

RUN=$(mktemp -d "$CACHE/run.XXXXXX")
log "package the extension ($RUN)"
(cd "$ROOT" && node node_modules/@vscode/vsce/vsce package --no-dependencies --allow-missing-repository -o "$RUN/apache-wsgi.vsix" >"$RUN/package.log" 2>&1) ||
  { cat "$RUN/package.log" >&2; exit 1; }
ls -l "$RUN/apache-wsgi.vsix" | awk '{print "[e2e] vsix: " $5 " bytes"}'
cp -r "$ROOT/test/e2e/workspace" "$RUN/ws"

# Everything code-server writes stays under $RUN: its own HOME, XDG dirs, user data and extensions.
mkdir -p "$RUN/home" "$RUN/exts" "$RUN/data/User" "$RUN/tmp"
echo "bind-addr: 127.0.0.1:$PORT" >"$RUN/config.yaml"
cat >"$RUN/data/User/settings.json" <<'EOF'
{
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "files.autoSave": "off"
}
EOF
csenv=(env HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" XDG_CACHE_HOME="$RUN/home/.cache" TMPDIR="$RUN/tmp")
csargs=(--config "$RUN/config.yaml" --extensions-dir "$RUN/exts" --user-data-dir "$RUN/data")

log "install the .vsix"
"${csenv[@]}" "$CS" "${csargs[@]}" --install-extension "$RUN/apache-wsgi.vsix" --force >"$RUN/install.log" 2>&1 ||
  { cat "$RUN/install.log" >&2; exit 1; }
"${csenv[@]}" "$CS" "${csargs[@]}" --list-extensions --show-versions | grep -q '^apache-wsgi.apache-wsgi@' ||
  { echo "e2e: the extension is not listed after installing" >&2; exit 1; }

log "start code-server on 127.0.0.1:$PORT"
"${csenv[@]}" "$CS" "${csargs[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust >"$RUN/server.log" 2>&1 &
CS_PID=$!
descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
stop_server() {
  kill -0 "$CS_PID" 2>/dev/null || return 0
  local kids alive k
  kids=$(descendants "$CS_PID")   # extension host, language server, file watcher, pty host
  kill "$CS_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.2; done
  for _ in $(seq 1 50); do
    alive=""; for k in $kids; do kill -0 "$k" 2>/dev/null && alive="$alive $k"; done
    [ -z "$alive" ] && break; sleep 0.2
  done
  [ -n "$alive" ] && kill $alive 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { tail -30 "$RUN/server.log" >&2; echo "e2e: code-server did not come up" >&2; exit 1; }

log "drive VS Code"
rc=0
node "$ROOT/test/e2e/driver.mjs" "http://127.0.0.1:$PORT" "$RUN/ws" "$OUT" "$RUN/data" || rc=$?
stop_server
cp "$RUN/server.log" "$OUT/code-server.log"
find "$RUN/data/logs" -name '*.log' -path '*exthost*' -exec cp {} "$OUT/" \; 2>/dev/null || true
cp "$RUN/ws/apache2/sites-available/shop.conf" "$OUT/shop.conf.after"
rm -rf "$RUN"
log "done rc=$rc; artifacts in $OUT (vscode.png, final.png, results.json)"
exit $rc
