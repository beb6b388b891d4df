#!/usr/bin/env bash
# Install the browser-test tooling pinned in package-lock.json (axe-core) into node_modules.
# Runs `npm ci` only when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-node: npm not found. Install Node.js and npm, e.g.: sudo apt-get install -y nodejs npm" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json   # written by npm ci / npm install
if [[ ! -d node_modules/axe-core || ! -d node_modules/pyodide || ! -e $stamp || package-lock.json -nt $stamp ]]; then
  npm ci --no-audit --no-fund
else
  echo "setup-node: node_modules up to date"
fi
