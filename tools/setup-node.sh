#!/usr/bin/env bash
# Install what package-lock.json pins into node_modules: axe-core (accessibility tests) and
# MicroPython's WebAssembly build (the in-page calculators' runtime, copied into the site by the
# build and checked against CPython by tests/micropython/equality.py). The benchmarks' historical
# baseline is pinned apart (benchmarks/baseline/) and installed only by make bench (a Pyodide left
# in node_modules by an older checkout makes npm ci run once, which removes it).
# workbox-build writes each edition's service worker at build time (sphinxext/mmguide_book/offline.py).
# Runs `npm ci` only when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-node: npm not found. Install Node.js and npm, e.g.: sudo apt-get install -y nodejs npm" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json   # written by npm ci / npm install
if [[ -d node_modules/pyodide || ! -d node_modules/axe-core || ! -d node_modules/workbox-build || ! -d node_modules/@micropython/micropython-webassembly-pyscript || ! -e $stamp || package-lock.json -nt $stamp ]]; then
  npm ci --no-audit --no-fund
else
  echo "setup-node: node_modules up to date"
fi
