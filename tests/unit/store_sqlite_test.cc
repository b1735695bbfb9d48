// The conformance suite on real SQLite files, plus SQLite-specific checks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "store/sqlite/sqlite_store.h"
#include "store_conformance.h"

namespace tribune::store {
namespace {

std::string FreshPath() {
  static std::atomic<int> n{0};
  std::string dir = std::string(TRIBUNE_TEST_TMP) + "/sqlite";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/t" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::unique_ptr<Store> MakeSqlite() {
  auto s = OpenSqliteStore({FreshPath(), 2});
  return s.ok() ? std::move(s).value() : nullptr;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance, testing::Values(&MakeSqlite));

TEST(SqliteStore, DataSurvivesReopening) {
  std::string path = FreshPath();
  int64_t id = 0;
  {
    auto s = OpenSqliteStore({path, 1});
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Migrate().ok());
    id = (*s)->CreateArticle({"Kept", "", "b", "", "", 1, true}, 1)->id;
  }
  auto s = OpenSqliteStore({path, 1});
  ASSERT_TRUE((*s)->Migrate().ok());
  EXPECT_EQ((*s)->GetArticle(id)->title, "Kept");
}

TEST(SqliteStore, UnopenablePathIsUnavailable) {
  auto s = OpenSqliteStore({"/nonexistent-dir/x/y.db", 1});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kUnavailable);
}

}  // namespace
}  // namespace tribune::store
