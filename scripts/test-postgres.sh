#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, on loopback only.
#   scripts/test-postgres.sh start   # prints nothing; the server answers at $URL
#   scripts/test-postgres.sh stop    # stops it and removes its files
#   scripts/test-postgres.sh url     # postgresql://tribune@127.0.0.1:PORT/postgres
# The port is TRIBUNE_TEST_PG_PORT (25432: below the kernel's ephemeral range,
# 32768-60999, where the tests' own listeners and client connections take
# their ports and could hold this one when the server starts). Starting an
# already running one is a no-op. As root, the server runs as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail
PORT="${TRIBUNE_TEST_PG_PORT:-25432}"
DIR="${TRIBUNE_TEST_PG_DIR:-/tmp/tribune-test-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
URL="postgresql://tribune@127.0.0.1:$PORT/postgres"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  url) echo "$URL" ;;
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql-15)" >&2; exit 1; }
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then exit 0; fi
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$DIR"
      chmod 700 "$DIR"
      as_owner "$BIN/initdb" -D "$DIR" -U tribune -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # fsync and synchronous_commit stay on: the tests measure durable writes.
    if ! as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null; then
      echo "PostgreSQL did not start on port $PORT; its log:" >&2
      tail -n 30 "$DIR/server.log" >&2 || true
      exit 1
    fi
    ;;
  stop)
    if [ -f "$DIR/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
  restart)
    as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w -t 60 restart \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
    ;;
  *) echo "usage: $0 start|stop|restart|url" >&2; exit 2 ;;
esac
