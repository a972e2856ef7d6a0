#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine (idempotent, quick when done already):
# npm packages from the lockfile and a project-local Python venv (.venv) with the SDK.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: $1 is required ($2)" >&2; exit 1; }; }
need node "Node.js 20"
need python3 "Python 3.10+"

# npm: reinstall when the lockfile changed since the last install.
stamp=node_modules/.polyplug-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: installing npm packages (better-sqlite3 compiles from source: about a minute)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# Python: a venv with pinned dev tools and the SDK installed editable.
pystamp=.venv/.polyplug-reqs
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
if [ ! -f "$pystamp" ] || ! cmp -s python/requirements-dev.txt "$pystamp"; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r python/requirements-dev.txt
  cp python/requirements-dev.txt "$pystamp"
fi
if ! .venv/bin/python -c "import mattermost_plugin" >/dev/null 2>&1; then
  .venv/bin/python -m pip install --quiet --no-deps -e python
fi
