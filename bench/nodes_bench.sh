#!/usr/bin/env bash
# What coordinating nodes costs, in one run on PostgreSQL (durable commits):
#   1. one node, no Redis (limits in memory)
#   2. one node with Redis (every post: four shared counters and a token claim)
#   3. two nodes with Redis on one database, posts spread over both
# Comments posted through the real form endpoint (the spam engine on), counted
# in the store; the article page read meanwhile from the other node (its page
# cache emptied by each NOTIFY). Both nodes share this machine's two cores, so
# (3) shows the cost of coordination, not the gain of a second machine.
#   bench/nodes_bench.sh     (DURATION=10, ROUNDS=3)
source "$(dirname "$0")/lib.sh"
build_release
"$ROOT/scripts/test-postgres.sh" start
"$ROOT/scripts/test-redis.sh" start
PG_SERVER=$("$ROOT/scripts/test-postgres.sh" url)
PG="${PG_SERVER%/*}/nodes_bench"
REDIS=$("$ROOT/scripts/test-redis.sh" url)
printf 'Body of the article.\n\nSecond paragraph.\n' > "$BENCH_DIR/post-body.txt"
B_PORT=$((TRIBUNE_PORT + 1))

node() {  # node PORT REDIS-URL: starts a node; prints its pid
  local toml="$BENCH_DIR/node-$1.toml"
  write_tribune_toml "$toml"
  [ -z "$2" ] || printf '[redis]\nurl = "%s"\nprefix = "bench%s:"\nnodes = 2\n' "$2" "$RANDOM" >> "$toml"
  "$TRIBUNE" serve --config "$toml" --db "$PG" --listen "127.0.0.1:$1" > "$BENCH_DIR/node-$1.log" 2>&1 &
  echo $!
  for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$1/healthz" && break; sleep 0.1; done
}
count() { psql -qtA "$PG" -c "SELECT count(*) FROM comments"; }

declare -A posts reads
for round in $(seq "$ROUNDS"); do
  for setup in alone redis two; do
    psql -q "$PG_SERVER" -c "DROP DATABASE IF EXISTS nodes_bench" -c "CREATE DATABASE nodes_bench"
    id=$("$TRIBUNE" article add --db "$PG" --title "Nodes benchmark" --body-file "$BENCH_DIR/post-body.txt")
    redis=""; [ "$setup" = alone ] || redis="$REDIS"
    pa=$(node "$TRIBUNE_PORT" "$redis"); pb=$(node "$B_PORT" "$redis")
    path=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$id" | python3 -c \
      'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
    export POST_PATH="${path%.html}/comments"
    before=$(count)
    if [ "$setup" = two ]; then
      wrk -t1 -c32 -d"${DURATION}s" -s "$ROOT/bench/post-comment.lua" "http://127.0.0.1:$B_PORT$path" > "$BENCH_DIR/wrk-b.out" 2>&1 &
      wb=$!
    fi
    wrk -t1 -c32 -d"${DURATION}s" -s "$ROOT/bench/post-comment.lua" "http://127.0.0.1:$TRIBUNE_PORT$path" > "$BENCH_DIR/wrk-a.out" 2>&1 &
    wa=$!
    r=$(wrk_rps "http://127.0.0.1:$B_PORT$path" -t1 -c16)
    wait $wa; [ "$setup" != two ] || wait $wb
    after=$(count)
    kill $pa $pb
    # Not this shell's children (started in $(...)): wait until both ports are free.
    for port in $TRIBUNE_PORT $B_PORT; do
      for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || break; sleep 0.1; done
    done
    p=$(awk -v a="$after" -v b="$before" -v d="$DURATION" 'BEGIN{printf "%.0f", (a-b)/d}')
    log "round $round $setup: posts $p/s, reads on the other node $r req/s"
    posts[$setup]+="$p "; reads[$setup]+="$r "
  done
done
med() { tr ' ' '\n' | grep -v '^$' | median; }
pa=$(echo "${posts[alone]}" | med); pr=$(echo "${posts[redis]}" | med); p2=$(echo "${posts[two]}" | med)
ra=$(echo "${reads[alone]}" | med); rr=$(echo "${reads[redis]}" | med); r2=$(echo "${reads[two]}" | med)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| PostgreSQL, medians of $ROUNDS rounds | durable posts/s | vs one node | page reads/s on the other node meanwhile |"
echo "|---|---|---|---|"
echo "| one node posting, no Redis | $pa | 1.00 | $ra |"
echo "| one node posting, Redis shared state | $pr | $(ratio "$pr" "$pa") | $rr |"
echo "| two nodes posting, Redis shared state | $p2 | $(ratio "$p2" "$pa") | $r2 |"
