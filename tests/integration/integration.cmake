# Integration tests: the real `tribune` binary, started per suite, over HTTP.
# Included from tests/CMakeLists.txt.

add_executable(integration_test
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cc
  ${CMAKE_CURRENT_LIST_DIR}/tribune_process.cc
  ${CMAKE_CURRENT_LIST_DIR}/site_helpers.cc
  ${CMAKE_CURRENT_LIST_DIR}/mail_sink.cc
  ${CMAKE_CURRENT_LIST_DIR}/readers_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/languages_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/pages_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/comment_form_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/api_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/feeds_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/static_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/http_protocol_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/lifecycle_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/spam_defence_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/editing_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/newsroom_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/storage_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/form_tokens_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/api_protocol_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/links_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/campaign_wave_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/multi_node_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/db_copy_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/operations_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/backup_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/public_pages_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/newsroom_articles_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/event_loop_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/newsroom_words_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/newsroom_images_test.cc
)
target_link_libraries(integration_test PRIVATE
  GTest::gtest_main ZLIB::ZLIB nlohmann_json::nlohmann_json Threads::Threads PkgConfig::CRYPTO)
target_compile_definitions(integration_test PRIVATE
  TRIBUNE_BIN="$<TARGET_FILE:tribune>"
  TRIBUNE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(integration_test tribune)

# One ctest entry per suite rather than per test: a suite shares one server,
# and per-test processes would start a server for every test.
set(TRIBUNE_INTEGRATION_SUITES
  Pages PaginationGaps CommentForm DefaultGuards Api Feeds StaticFiles HttpProtocol Lifecycle
  SpamDefence CommentEditing CommentEditingWindow KnownCommenters Newsroom NewsroomLimits
  DatabaseFiles StorageFailures FormTokens NewsroomFlood ApiProtocol Cors
  Links LinkHosts LinkBaseUrl LinkWarnings CampaignWave ApiKeys Premoderation Reports
  MultiNode MultiNodeRedis PostgresRestart DbCopy Operations Backup PublicPages NewsroomArticles
  NewsroomDashboard NewsroomBulk EventLoop EventLoopShared NewsroomWords NewsroomImages
  ReaderAccounts Replies ReaderNotifications ReaderMailServer ReaderMailLanguage ReaderData
  Languages)
foreach(suite IN LISTS TRIBUNE_INTEGRATION_SUITES)
  add_test(NAME integration.${suite}
    COMMAND integration_test --gtest_filter=${suite}.*:${suite}/*)
  set_tests_properties(integration.${suite} PROPERTIES
    LABELS integration
    TIMEOUT 300)
endforeach()
# Nodes sharing PostgreSQL: the server ctest starts (tests/CMakeLists.txt).
set_tests_properties(integration.MultiNode integration.PostgresRestart integration.DbCopy
  integration.Backup PROPERTIES
  FIXTURES_REQUIRED postgres
  ENVIRONMENT "TRIBUNE_TEST_POSTGRES=${TRIBUNE_TEST_POSTGRES_URL}")
set_tests_properties(integration.MultiNodeRedis integration.EventLoopShared PROPERTIES
  FIXTURES_REQUIRED "postgres;redis"
  ENVIRONMENT "TRIBUNE_TEST_POSTGRES=${TRIBUNE_TEST_POSTGRES_URL};TRIBUNE_TEST_REDIS=${TRIBUNE_TEST_REDIS_URL}")

# Anything not in a listed suite still runs, so a new suite cannot be skipped
# silently; add it to the list above to give it its own entry.
set(_listed "")
foreach(suite IN LISTS TRIBUNE_INTEGRATION_SUITES)
  string(APPEND _listed "${suite}.*:${suite}/*:")
endforeach()
add_test(NAME integration.Other COMMAND integration_test --gtest_filter=-${_listed})
set_tests_properties(integration.Other PROPERTIES LABELS integration TIMEOUT 300)
