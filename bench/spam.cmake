# Spam engine benchmarks; included from bench/CMakeLists.txt.
if(NOT TARGET benchmark::benchmark)
  find_package(benchmark REQUIRED)
endif()
add_executable(spam_benchmark ${PROJECT_SOURCE_DIR}/bench/spam_benchmark.cc)
target_link_libraries(spam_benchmark PRIVATE tribune_spam benchmark::benchmark)
add_executable(pattern_benchmark ${PROJECT_SOURCE_DIR}/bench/pattern_benchmark.cc)
target_link_libraries(pattern_benchmark PRIVATE tribune_spam benchmark::benchmark_main)
target_compile_definitions(spam_benchmark PRIVATE
  TRIBUNE_SPAM_BENCH_MODEL="${PROJECT_SOURCE_DIR}/data/spam/starter.model")
# The same benchmark with the allocator the tribune binary runs with
# (mimalloc, src/cli/CMakeLists.txt), so that both are measured side by side.
find_package(mimalloc CONFIG QUIET)
if(mimalloc_FOUND AND TRIBUNE_SANITIZE STREQUAL "")
  add_executable(spam_benchmark_mimalloc ${PROJECT_SOURCE_DIR}/bench/spam_benchmark.cc)
  target_link_libraries(spam_benchmark_mimalloc PRIVATE tribune_spam benchmark::benchmark mimalloc)
  target_compile_definitions(spam_benchmark_mimalloc PRIVATE
    TRIBUNE_SPAM_BENCH_MODEL="${PROJECT_SOURCE_DIR}/data/spam/starter.model")
endif()
