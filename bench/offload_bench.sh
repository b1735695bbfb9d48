#!/usr/bin/env bash
# Database calls on the event loop or on workers ([storage] workers), side by
# side in one run, on SQLite and PostgreSQL:
#   - the API's comment list (read from the database on every request) alone;
#   - the cached article page while that API load runs beside it: its p99
#     latency is what a reader of a cached page feels when the loops are
#     waiting on the database (workers = 0) or are not (workers = 4).
#   bench/offload_bench.sh     (DURATION=10, ROUNDS=3 by default)
# PostgreSQL is a throwaway server on loopback (scripts/test-postgres.sh).
source "$(dirname "$0")/lib.sh"
build_release
"$ROOT/scripts/test-postgres.sh" start
PG_SERVER=$("$ROOT/scripts/test-postgres.sh" url)
PG="${PG_SERVER%/*}/offload_bench"
printf 'Body of the article.\n\nSecond paragraph.\n' > "$BENCH_DIR/post-body.txt"

fresh() {  # fresh BACKEND: prints the --db value of an empty store of that kind
  if [ "$1" = sqlite ]; then
    rm -f "$BENCH_DIR"/offload.db*
    echo "$BENCH_DIR/offload.db"
  else
    psql -q "$PG_SERVER" -c "DROP DATABASE IF EXISTS offload_bench" -c "CREATE DATABASE offload_bench"
    echo "$PG"
  fi
}
p99_ms() {  # p99_ms WRK_OUTPUT: the 99th percentile latency in ms
  awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)}
       else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' "$1"
}
rps() { awk '/Requests\/sec/{print $2}' "$1"; }

declare -A api page_rps page_p99
for round in $(seq "$ROUNDS"); do
  for backend in sqlite postgresql; do
    for workers in 0 4; do
      db=$(fresh "$backend")
      id=$("$TRIBUNE" article add --db "$db" --title "Offload benchmark" --body-file "$BENCH_DIR/post-body.txt")
      start_tribune "$db" "[storage]
workers = $workers"
      path=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$id" | python3 -c \
        'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
      page="http://127.0.0.1:$TRIBUNE_PORT$path"
      list="http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$id/comments"
      export POST_PATH="${path%.html}/comments"
      wrk -t1 -c8 -d2s -s "$ROOT/bench/post-comment.lua" "$page" >/dev/null  # comments to list
      wrk -t1 -c32 -d"${DURATION}s" --latency "$list" > "$BENCH_DIR/api.out" 2>&1
      wrk -t1 -c64 -d"$((DURATION + 2))s" "$list" > "$BENCH_DIR/load.out" 2>&1 &
      load=$!
      sleep 1
      wrk -t1 -c8 -d"${DURATION}s" --latency "$page" > "$BENCH_DIR/page.out" 2>&1
      wait "$load"
      stop_tribune
      key="$backend/$workers"
      api[$key]+="$(rps "$BENCH_DIR/api.out") "
      page_rps[$key]+="$(rps "$BENCH_DIR/page.out") "
      page_p99[$key]+="$(p99_ms "$BENCH_DIR/page.out") "
      log "round $round $key: API list $(rps "$BENCH_DIR/api.out") req/s; cached page beside it" \
          "$(rps "$BENCH_DIR/page.out") req/s, p99 $(p99_ms "$BENCH_DIR/page.out") ms"
    done
  done
done

med() { tr ' ' '\n' | grep -v '^$' | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| medians of $ROUNDS rounds, ${DURATION}s each | workers = 0 (on the loop) | workers = 4 | workers 4 / 0 |"
echo "|---|---|---|---|"
for backend in sqlite postgresql; do
  a0=$(echo "${api[$backend/0]}" | med); a4=$(echo "${api[$backend/4]}" | med)
  r0=$(echo "${page_rps[$backend/0]}" | med); r4=$(echo "${page_rps[$backend/4]}" | med)
  l0=$(echo "${page_p99[$backend/0]}" | med); l4=$(echo "${page_p99[$backend/4]}" | med)
  echo "| $backend: API comment list alone (wrk -c32) | $a0 req/s | $a4 req/s | $(ratio "$a4" "$a0") |"
  echo "| $backend: cached article page beside API load (wrk -c8 + -c64) | $r0 req/s | $r4 req/s | $(ratio "$r4" "$r0") |"
  echo "| $backend: ... its p99 latency | $l0 ms | $l4 ms | $(ratio "$l4" "$l0") |"
done
