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
