#!/usr/bin/env bash
# The main job: set up, then run the server on embedded SQLite (./data) with the example plugins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
# The Go example is a compiled go-plugin binary: build it when a Go toolchain is present.
if command -v go >/dev/null 2>&1; then
  (cd "$root/examples/hello_go" && go build -o hello_go .) || echo "run.sh: could not build examples/hello_go; it will show as FailedToStart" >&2
fi
exec node "$root/packages/cli/bin/polyplug.js" serve --data-dir "$root/data" --plugins-dir "$root/examples" --python "$root/.venv/bin/python" "$@"
