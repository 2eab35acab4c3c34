#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the test suite and print its URL.
# PostgreSQL refuses to run as root, so the cluster belongs to the 'postgres' user.
# Usage: eval "$(.ci/postgres.sh)"   -> exports COPRODUCE_TEST_PG_URL
set -euo pipefail
port="${COPRODUCE_TEST_PG_PORT:-54329}"
dir="${COPRODUCE_TEST_PG_DIR:-/tmp/coproduce-test-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
ready() { run_as_postgres "'$bin/pg_isready' -q -h 127.0.0.1 -p $port"; }
if ready && [ ! -f "$dir/data/PG_VERSION" ]; then
  # A server answers on the port but it is not the one this script made in $dir (its folder
  # was removed, or it belongs to someone else): never reuse it.
  echo "A PostgreSQL server not started by this script is listening on port $port;" \
       "stop it or set COPRODUCE_TEST_PG_PORT to a free port." >&2
  exit 1
fi
if ! ready; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  run_as_postgres "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
  run_as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off\" start >/dev/null"
fi
echo "export COPRODUCE_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
