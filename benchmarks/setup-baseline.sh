#!/usr/bin/env bash
# Install the benchmarks' historical baseline, Pyodide (the in-page runtime of the forms until
# 383d5a9), as benchmarks/baseline/package-lock.json pins it, into benchmarks/baseline/node_modules.
# Only make bench calls this (through benchmarks/baseline.py), and only when a benchmark compares
# with the baseline; make setup never installs Pyodide.
set -euo pipefail
cd "$(dirname "$0")/baseline"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-baseline: npm not found. Install Node.js and npm, e.g.: sudo apt-get install -y nodejs npm" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json   # written by npm ci
if [[ ! -d node_modules/pyodide || ! -e $stamp || package-lock.json -nt $stamp ]]; then
  npm ci --no-audit --no-fund
else
  echo "setup-baseline: benchmarks/baseline/node_modules up to date"
fi
