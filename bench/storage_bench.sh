#!/usr/bin/env bash
# SQLite and PostgreSQL side by side, in one run: the article page read
# (the page cache serves it either way) and comments posted through the real
# form endpoint with durable commits (SQLite WAL with synchronous=FULL;
# PostgreSQL with fsync and synchronous_commit on, on the same disk), the
# spam engine screening each one. Accepted comments are counted in the store.
#   bench/storage_bench.sh     (DURATION=10, ROUNDS=3 by default)
# PostgreSQL is a throwaway server on loopback (scripts/test-postgres.sh).
source "$(dirname "$0")/lib.sh"
build_release
"$ROOT/scripts/test-postgres.sh" start
PG_SERVER=$("$ROOT/scripts/test-postgres.sh" url)
PG="${PG_SERVER%/*}/storage_bench"
printf 'Body of the article.\n\nSecond paragraph.\n' > "$BENCH_DIR/post-body.txt"

fresh() {  # fresh BACKEND: prints the --db value of an empty store of that kind
  if [ "$1" = sqlite ]; then
    rm -f "$BENCH_DIR"/storage.db*
    echo "$BENCH_DIR/storage.db"
  else
    psql -q "$PG_SERVER" -c "DROP DATABASE IF EXISTS storage_bench" -c "CREATE DATABASE storage_bench"
    echo "$PG"
  fi
}
count() {  # count BACKEND
  if [ "$1" = sqlite ]; then sqlite3 "$BENCH_DIR/storage.db" "SELECT count(*) FROM comments"
  else psql -qtA "$PG" -c "SELECT count(*) FROM comments"; fi
}

declare -A reads posts
for round in $(seq "$ROUNDS"); do
  for backend in sqlite postgresql; do
    db=$(fresh "$backend")
    id=$("$TRIBUNE" article add --db "$db" --title "Storage benchmark" --body-file "$BENCH_DIR/post-body.txt")
    start_tribune "$db"
    path=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$id" | python3 -c \
      'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
    page="http://127.0.0.1:$TRIBUNE_PORT$path"
    export POST_PATH="${path%.html}/comments"
    r=$(wrk_rps "$page" -t1 -c32)
    before=$(count "$backend")
    wrk_rps "$page" -t1 -c"${POST_CONNS:-128}" -s "$ROOT/bench/post-comment.lua" >/dev/null
    after=$(count "$backend")
    stop_tribune
    p=$(awk -v a="$after" -v b="$before" -v d="$DURATION" 'BEGIN{printf "%.0f", (a-b)/d}')
    log "round $round $backend: reads $r req/s, posts $p comments/s"
    reads[$backend]+="$r "
    posts[$backend]+="$p "
  done
done

med() { tr ' ' '\n' | grep -v '^$' | median; }
rs=$(echo "${reads[sqlite]}" | med); rp=$(echo "${reads[postgresql]}" | med)
ps=$(echo "${posts[sqlite]}" | med); pp=$(echo "${posts[postgresql]}" | med)
echo "| medians of $ROUNDS rounds, ${DURATION}s each | SQLite | PostgreSQL | PostgreSQL / SQLite |"
echo "|---|---|---|---|"
echo "| article page reads (wrk -t1 -c32) | $rs req/s | $rp req/s | $(awk -v a="$rp" -v b="$rs" 'BEGIN{printf "%.2f", a/b}') |"
echo "| durable comment posts (wrk -t1 -c${POST_CONNS:-128}), counted in the store | $ps /s | $pp /s | $(awk -v a="$pp" -v b="$ps" 'BEGIN{printf "%.2f", a/b}') |"
