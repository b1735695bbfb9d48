#!/usr/bin/env bash
# The page cache's byte budget under a crawl of a large archive.
#   bench/crawl_bench.sh     (ARTICLES=1500 COMMENTS=40 BUDGET_MB=32 DURATION=10
#                             CRAWL_RATE=1000 ROUNDS=2 by default)
#
# Writes an archive of ARTICLES articles with COMMENTS comments each (every
# article has its page and COMMENTS/20 comment pages), then, for two servers
# on it, one with [cache] max_bytes = BUDGET_MB and one with a budget no
# crawl reaches:
#   1. the article page most read (a hot article) alone, wrk -t1 -c32;
#   2. the same while a crawler (wrk -t1 -c4, bench/crawl-urls.lua, CRAWL_RATE
#      requests a second; 0: as fast as it can) walks every article and comment
#      page of the archive, plain and gzip, over and over;
#   3. the server's resident memory (VmRSS, and its peak VmHWM) after the crawl,
#      and the cache's own count (its log line at shutdown).
# The two servers take turns, ROUNDS times; the table has each one's medians.
# Prints a Markdown table.
source "$(dirname "$0")/lib.sh"
build_release
ARTICLES=${ARTICLES:-1500}
COMMENTS=${COMMENTS:-40}
BUDGET_MB=${BUDGET_MB:-32}
SPAM_OFF=$'[spam]\nenabled = false'
DB="$BENCH_DIR/crawl.db"
URLS="$BENCH_DIR/crawl-urls.txt"

rm -f "$DB"* "$URLS"
log "writing $ARTICLES articles"
seed_article_body > "$BENCH_DIR/body.txt"
for i in $(seq "$ARTICLES"); do
  "$TRIBUNE" article add --db "$DB" --title "Archive story number $i" \
    --lead "A story from the archive." --source Archive --body-file "$BENCH_DIR/body.txt" >/dev/null
done
start_tribune "$DB" "$SPAM_OFF"
trap stop_tribune EXIT
log "posting $COMMENTS comments to each"
python3 - "$TRIBUNE_PORT" "$ARTICLES" "$COMMENTS" "$URLS" <<'PY'
import http.client, json, sys
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse
port, n, per, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def article(aid):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", f"/api/v1/articles/{aid}")
    r = c.getresponse(); path = urlparse(json.loads(r.read())["url"]).path
    for i in range(per):
        body = json.dumps({"author": f"Reader {aid}-{i}", "body":
            f"Comment {i} on story {aid}: I was wondering if you ever considered [b]changing[/b] "
            "the layout of your page? It is very well written; I love what you have got to say. "
            "[quote=Nino]But maybe you could add a little more content[/quote] :smile:"})
        c.request("POST", f"/api/v1/articles/{aid}/comments", body,
                  {"Content-Type": "application/json"})
        r = c.getresponse(); r.read()
        assert r.status == 201, r.status
    pages = [path] + [path.replace(".html", f"/comments/page/{p}")
                      for p in range(2, (per + 19) // 20 + 1)]
    return pages
with ThreadPoolExecutor(32) as pool:
    paths = [p for ps in pool.map(article, range(1, n + 1)) for p in ps]
open(out, "w").write("\n".join(paths) + "\n")
PY
stop_tribune
HOT=$(head -1 "$URLS")
log "$(wc -l < "$URLS") pages to crawl; hot page $HOT"

rss() { awk -v k="$2:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# run NAME MAX_BYTES: prints one table row.
run() {
  local name="$1" max="$2"
  start_tribune "$DB" "$SPAM_OFF"$'\n[cache]\nmax_bytes = '"$max"
  local url="http://127.0.0.1:$TRIBUNE_PORT"
  local start_rss; start_rss=$(rss "$TRIBUNE_PID" VmRSS)
  local alone; alone=$(wrk_rps "$url$HOT" -t1 -c32)
  local pause=0
  [ "${CRAWL_RATE:-1000}" -gt 0 ] && pause=$((4000 / ${CRAWL_RATE:-1000}))
  CRAWL_URLS="$URLS" CRAWL_DELAY_MS=$pause wrk -t1 -c4 -d"${DURATION}s" -s "$(dirname "$0")/crawl-urls.lua" "$url" \
    > "$BENCH_DIR/wrk-crawl.out" 2>&1 &
  local crawler=$!
  local loaded; loaded=$(wrk_rps "$url$HOT" -t1 -c32)
  wait $crawler
  local crawled; crawled=$(awk '/Requests\/sec/{printf "%.0f", $2}' "$BENCH_DIR/wrk-crawl.out")
  local end_rss peak
  end_rss=$(rss "$TRIBUNE_PID" VmRSS); peak=$(rss "$TRIBUNE_PID" VmHWM)
  stop_tribune
  local stats; stats=$(grep -o 'page cache: .*' "$BENCH_DIR/tribune.log" | tail -1)
  alones[$name]+="$alone "; loadeds[$name]+="$loaded "; crawls[$name]+="$crawled "
  rows[$name]="$start_rss → $end_rss (peak $peak) | ${stats#page cache: }"
  log "$name: alone $alone, during the crawl $loaded, crawler $crawled, ${rows[$name]}"
}

declare -A alones loadeds crawls rows
small="${BUDGET_MB} MiB"; big="1 TiB (no limit reached)"
for _ in $(seq "${ROUNDS:-2}"); do
  run "$small" $((BUDGET_MB << 20))
  run "$big" $((1 << 40))
done
med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo "| budget | hot article alone (req/s) | hot article during the crawl (req/s, ratio) | crawler (req/s) | resident MiB: start → end (peak), last round | cache at shutdown, last round |"
echo "|---|---|---|---|---|---|"
for name in "$small" "$big"; do
  a=$(med "${alones[$name]}"); l=$(med "${loadeds[$name]}")
  echo "| $name | $a | $l ($(awk -v a="$l" -v b="$a" 'BEGIN{printf "%.2f", a/b}')) | $(med "${crawls[$name]}") | ${rows[$name]} |"
done
