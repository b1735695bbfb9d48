#!/usr/bin/env bash
# Builds Tribune with its tests and runs them all: unit, store conformance,
# BBCode golden cases, spam cases, integration (the real binary over HTTP)
# and browser tests (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTRIBUNE_BUILD_TESTS=ON -DTRIBUNE_BUILD_BENCH=ON >/dev/null
ninja -C build
cd build
ctest --output-on-failure --timeout 300 -j2
