#!/usr/bin/env bash
# Installs the system packages the book needs when they are missing:
#   python3-venv (Debian splits venv/ensurepip out of Python), graphviz (flowcharts),
#   fonts-noto-cjk (Chinese labels in flowcharts), chromium (browser tests).
# As root it uses apt-get; otherwise it prints the one line to run.
set -eo pipefail
missing=()
py=$(command -v python3.11 || true)  # Python 3.11 only: the Makefile refuses any other
[ -n "$py" ] || { echo "setup: mmguide needs python3.11 (Debian: apt-get install python3.11 python3.11-venv)" >&2; exit 1; }
"$py" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: missing system packages: ${missing[*]}" >&2
  echo "setup: run:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
