#!/usr/bin/env bash
# Builds the tests and the tribune binary with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan (see scripts/asan-tree.sh) and runs
# the unit, data-case, corpus-replay and integration tests there (not the
# browser tests or the benchmarks). A sanitizer report in a test, or in the
# server an integration test started, fails that test.
# Extra arguments go to ctest (e.g. -R integration).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/asan-tree.sh

configure_asan_tree
ninja -C "$ASAN_BUILD" unit_test store_postgres_test shared_redis_test bbcode_test spam_test integration_test tribune fuzzers
cd "$ASAN_BUILD"
ctest --output-on-failure --timeout 600 -j2 -LE browser "$@"
