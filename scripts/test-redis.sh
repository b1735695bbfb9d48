#!/usr/bin/env bash
# A throwaway Redis for the tests, on loopback only, without persistence.
#   scripts/test-redis.sh start|stop|url
# The port is TRIBUNE_TEST_REDIS_PORT (26379, below the kernel's ephemeral range
# like the test PostgreSQL's). Starting a running one is a no-op.
set -euo pipefail
PORT="${TRIBUNE_TEST_REDIS_PORT:-26379}"
DIR="/tmp/tribune-test-redis-$PORT"
case "${1:-}" in
  url) echo "redis://127.0.0.1:$PORT" ;;
  start)
    command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
    if redis-cli -p "$PORT" ping >/dev/null 2>&1; then exit 0; fi
    mkdir -p "$DIR"
    redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$DIR" \
      --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && exit 0; sleep 0.1; done
    echo "redis did not start" >&2; cat "$DIR/redis.log" >&2; exit 1
    ;;
  stop)
    redis-cli -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 || break; sleep 0.1; done
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
