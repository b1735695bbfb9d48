#!/usr/bin/env bash
# Posting comments through the real form endpoint with durable commits
# (SQLite WAL, synchronous=FULL, group commit), and page reads meanwhile.
#   bench/post_bench.sh        (DURATION=10 by default)
# 1. reads alone: wrk -t1 -c32 on the article page
# 2. posts alone: wrk -t1 -c$POST_CONNS (128) POSTing distinct comments
# 3. both at once, on the same article (every commit invalidates its pages),
#    with fewer posting connections (LOADED_POST_CONNS, 24) so that posting
#    does not take all of the machine's two cores from the readers
# Accepted comments are counted from the store afterwards, not from wrk.
# The spam engine screens every comment (the real pipeline); rate limits are
# off because every request comes from 127.0.0.1.
source "$(dirname "$0")/lib.sh"
build_release
rm -f "$BENCH_DIR"/post.db*
printf 'Body of the article.\n\nSecond paragraph.\n' > "$BENCH_DIR/post-body.txt"
ID=$("$TRIBUNE" article add --db "$BENCH_DIR/post.db" --title "Posting benchmark" \
  --body-file "$BENCH_DIR/post-body.txt")
start_tribune "$BENCH_DIR/post.db"
trap stop_tribune EXIT
SLUG_PATH=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$ID" | python3 -c \
  'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
PAGE="http://127.0.0.1:$TRIBUNE_PORT$SLUG_PATH"
export POST_PATH="${SLUG_PATH%.html}/comments"
# Every stored comment counts, published or held by the spam engine.
count() { sqlite3 "$BENCH_DIR/post.db" "SELECT count(*) FROM comments"; }

reads_alone=$(wrk_rps "$PAGE" -t1 -c32)
before=$(count)
posts_reported=$(wrk_rps "$PAGE" -t1 -c"${POST_CONNS:-128}" -s "$(dirname "$0")/post-comment.lua")
after=$(count)
posts_alone=$(awk -v a="$after" -v b="$before" -v d="$DURATION" 'BEGIN{printf "%.0f", (a-b)/d}')

before=$(count)
wrk -t1 -c"${LOADED_POST_CONNS:-24}" -d"${DURATION}s" -s "$(dirname "$0")/post-comment.lua" "$PAGE" > "$BENCH_DIR/wrk-post.out" 2>&1 &
WRK_POST=$!
reads_loaded=$(wrk_rps "$PAGE" -t1 -c32)
wait $WRK_POST
after=$(count)
posts_loaded=$(awk -v a="$after" -v b="$before" -v d="$DURATION" 'BEGIN{printf "%.0f", (a-b)/d}')

echo "| scenario | result |"
echo "|---|---|"
echo "| page reads alone (wrk -t1 -c32) | $reads_alone req/s |"
echo "| comment posts alone (wrk -t1 -c${POST_CONNS:-128}), counted in the store | $posts_alone comments/s (wrk saw $posts_reported req/s) |"
echo "| posts (wrk -t1 -c${LOADED_POST_CONNS:-24}) while reading the same article | $posts_loaded comments/s |"
echo "| page reads while posting | $reads_loaded req/s ($(awk -v a="$reads_loaded" -v b="$reads_alone" 'BEGIN{printf "%.0f", 100*a/b}')% of unloaded) |"
