// The database on disk: who may read its files, and what readers and the
// operator see when it cannot be written.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

namespace fs = std::filesystem;

mode_t ModeOf(const fs::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The database holds the site's secret, the staff's password hashes and
// readers' e-mail and IP addresses: no other local user may read it.
TEST(DatabaseFiles, ANewDatabaseAndItsWalAndShmAreForTheOwnerAlone) {
  TempDir dir;
  mode_t old = ::umask(022);
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ::umask(old);
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  ASSERT_EQ(PostCommentForm(server.port(), article, {}).status, 303);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::path file = server.db().string() + suffix;
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(ModeOf(file), 0600u) << file;
  }
  EXPECT_EQ(server.Logs().find("can be read by other users"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
  // The CLI makes a database the same way.
  fs::path made_by_cli = dir.path() / "cli.db";
  old = ::umask(022);
  AddStaff(made_by_cli, dir.path(), "maria");
  ::umask(old);
  EXPECT_EQ(ModeOf(made_by_cli), 0600u);
}

TEST(DatabaseFiles, AnExistingDatabaseOthersCanReadIsWarnedAboutAtStartUp) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ASSERT_EQ(server.Stop(), 0) << server.Logs();
  fs::permissions(server.db(), fs::perms(0644));
  server.Start();
  std::string logs = server.Logs();
  EXPECT_NE(logs.find("the database file " + server.db().string() +
                      " (mode 0644) can be read by "
                      "other users"),
            std::string::npos)
      << logs;
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

// A database the server cannot write (read-only here; full or corrupt alike):
// posts are answered 503 with the reader's text kept and a plain message,
// never SQLite's, and the operator finds one error line, not one per post.
TEST(StorageFailures, AReadOnlyDatabaseGives503APlainPageAndOneLogLine) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  ASSERT_EQ(server.Stop(), 0) << server.Logs();
  // Root may write any file: the server then runs as nobody.
  fs::permissions(dir.path(), fs::perms::all);
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path file = server.db().string() + suffix;
    if (fs::exists(file)) fs::permissions(file, fs::perms(0666));
  }
  fs::permissions(server.db(), fs::perms(0444));
  server.RunUnprivileged();
  server.Start();
  EXPECT_EQ(Get(server.port(), article.PagePath()).status, 200);
  const std::string leaks[] = {"readonly", "read-only", "sqlite", "SQLITE", "attempt to write"};
  for (int i = 0; i < 4; ++i) {
    CommentInput input;
    input.body = "Kept while the database cannot be written, number " + std::to_string(i);
    Response r = PostCommentForm(server.port(), article, input);
    ASSERT_EQ(r.status, 503) << r.body.substr(0, 500);
    EXPECT_NE(r.body.find(input.body), std::string::npos) << "the reader's text is lost";
    for (const std::string& leak : leaks) {
      EXPECT_EQ(r.body.find(leak), std::string::npos) << leak;
    }
  }
  // The audit log's pruning runs half a second after start and fails too:
  // a consequence the store has already reported, not a second error line.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  std::string logs = server.Logs(1 << 20);
  EXPECT_NE(logs.find("audit log: old entries not forgotten"), std::string::npos) << logs;
  EXPECT_EQ(Occurrences(logs, "database writes are failing"), 1u) << logs;
  EXPECT_EQ(Occurrences(logs, "[error]"), 1u) << logs;
  EXPECT_NE(logs.find("readonly database"), std::string::npos) << logs;
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

}  // namespace
}  // namespace tribune::itest
