# BBCode unit and golden tests; included from tests/CMakeLists.txt.
include(GoogleTest)

add_executable(bbcode_test
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_golden_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_html_check.cc
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_limits_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_parse_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_safety_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/bbcode_url_test.cc
)
target_include_directories(bbcode_test PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(bbcode_test PRIVATE tribune_bbcode GTest::gtest_main)
target_compile_definitions(bbcode_test PRIVATE
  TRIBUNE_BBCODE_GOLDEN_DIR="${CMAKE_CURRENT_LIST_DIR}/../data/bbcode")
gtest_discover_tests(bbcode_test DISCOVERY_MODE PRE_TEST)
