# Sanitizer and fuzzing builds; included from the top-level CMakeLists.txt
# before any target is defined, so every target gets the same flags.
#
#   -DTRIBUNE_SANITIZE=address,undefined   every target built and linked with
#       those sanitizers; undefined behaviour stops the process (no recovery),
#       so a test that hits it fails.
#   -DTRIBUNE_FUZZ=ON   also builds the libFuzzer targets of tests/fuzz (clang
#       only); the libraries get libFuzzer's coverage instrumentation, which the
#       other executables link without harm. Implies address,undefined unless
#       TRIBUNE_SANITIZE says otherwise.

option(TRIBUNE_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
set(TRIBUNE_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers for every target, e.g. address,undefined")

if(TRIBUNE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TRIBUNE_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(TRIBUNE_SANITIZE STREQUAL "")
    set(TRIBUNE_SANITIZE "address,undefined")
  endif()
endif()

if(NOT TRIBUNE_SANITIZE STREQUAL "")
  add_compile_options(-fsanitize=${TRIBUNE_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${TRIBUNE_SANITIZE})
endif()
if(TRIBUNE_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
