# BBCode benchmarks; included from bench/CMakeLists.txt.
if(NOT TARGET benchmark::benchmark_main)
  find_package(benchmark REQUIRED)
endif()

add_executable(bbcode_benchmark ${CMAKE_CURRENT_LIST_DIR}/bbcode_benchmark.cc)
target_link_libraries(bbcode_benchmark PRIVATE tribune_bbcode benchmark::benchmark_main)
