#!/usr/bin/env bash
# The article page (400 comments, gzip) served three ways, interleaved in one
# run, with the form challenge on as a site runs:
#   1. nginx's proxy cache in front of Tribune with [cache] public_pages, as
#      shipped (deploy/nginx/tribune-cache.conf, included as it is)
#   2. that Tribune directly: the same bytes for every reader, from its page cache
#   3. a Tribune without public_pages: a fresh form token spliced into each answer
#   bench/cache_bench.sh     (DURATION=10, ROUNDS=3)
source "$(dirname "$0")/lib.sh"
build_release
rm -f "$BENCH_DIR"/cache.db*
seed_article_body > "$BENCH_DIR/body.txt"
ID=$("$TRIBUNE" article add --db "$BENCH_DIR/cache.db" --title "Cached article" \
  --body-file "$BENCH_DIR/body.txt")
start_tribune "$BENCH_DIR/cache.db" "[spam]
enabled = false"
python3 - "$TRIBUNE_PORT" "$ID" <<'PY'
import http.client, json, sys
port, aid = int(sys.argv[1]), sys.argv[2]
c = http.client.HTTPConnection("127.0.0.1", port)
for i in range(400):
    body = json.dumps({"author": f"Reader {i}", "body": f"Comment {i}: [b]well[/b] put. :smile:"})
    c.request("POST", f"/api/v1/articles/{aid}/comments", body, {"Content-Type": "application/json"})
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
PY
URL_PATH=$(curl -fs "http://127.0.0.1:$TRIBUNE_PORT/api/v1/articles/$ID" | python3 -c \
  'import json,sys; from urllib.parse import urlparse; print(urlparse(json.load(sys.stdin)["url"]).path)')
stop_tribune

# Two servers on the database, the challenge on: public pages, and spliced tokens.
run() {  # run PORT EXTRA-TOML
  sed 's/^challenge = false/challenge = true/' "$BENCH_DIR/tribune.toml" > "$BENCH_DIR/cache-$1.toml"
  printf '%s\n' "$2" >> "$BENCH_DIR/cache-$1.toml"
  "$TRIBUNE" serve --config "$BENCH_DIR/cache-$1.toml" --db "$BENCH_DIR/cache.db" \
    --listen "127.0.0.1:$1" > "$BENCH_DIR/cache-$1.log" 2>&1 &
  echo $!
}
write_tribune_toml "$BENCH_DIR/tribune.toml" "[spam]
enabled = false"
PUBLIC_PORT=$TRIBUNE_PORT; SPLICED_PORT=$((TRIBUNE_PORT + 1))
P1=$(run $PUBLIC_PORT "[cache]
public_pages = true
shared_max_age_s = 5")
P2=$(run $SPLICED_PORT "")
mkdir -p "$BENCH_DIR/nginx-cache/logs" "$BENCH_DIR/nginx-cache/cache"
cat > "$BENCH_DIR/nginx-cache/nginx.conf" <<NGX
worker_processes $(nproc);
pid $BENCH_DIR/nginx-cache/nginx.pid;
error_log $BENCH_DIR/nginx-cache/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  tcp_nodelay on; keepalive_requests 100000;
  proxy_cache_path $BENCH_DIR/nginx-cache/cache levels=1:2 keys_zone=tribune_pages:10m
                   max_size=256m inactive=10m use_temp_path=off;
  upstream tribune_nodes { server 127.0.0.1:$PUBLIC_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://tribune_nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      include $ROOT/deploy/nginx/tribune-cache.conf;
    }
  }
}
NGX
nginx -c "$BENCH_DIR/nginx-cache/nginx.conf" -p "$BENCH_DIR/nginx-cache"
trap 'kill $P1 $P2 2>/dev/null; nginx -c "$BENCH_DIR/nginx-cache/nginx.conf" -p "$BENCH_DIR/nginx-cache" -s stop' EXIT
for port in $PUBLIC_PORT $SPLICED_PORT $NGINX_PORT; do
  for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port$URL_PATH" && break; sleep 0.1; done
done
NURL="http://127.0.0.1:$NGINX_PORT$URL_PATH"
curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "$NURL"
cache_state=$(curl -fs -D - -o /dev/null -H 'Accept-Encoding: gzip' "$NURL" | tr -d '\r' |
  awk -F': ' 'tolower($1)=="x-cache"{print $2}')
log "nginx answers from its cache: X-Cache: $cache_state"
[ "$cache_state" = HIT ] || { log "the page is not cached by nginx"; exit 1; }

declare -A runs
gz=(-H "Accept-Encoding: gzip")
for round in $(seq "$ROUNDS"); do
  runs[nginx]+="$(wrk_rps "$NURL" -t2 -c64 "${gz[@]}") "
  runs[public]+="$(wrk_rps "http://127.0.0.1:$PUBLIC_PORT$URL_PATH" -t2 -c64 "${gz[@]}") "
  runs[spliced]+="$(wrk_rps "http://127.0.0.1:$SPLICED_PORT$URL_PATH" -t2 -c64 "${gz[@]}") "
  log "round $round: ${runs[*]}"
done
med() { tr ' ' '\n' <<<"${runs[$1]}" | grep . | median; }
n=$(med nginx); p=$(med public); s=$(med spliced)
echo "| article page, gzip (wrk -t2 -c64, medians of $ROUNDS) | req/s | vs Tribune with spliced tokens |"
echo "|---|---|---|"
echo "| nginx proxy cache in front (deploy/nginx/tribune-cache.conf) | $n | $(awk -v a="$n" -v b="$s" 'BEGIN{printf "%.2f", a/b}') |"
echo "| Tribune, [cache] public_pages (same bytes for every reader) | $p | $(awk -v a="$p" -v b="$s" 'BEGIN{printf "%.2f", a/b}') |"
echo "| Tribune, a form token spliced into each answer (default) | $s | 1.00 |"
