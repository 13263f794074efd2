#!/usr/bin/env bash
# One set-up command for a fresh machine: installs the project's npm dependencies.
# Idempotent: a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "npm dependencies are up to date"
fi
