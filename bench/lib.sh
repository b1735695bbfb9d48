# Shared helpers for the benchmark scripts (sourced).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/tribune-bench}"
TRIBUNE_PORT="${TRIBUNE_PORT:-18180}"
NGINX_PORT="${NGINX_PORT:-18182}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
mkdir -p "$BENCH_DIR"

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# TRIBUNE_BIN: a tribune binary to measure instead (e.g. another version's,
# to compare side by side); nothing is built then.
build_release() {
  if [ -n "${TRIBUNE_BIN:-}" ]; then TRIBUNE="$TRIBUNE_BIN"; return; fi
  cmake -S "$ROOT" -B "$ROOT/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTRIBUNE_BUILD_TESTS=OFF -DTRIBUNE_BUILD_BENCH=OFF >/dev/null
  ninja -C "$ROOT/build-release" tribune >&2
  TRIBUNE="$ROOT/build-release/src/cli/tribune"
}

# write_tribune_toml FILE [extra toml]: the benchmarks' configuration: the
# challenge off, no rate limits (every request comes from 127.0.0.1), no
# access log, no demo site.
write_tribune_toml() {
  local file="$1" extra="${2:-}"
  cat > "$file" <<TOML
[server]
access_log = "off"
static_dir = "$ROOT/web/static"
[comments]
challenge = false
[demo]
seed = false
[limits]
per_prefix_per_minute = 1e9
per_email_per_minute = 1e9
per_name_per_minute = 1e9
per_article_per_minute = 1e9
$extra
TOML
}

# start_tribune DB [extra toml]: a server configured by write_tribune_toml.
start_tribune() {
  local db="$1" extra="${2:-}"
  write_tribune_toml "$BENCH_DIR/tribune.toml" "$extra"
  "$TRIBUNE" serve --config "$BENCH_DIR/tribune.toml" --db "$db" \
    --listen "127.0.0.1:$TRIBUNE_PORT" > "$BENCH_DIR/tribune.log" 2>&1 &
  TRIBUNE_PID=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$TRIBUNE_PORT/healthz" >/dev/null && return 0
    sleep 0.1
  done
  log "tribune did not start"; cat "$BENCH_DIR/tribune.log" >&2; return 1
}

stop_tribune() { kill -TERM "$TRIBUNE_PID" 2>/dev/null || true; wait "$TRIBUNE_PID" 2>/dev/null || true; }

# The seed's article text as an article body: the lines between the date and "Comments:".
seed_article_body() {
  awk 'NR>3 && /^Comments: /{exit} NR>4' "$ROOT/../shared/seed/000_e300b483217944fc.txt" \
    | sed '/^Font size/d'
}

# wrk_rps URL [wrk args...]: requests per second of one run.
wrk_rps() {
  local url="$1"; shift
  wrk "$@" -d"${DURATION}s" --latency "$url" > "$BENCH_DIR/wrk.out" 2>&1
  local non2xx
  non2xx=$(awk '/Non-2xx/{print $NF}' "$BENCH_DIR/wrk.out")
  [ -z "$non2xx" ] || log "warning: $non2xx non-2xx responses from $url"
  awk '/Requests\/sec/{print $2}' "$BENCH_DIR/wrk.out"
}

median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
