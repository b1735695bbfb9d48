# Spam engine unit and data-case tests; included from tests/CMakeLists.txt.
include(GoogleTest)
add_executable(spam_test
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_normalize_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_urls_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_signals_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_engine_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_campaign_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_cases_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_language_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_pattern_set_test.cc
  ${PROJECT_SOURCE_DIR}/tests/unit/spam_symbols_test.cc
)
target_link_libraries(spam_test PRIVATE tribune_spam tribune_spam_cli nlohmann_json::nlohmann_json
  GTest::gtest_main)
target_compile_definitions(spam_test PRIVATE
  TRIBUNE_SPAM_DATA_DIR="${PROJECT_SOURCE_DIR}/data/spam"
  TRIBUNE_SPAM_CASES_DIR="${PROJECT_SOURCE_DIR}/tests/data/spam")
gtest_discover_tests(spam_test DISCOVERY_TIMEOUT 60)
