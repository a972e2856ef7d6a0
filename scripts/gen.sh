#!/usr/bin/env bash
# Regenerates all code derived from proto/: TypeScript (packages/protocol/src/gen), Python
# (python/src/mattermost_plugin/_gen) and Go (examples/hello_go/gen). Generated code is committed; `scripts/gen.sh --check`
# fails when it is stale. Needs `scripts/setup.sh` first (node_modules and .venv).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# One generation at a time: the outputs are deleted and rewritten, and parallel runs would interleave.
exec 9>"${TMPDIR:-/tmp}/polyplug-gen.lock"
flock 9

ts_out=packages/protocol/src/gen
py_pkg=python/src/mattermost_plugin/_gen

rm -rf "$ts_out" "$py_pkg"
(cd proto && ../node_modules/.bin/buf lint && ../node_modules/.bin/buf generate)

mkdir -p "$py_pkg"
protos=$(cd proto && find polyplug plugin -name '*.proto' | sort)
(cd proto && PATH="$root/.venv/bin:$PATH" "$root/.venv/bin/python" -m grpc_tools.protoc -I . \
  --python_out="$root/$py_pkg" --mypy_out="$root/$py_pkg" \
  --grpc_python_out="$root/$py_pkg" --mypy_grpc_out="$root/$py_pkg" $protos 2> >(grep -v "^Writing mypy" >&2))
# grpcio-tools writes absolute imports (`from polyplug.v1 import x_pb2`); make them package-relative.
find "$py_pkg" -name '*.py' -o -name '*.pyi' | xargs sed -i -E \
  -e 's/^from (polyplug\.v1|plugin) import /from mattermost_plugin._gen.\1 import /' \
  -e 's/^import (polyplug\.v1|plugin)\.([a-z_0-9]+_pb2)/import mattermost_plugin._gen.\1.\2/'
for d in "$py_pkg" "$py_pkg/polyplug" "$py_pkg/polyplug/v1" "$py_pkg/plugin"; do
  printf '# Generated from proto/ by scripts/gen.sh. Do not edit.\n' > "$d/__init__.py"
done
# The Python SDK's typed API methods and entity wrappers, from the descriptors and their comments.
image=$(mktemp)
(cd proto && ../node_modules/.bin/buf build -o "$image#format=binpb")
.venv/bin/python scripts/gen_python_api.py "$image" python/src/mattermost_plugin
rm -f "$image"
py_generated=(python/src/mattermost_plugin/_internal/generated_api.py python/src/mattermost_plugin/_internal/wrappers/generated.py)
.venv/bin/ruff check -q --fix --config python/pyproject.toml "${py_generated[@]}"
.venv/bin/ruff format -q --config python/pyproject.toml "${py_generated[@]}"

# Go code for examples/hello_go (a stock go-plugin binary), when a Go toolchain is present.
go_out=examples/hello_go/gen
if command -v go >/dev/null 2>&1; then
  GOBIN="$root/.tools/bin" GOFLAGS=-mod=mod go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.10
  GOBIN="$root/.tools/bin" GOFLAGS=-mod=mod go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.5.1
  rm -rf "$go_out"
  (cd proto && ../node_modules/.bin/buf generate --template buf.gen.go.yaml)
else
  echo "gen.sh: no Go toolchain; leaving $go_out as it is" >&2
fi

if [ "${1:-}" = "--check" ]; then
  if [ -n "$(git status --porcelain -- "$ts_out" "$py_pkg" "$go_out" "${py_generated[@]}")" ]; then
    git status --short -- "$ts_out" "$py_pkg" "$go_out" "${py_generated[@]}"
    echo "generated code is stale: run scripts/gen.sh and commit the result" >&2
    exit 1
  fi
fi
