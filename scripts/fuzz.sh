#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz in build-asan (see
# scripts/asan-tree.sh) and runs each for a bounded time on its seed corpus.
#
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]
#   SECONDS-PER-TARGET   default 60; TARGET  default every *_fuzz target.
#   TRIBUNE_FUZZ_JOBS    targets run side by side (default: the number of cores).
#
# What a run learns stays in build-asan/fuzz/corpus/<target>/ (the seeds in
# tests/fuzz/corpus/ are only read), so later runs start further on. A crash,
# a sanitizer report or a failed property stops that target, saves the input
# as build-asan/fuzz/artifacts/<target>/crash-*, prints how to replay it, and
# makes the script exit 1 after the other targets have run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/asan-tree.sh

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for d in tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done
fi
jobs="${TRIBUNE_FUZZ_JOBS:-$(nproc)}"

configure_asan_tree
ninja -C "$ASAN_BUILD" "${targets[@]}"

run_one() {  # target seconds
  local t="$1" out="$ASAN_BUILD/fuzz"
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t" "$out/logs"
  local dict=() log="$out/logs/$t.log"
  [ -f "tests/fuzz/dict/$t.dict" ] && dict=("-dict=tests/fuzz/dict/$t.dict")
  if "$ASAN_BUILD/tests/fuzz/$t" -max_total_time="$2" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" "${dict[@]}" \
      "$out/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    echo "fuzz $t: ok, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
      grep -o '[0-9]*$') runs in $2 s"
  else
    echo "fuzz $t: FAILED (log: $log)"
    grep -E 'ERROR|property failed|SUMMARY|Test unit written' "$log" | head -20 || true
    echo "replay: $ASAN_BUILD/tests/fuzz/$t $out/artifacts/$t/crash-*"
    return 1
  fi
}
export -f run_one
export ASAN_BUILD

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c "run_one {} $seconds" || exit 1
