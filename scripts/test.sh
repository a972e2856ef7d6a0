#!/usr/bin/env bash
# Sets up everything, then runs every check and test: generated code freshness, TypeScript types,
# the TypeScript test suites (real plugin processes, real SQLite, real HTTP), the store/app/HTTP
# suites a second time on a real PostgreSQL server, the Python SDK's tests, mypy --strict and ruff.
# Ends with one "N passed, N failed" line over all suites (both database passes counted).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh || exit 1

failed_steps=()
step() { local name=$1; shift; echo "== $name"; "$@" || failed_steps+=("$name"); }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

step "generated code is fresh" bash scripts/gen.sh --check
step "typescript types" node_modules/.bin/tsc -p tsconfig.json
mapfile -t ts_tests < <(find packages examples bench -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
step "typescript tests" bash -c 'node --import tsx --test "$@" 2>&1 | tee "'"$logs"'/node.txt"; exit ${PIPESTATUS[0]}' _ "${ts_tests[@]}"
# Every server suite built on the test database helper runs again on PostgreSQL: one throwaway
# cluster (scripts/postgres-test-cluster.sh, ~0.5 s) for the whole pass, a fresh database per suite.
mapfile -t pg_tests < <(grep -lE 'support/(test-env|test-database)\.js' /dev/null $(printf '%s\n' "${ts_tests[@]}" | grep '^packages/server/') | sort)
if [ ${#pg_tests[@]} -gt 0 ]; then step "typescript tests on postgresql" bash -c '
  url=$(bash scripts/postgres-test-cluster.sh start) || exit 1
  trap "bash scripts/postgres-test-cluster.sh stop \"$url\"" EXIT
  POLYPLUG_TEST_DB=postgres POLYPLUG_TEST_PG_URL="$url" node --import tsx --test "$@" 2>&1 | tee "'"$logs"'/node-pg.txt"
  exit ${PIPESTATUS[0]}' _ "${pg_tests[@]}"; fi
step "python tests" bash -c '.venv/bin/python -m pytest python/tests examples -q -p no:cacheprovider 2>&1 | tee "'"$logs"'/pytest.txt"; exit ${PIPESTATUS[0]}'
step "mypy --strict" .venv/bin/mypy --strict --config-file python/pyproject.toml python/src
step "ruff" .venv/bin/ruff check --config python/pyproject.toml python examples

# The last "# pass N" / "# fail N" of each node run (SQLite pass, PostgreSQL pass), summed.
node_count() { local f s=0 n; for f in "$logs/node.txt" "$logs/node-pg.txt"; do
  n=$(grep -E "^# $1 [0-9]+" "$f" 2>/dev/null | awk '{print $3}' | tail -n1); s=$(( s + ${n:-0} )); done; echo "$s"; }
node_pass=$(node_count pass)
node_fail=$(node_count fail)
py_pass=$(grep -oE '[0-9]+ passed' "$logs/pytest.txt" | awk '{print $1}' | tail -n1)
py_fail=$(grep -oE '[0-9]+ (failed|error)' "$logs/pytest.txt" | awk '{s+=$1} END {print s+0}')
passed=$(( ${node_pass:-0} + ${py_pass:-0} ))
failed=$(( ${node_fail:-0} + ${py_fail:-0} ))
echo
if [ ${#failed_steps[@]} -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
echo "total: $passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
