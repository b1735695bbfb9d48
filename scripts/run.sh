#!/usr/bin/env bash
# Builds Tribune and serves the site on http://127.0.0.1:8080 from data/tribune.db
# (a new database gets a demo site). Extra arguments go to `tribune serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DTRIBUNE_BUILD_TESTS=OFF -DTRIBUNE_BUILD_BENCH=OFF >/dev/null
ninja -C build-release tribune
mkdir -p data
exec build-release/src/cli/tribune serve --listen 127.0.0.1:8080 --db data/tribune.db \
  --static-dir web/static "$@"
