#!/usr/bin/env bash
# The shipped deployment files, checked by the tools that will read them:
# nginx -t on deploy/nginx/tribune.conf (with a throwaway certificate), and
# systemd-analyze verify on deploy/tribune.service (pointed at the built
# binary), and `tribune serve` accepting deploy/tribune.toml.
#   tests/deploy/check_deploy.sh TRIBUNE_BINARY
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="$(realpath "$1")"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# nginx
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=news.example.org \
  -keyout "$TMP/privkey.pem" -out "$TMP/fullchain.pem" 2>/dev/null
sed -e "s|/etc/ssl/tribune/|$TMP/|g" -e "s|/var/cache/nginx/tribune|$TMP/cache|" \
    -e "s|/etc/nginx/snippets/tribune-cache.conf|$ROOT/deploy/nginx/tribune-cache.conf|" \
    "$ROOT/deploy/nginx/tribune.conf" > "$TMP/tribune.conf"
mkdir -p "$TMP/logs"
cat > "$TMP/nginx.conf" <<NGINX
pid $TMP/nginx.pid;
error_log $TMP/logs/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $TMP/body;
    proxy_temp_path $TMP/proxy;
    include $TMP/tribune.conf;
}
NGINX
nginx -t -q -p "$TMP" -c "$TMP/nginx.conf"
echo "nginx -t: deploy/nginx/tribune.conf is valid"

# systemd
sed -e "s|^ExecStart=/usr/local/bin/tribune|ExecStart=$BIN|" \
    -e "s|^WorkingDirectory=.*|WorkingDirectory=$ROOT|" \
    "$ROOT/deploy/tribune.service" > "$TMP/tribune.service"
out=$(systemd-analyze verify "$TMP/tribune.service" 2>&1 || true)
# Offline, without a running systemd, verify may note what it cannot reach;
# anything about the unit file itself fails the check.
if echo "$out" | grep -E "tribune\.service" | grep -viE "not found|no such file|Failed to (connect|create bus)" ; then
  echo "systemd-analyze verify found problems:"; echo "$out"; exit 1
fi
systemd-analyze security --offline=yes "$TMP/tribune.service" 2>/dev/null | tail -1 || true
echo "systemd-analyze verify: deploy/tribune.service is valid"

# The example configuration is one tribune accepts.
sed -e "s|/var/lib/tribune/tribune.db|$TMP/t.db|" "$ROOT/deploy/tribune.toml" > "$TMP/tribune.toml"
"$BIN" migrate --config "$TMP/tribune.toml" >/dev/null
echo "tribune: deploy/tribune.toml is accepted"
