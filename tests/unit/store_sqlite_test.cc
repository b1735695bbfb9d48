// The conformance suite on real SQLite files, plus SQLite-specific checks.
#include <gtest/gtest.h>
#include <sys/stat.h>
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

mode_t ModeOf(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

// The database holds the site's secret, password hashes and readers'
// addresses: it is made for its owner alone, whatever the umask, and its
// -wal and -shm files follow it.
TEST(SqliteStore, ANewDatabaseAndItsWalAndShmAreReadableByTheOwnerAlone) {
  std::string path = FreshPath();
  mode_t old = ::umask(022);
  auto s = OpenSqliteStore({path, 1});
  ::umask(old);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->Migrate().ok());
  ASSERT_TRUE((*s)->PutSetting("k", "v").ok());
  for (const char* suffix : {"", "-wal", "-shm"}) {
    ASSERT_TRUE(std::filesystem::exists(path + suffix)) << suffix;
    EXPECT_EQ(ModeOf(path + suffix), 0600u) << path + suffix;
  }
  EXPECT_TRUE(ExposedDatabaseFiles(path).empty());
}

TEST(SqliteStore, AnExistingDatabaseOthersCanReadIsReported) {
  std::string path = FreshPath();
  { ASSERT_TRUE(OpenSqliteStore({path, 1}).ok()); }
  ::chmod(path.c_str(), 0644);
  std::vector<std::string> exposed = ExposedDatabaseFiles(path);
  ASSERT_EQ(exposed.size(), 1u);
  EXPECT_EQ(exposed[0], path + " (mode 0644)");
  auto s = OpenSqliteStore({path, 1});  // opened as it is: the owner decides
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(ModeOf(path), 0644u);
}

}  // namespace
}  // namespace tribune::store
