#!/usr/bin/env bash
# Builds Tribune and serves the site on http://127.0.0.1:8080 from data/tribune.db
# (a new database gets a demo site). Extra arguments go to `tribune serve` and
# take the place of these defaults (e.g. `scripts/run.sh --listen 0.0.0.0:8080`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DTRIBUNE_BUILD_TESTS=OFF -DTRIBUNE_BUILD_BENCH=OFF >/dev/null
ninja -C build-release tribune
mkdir -p data
defaults=()
given() { local opt=$1; shift; for a in "$@"; do [[ $a == "$opt" || $a == "$opt="* ]] && return 0; done; return 1; }
given --listen "$@" || defaults+=(--listen 127.0.0.1:8080)
given --db "$@" || given --config "$@" || defaults+=(--db data/tribune.db)
given --static-dir "$@" || given --config "$@" || defaults+=(--static-dir web/static)
exec build-release/src/cli/tribune serve "${defaults[@]}" "$@"
