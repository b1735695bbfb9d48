#!/usr/bin/env bash
# Installs what Tribune needs to build, test and benchmark on Debian 12.
# Usage: scripts/install-deps.sh [--test]   (--test adds Chromium, the npm test tools and
#   clang 14 with its sanitizer and libFuzzer runtimes, for scripts/sanitize.sh and scripts/fuzz.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libboost-dev libsqlite3-dev zlib1g-dev libsodium-dev libssl-dev libtomlplusplus-dev libcli11-dev
  libspdlog-dev libfmt-dev nlohmann-json3-dev libicu-dev libre2-dev libpsl-dev libvectorscan-dev libpq-dev libhiredis-dev libvips-dev
  libgtest-dev libgmock-dev libbenchmark-dev libmimalloc-dev libphonenumber-dev libcurl4-openssl-dev
)
TEST_PACKAGES=(chromium postgresql-15 redis-server nginx systemd openssl nodejs npm curl libxml2-utils default-jre-headless sqlite3 wrk
  clang-14 libclang-rt-14-dev llvm-14 python3-aiosmtpd)

missing=()
want=("${BUILD_PACKAGES[@]}")
[ "${1:-}" = "--test" ] && want+=("${TEST_PACKAGES[@]}")
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian; only ask for it when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "${1:-}" = "--test" ] && [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
