#!/usr/bin/env bash
# The article page (20 comments shown, 400 on the article) under wrk -t2 -c64:
# Tribune against nginx serving the same HTML as a static file, interleaved in
# one run; WordPress too when its peer is set up (../shared/peers/wordpress).
#   bench/page_bench.sh            (DURATION=10 ROUNDS=3 by default)
# Prints a Markdown table of medians and ratios.
source "$(dirname "$0")/lib.sh"
build_release
# The 400 comments are the same template: the spam engine would rightly
# hold them as a campaign. Reads are what is measured here.
SPAM_OFF=$'[spam]\nenabled = false'

rm -f "$BENCH_DIR"/page.db*
start_tribune "$BENCH_DIR/page.db" "$SPAM_OFF"
trap stop_tribune EXIT

log "writing the seed article and 400 comments"
seed_article_body > "$BENCH_DIR/body.txt"
stop_tribune
ID=$("$TRIBUNE" article add --db "$BENCH_DIR/page.db" \
  --title "US urges Xi to press Putin over 'war crimes' in Ukraine" \
  --lead "The US has urged Chinese President Xi Jinping to press Vladimir Putin." \
  --source BBC --body-file "$BENCH_DIR/body.txt")
start_tribune "$BENCH_DIR/page.db" "$SPAM_OFF"
python3 - "$TRIBUNE_PORT" "$ID" <<'PY'
import http.client, json, sys
port, aid = int(sys.argv[1]), sys.argv[2]
c = http.client.HTTPConnection("127.0.0.1", port)
for i in range(400):
    body = json.dumps({"author": f"Reader {i}", "body":
        f"Comment {i}: I was wondering if you ever considered [b]changing[/b] the layout of "
        "your page? It is very well written; I love what you have got to say. "
        "[quote=Nino]But maybe you could add a little more content[/quote] :smile:"})
    c.request("POST", f"/api/v1/articles/{aid}/comments", body, {"Content-Type": "application/json"})
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
PY
URL_PATH=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$ID" | python3 -c \
  'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
TURL="http://127.0.0.1:$TRIBUNE_PORT$URL_PATH"

# nginx serving the very same HTML (and its gzip) from disk.
mkdir -p "$BENCH_DIR/nginx/html" "$BENCH_DIR/nginx/logs"
curl -fs "$TURL" > "$BENCH_DIR/nginx/html/article.html"
gzip -6 -kf "$BENCH_DIR/nginx/html/article.html"
# As many nginx workers as Tribune has threads (one per core), Nagle off as
# Tribune has it: the same machine resources and the same socket behaviour.
cat > "$BENCH_DIR/nginx/nginx.conf" <<NGX
worker_processes $(nproc);
pid $BENCH_DIR/nginx/nginx.pid;
error_log $BENCH_DIR/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 100000;
  types { text/html html; }
  gzip_static on;
  server { listen 127.0.0.1:$NGINX_PORT; root $BENCH_DIR/nginx/html; }
}
NGX
nginx -c "$BENCH_DIR/nginx/nginx.conf" -p "$BENCH_DIR/nginx"
trap 'stop_tribune; nginx -c "$BENCH_DIR/nginx/nginx.conf" -p "$BENCH_DIR/nginx" -s stop' EXIT
NURL="http://127.0.0.1:$NGINX_PORT/article.html"
log "page: $(wc -c < "$BENCH_DIR/nginx/html/article.html") bytes, gzip $(wc -c < "$BENCH_DIR/nginx/html/article.html.gz")"

WP_URL=""
if [ -s /tmp/peers/state.env ]; then
  WP_URL=$(bash -c '. /tmp/peers/state.env; echo "$WP_URL$POST_PATH"')
  curl -fs -o /dev/null "$WP_URL" || WP_URL=""
fi

# A second instance on the same database with the form challenge on, as a
# site runs: every response then carries a fresh signed token spliced into
# the cached page (and its gzip).
sed 's/^challenge = false/challenge = true/' "$BENCH_DIR/tribune.toml" > "$BENCH_DIR/tribune-token.toml"
"$TRIBUNE" serve --config "$BENCH_DIR/tribune-token.toml" --db "$BENCH_DIR/page.db" \
  --listen "127.0.0.1:$((TRIBUNE_PORT + 1))" > "$BENCH_DIR/tribune-token.log" 2>&1 &
TOKEN_PID=$!
trap 'stop_tribune; kill $TOKEN_PID; nginx -c "$BENCH_DIR/nginx/nginx.conf" -p "$BENCH_DIR/nginx" -s stop' EXIT
KURL="http://127.0.0.1:$((TRIBUNE_PORT + 1))$URL_PATH"
for _ in $(seq 100); do curl -fs -o /dev/null "$KURL" && break; sleep 0.1; done
curl -fs "$KURL" | grep -q 'name="t" value="t[0-9]\.' || { log "no form token on $KURL"; exit 1; }

declare -A runs
for round in $(seq "$ROUNDS"); do
  for enc in plain gzip; do
    hdr=(); [ $enc = gzip ] && hdr=(-H "Accept-Encoding: gzip")
    runs[nginx-$enc]+="$(wrk_rps "$NURL" -t2 -c64 "${hdr[@]}") "
    runs[tribune-$enc]+="$(wrk_rps "$TURL" -t2 -c64 "${hdr[@]}") "
    runs[token-$enc]+="$(wrk_rps "$KURL" -t2 -c64 "${hdr[@]}") "
  done
  log "round $round: ${runs[*]}"
done
if [ -n "$WP_URL" ]; then
  runs[wordpress-plain]="$(DURATION=$((DURATION * 2)) wrk_rps "$WP_URL" -t2 -c64 --timeout 30s)"
fi

med() { tr ' ' '\n' <<<"${runs[$1]}" | grep . | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| scenario | nginx static (req/s) | Tribune (req/s) | Tribune / nginx |"
echo "|---|---|---|---|"
for enc in plain gzip; do
  n=$(med nginx-$enc); t=$(med tribune-$enc); k=$(med token-$enc)
  echo "| article page, $enc | $n | $t | $(ratio "$t" "$n") |"
  echo "| article page, $enc, form token spliced in | $n | $k | $(ratio "$k" "$n") |"
done
if [ -n "$WP_URL" ]; then
  w=$(med wordpress-plain); t=$(med tribune-plain)
  echo "| WordPress 6.1 same article (plain) | | $w (WordPress) | Tribune / WordPress = $(awk -v a="$t" -v b="$w" 'BEGIN{printf "%.0f", a/b}')x |"
fi
