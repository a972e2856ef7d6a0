#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: a fresh data directory in a private temp dir (in memory,
# /dev/shm, when there is one: CREATE DATABASE takes ~40 ms there against ~300 ms on disk), reachable
# only through a unix socket in that dir (no TCP listener at all), no fsync, C collation (so text
# sorts by code point exactly like SQLite). Nothing in /etc or /var is touched.
#
#   scripts/postgres-test-cluster.sh start        prints the admin URL, e.g.
#                                                  postgres://postgres@%2Fdev%2Fshm%2Fpolyplug-pg.AbC123/postgres
#   scripts/postgres-test-cluster.sh stop URL|DIR  stops the cluster and removes its directory
#
# The tests' helper (packages/server/test/support/postgres-test-cluster.ts) runs this once per test
# process unless POLYPLUG_TEST_PG_URL names a running cluster; scripts/test.sh starts one for the
# whole PostgreSQL pass. As root, the server runs as the `postgres` user (initdb refuses root).
set -euo pipefail

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "postgres-test-cluster: PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb);" \
    "install them with: apt-get install postgresql   (scripts/setup.sh does this when run as root)" >&2
  exit 1
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir
  bin=$(find_bin)
  # /dev/shm or /tmp rather than $TMPDIR: the postgres user must be able to reach it, and a unix
  # socket path must stay under ~100 bytes.
  local base=/tmp
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
  dir=$(mktemp -d "$base/polyplug-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  if ! as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync --no-instructions \
      >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o \
      "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    echo "postgres-test-cluster: the server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"; exit 1
  fi
  echo "postgres://postgres@${dir//\//%2F}/postgres"
}

stop() {
  local target=${1:?usage: postgres-test-cluster.sh stop URL|DIR} dir bin
  if [[ "$target" == postgres://* ]]; then
    dir=${target#postgres://postgres@}
    dir=${dir%%/*}
    dir=${dir//%2F//}
  else
    dir=$target
  fi
  case "$dir" in /tmp/polyplug-pg.* | /dev/shm/polyplug-pg.*) ;; *) echo "postgres-test-cluster: $dir is not a test cluster" >&2; exit 1 ;; esac
  [ -d "$dir" ] || return 0
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop URL|DIR" >&2; exit 2 ;;
esac
