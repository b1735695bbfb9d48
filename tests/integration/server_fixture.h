// Test fixtures around a running `tribune serve`.
//
// SharedServerTest<Suite> starts one server for the whole suite (start-up and
// demo seeding cost more than most tests), in its own temp dir. A suite that
// needs configuration defines `static std::string ConfigToml()`. Tests that
// need a pristine server build a TribuneServer themselves.
#pragma once

#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <string>

#include "site_helpers.h"
#include "tribune_process.h"

namespace tribune::itest {

// Configuration for suites that post many comments from one address within
// seconds: no minimum typing time, no rate limits, no spam scoring (the
// DefaultGuards suite runs the defaults). Tables used: [comments], [limits],
// [spam]; a suite adding keys must use other tables.
inline std::string PostingConfigToml() {
  return "[comments]\n"
         "min_seconds = 0\n"
         "[limits]\n"
         "per_prefix_per_minute = 100000.0\n"
         "per_email_per_minute = 100000.0\n"
         "per_name_per_minute = 100000.0\n"
         "per_article_per_minute = 100000.0\n"
         "[spam]\n"
         "enabled = false\n";
}

template <typename Suite>
class SharedServerTest : public ::testing::Test {
 public:
  static std::string ConfigToml() { return ""; }

  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<TribuneServer>(dir_->path(), Suite::ConfigToml());
    try {
      server_->Start();
      articles_ = ListArticles(server_->db(), dir_->path());
      Suite::PrepareSuite();
    } catch (const std::exception& e) {
      start_error_ = e.what();
    }
  }

  static void TearDownTestSuite() {
    if (server_ && server_->running()) {
      int code = server_->Stop();
      if (code != 0) {
        ADD_FAILURE() << "tribune serve exited with " << code << " on SIGTERM\n" << server_->Logs();
      }
    }
    server_.reset();
    dir_.reset();
    articles_.clear();
    start_error_.clear();
  }

  // Hook for suites that add articles once the server runs.
  static void PrepareSuite() {}

 protected:
  void SetUp() override {
    if (!start_error_.empty()) GTEST_FAIL() << "server start-up failed: " << start_error_;
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << server_->Logs();
  }

  static int port() { return server_->port(); }
  static TribuneServer& server() { return *server_; }
  static const std::filesystem::path& work_dir() { return dir_->path(); }
  static const std::vector<ArticleRow>& articles() { return articles_; }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<TribuneServer> server_;
  static inline std::vector<ArticleRow> articles_;
  static inline std::string start_error_;
};

}  // namespace tribune::itest
