#!/usr/bin/env bash
# The main job: set up, then run the server on embedded SQLite (./data) with the example plugins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
exec node "$root/packages/cli/bin/polyplug.js" serve --data-dir "$root/data" --plugins-dir "$root/examples" --python "$root/.venv/bin/python" "$@"
