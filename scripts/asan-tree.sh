# Sourced by scripts/sanitize.sh and scripts/fuzz.sh: configures the one
# build tree both use, build-asan (clang 14, AddressSanitizer and
# UndefinedBehaviorSanitizer on every target, libFuzzer's coverage on the
# libraries), so the fuzzers and the sanitized tests share one compilation.
# TRIBUNE_ASAN_BUILD overrides the directory.

ASAN_BUILD="${TRIBUNE_ASAN_BUILD:-build-asan}"

configure_asan_tree() {
  if ! command -v clang++-14 >/dev/null; then
    echo "clang++-14 is missing: run scripts/install-deps.sh --test" >&2
    return 1
  fi
  # -O1 and line tables only: a faster build with reports that still name
  # file and line; without NDEBUG, so Boost's own assertions are checked too.
  cmake -S . -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DCMAKE_CXX_COMPILER=clang++-14 -DTRIBUNE_SANITIZE=address,undefined -DTRIBUNE_FUZZ=ON \
    -DTRIBUNE_BUILD_TESTS=ON -DTRIBUNE_BUILD_BENCH=OFF >/dev/null
}

# Symbolized reports; undefined behaviour prints its stack before the
# process stops (-fno-sanitize-recover makes it stop).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer-14 >/dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-14)"
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
