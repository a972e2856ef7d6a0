#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine (idempotent, quick when done already):
# npm packages from the lockfile, a project-local Python venv (.venv) with the SDK, and the
# PostgreSQL server binaries the tests start throwaway clusters from (apt-get, when missing).
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
# The SDK, editable; reinstalled when its pyproject changes (entry points such as the pytest
# fixtures are registered at install time).
sdkstamp=.venv/.polyplug-sdk
if [ ! -f "$sdkstamp" ] || ! cmp -s python/pyproject.toml "$sdkstamp" || ! .venv/bin/python -c "import mattermost_plugin" >/dev/null 2>&1; then
  .venv/bin/python -m pip install --quiet --no-deps -e python
  cp python/pyproject.toml "$sdkstamp"
fi
# Bytecode for the SDK, as pip writes it for a regular install: an editable install has none, and
# where PYTHONDONTWRITEBYTECODE is set every plugin process would compile the SDK (the generated
# API client is large) again at start. Only stale files are rewritten, so this is quick.
.venv/bin/python -m compileall -q python/src/mattermost_plugin >/dev/null

# PostgreSQL: the store suites also run on PostgreSQL (scripts/test.sh), each test run starting its
# own throwaway cluster from these binaries; the server itself needs them only with --database-url.
# Debian's package also sets up its default cluster on localhost:5432, which the tests do not use.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(none); fi
  fi
  if [ "${as_root[0]:-}" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: warning: PostgreSQL is not installed and cannot be installed from here (needs root and apt-get);" \
      "install the postgresql package to run the PostgreSQL test pass" >&2
  else
    echo "setup: installing PostgreSQL (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
  fi
fi
