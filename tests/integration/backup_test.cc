// `tribune backup` and `tribune restore` on both stores: a backup taken
// while the site runs, restored, serves the site as it was at that moment.
#include <sys/stat.h>

#include <cstdlib>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

// Backs up the running site at `db`, posts one more comment, stops, and
// restores the backup into `restored_db`: the restored site has the comments
// of the moment of the backup, not the later one.
void BackupRestoreRoundTrip(const std::string& db, const std::string& restored_db,
                            const std::filesystem::path& work) {
  TribuneServer site(work / "site", PostingConfigToml());
  std::filesystem::create_directories(work / "site");
  site.UseDatabase(db);
  site.Start();
  ArticleRow article = ListArticles(db, work).front();
  CommentInput kept;
  kept.body = "Written before the backup.";
  ASSERT_EQ(PostCommentForm(site.port(), article, kept).status, 303);
  std::string before = Get(site.port(), article.PagePath()).body;
  std::filesystem::path file = work / "site.backup";
  ProcessResult b = RunTribune({"backup", "--db", db, "--to", file.string()}, work);
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  EXPECT_EQ(ModeOf(file), 0600u);
  CommentInput later;
  later.body = "Written after the backup.";
  ASSERT_EQ(PostCommentForm(site.port(), article, later).status, 303);
  ASSERT_EQ(site.Stop(), 0) << site.Logs();

  // A database that holds a site is not replaced without --force.
  ProcessResult refused = RunTribune({"restore", "--from", file.string(), "--db", db}, work);
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;

  ProcessResult r =
      RunTribune({"restore", "--from", file.string(), "--db", restored_db, "--force"}, work);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  TribuneServer restored(work / "restored", PostingConfigToml());
  std::filesystem::create_directories(work / "restored");
  restored.UseDatabase(restored_db);
  restored.Start();
  std::string after = Get(restored.port(), article.PagePath()).body;
  EXPECT_EQ(CommentIds(after), CommentIds(before));
  EXPECT_NE(after.find(kept.body), std::string::npos);
  EXPECT_EQ(after.find(later.body), std::string::npos);
  // The same secret: a form served before the backup is still the site's.
  EXPECT_EQ(PostCommentForm(restored.port(), article, CommentInput{}).status, 303);
  EXPECT_EQ(restored.Stop(), 0) << restored.Logs();
}

TEST(Backup, SqliteRoundTrip) {
  TempDir dir;
  BackupRestoreRoundTrip((dir.path() / "site.db").string(), (dir.path() / "restored.db").string(),
                         dir.path());
  EXPECT_EQ(ModeOf(dir.path() / "restored.db"), 0600u);
}

TEST(Backup, PostgresRoundTrip) {
  std::string a = FreshPostgresDatabase(TestPostgresServer(), "backup_a");
  std::string b = FreshPostgresDatabase(TestPostgresServer(), "backup_b");
  TempDir dir;
  // Restored over a database that served another site (--force): that one's tables go.
  {
    TribuneServer other(dir.path() / "other", PostingConfigToml());
    std::filesystem::create_directories(dir.path() / "other");
    other.UseDatabase(b);
    other.Start();
    ASSERT_EQ(other.Stop(), 0);
  }
  BackupRestoreRoundTrip(a, b, dir.path());
}

}  // namespace
}  // namespace tribune::itest
