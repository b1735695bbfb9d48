// `tribune db copy`: a SQLite site moved to PostgreSQL whole, checked, and
// served from there as it was; run again, it goes on with what is new.
#include <cstdlib>
#include <sstream>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

// The "copied" column of `table` in db copy's report; -1 when absent.
int64_t Copied(const std::string& report, const std::string& table) {
  std::istringstream lines(report);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream cells(line);
    std::string name;
    int64_t source = 0, copied = -1;
    if (cells >> name >> source >> copied && name == table) return copied;
  }
  return -1;
}

std::string FreshDatabase() { return FreshPostgresDatabase(TestPostgresServer(), "copy_test"); }

TEST(DbCopy, ASiteMovesToPostgresWholeAndServesTheSamePages) {
  TempDir dir;
  TribuneServer sqlite_site(dir.path(), PostingConfigToml());
  sqlite_site.Start();
  std::vector<ArticleRow> articles = ListArticles(sqlite_site.db(), dir.path());
  const ArticleRow& article = articles.front();
  CommentInput input;
  input.body = "A comment that moves with the site.";
  Response posted = PostCommentForm(sqlite_site.port(), article, input);  // spends a token
  ASSERT_EQ(posted.status, 303);
  ASSERT_EQ(sqlite_site.Stop(), 0);
  // A moderator's decision (a learned model, an audit entry) and a staff member.
  std::string password = AddStaff(sqlite_site.db(), dir.path(), "maria");
  ProcessResult spam = RunTribune(
      {"moderate", "spam", std::to_string(PostedId(posted)), "--db", sqlite_site.db().string()},
      dir.path());
  ASSERT_EQ(spam.exit_code, 0) << spam.err;
  sqlite_site.Start();
  std::string sqlite_page = Get(sqlite_site.port(), article.PagePath()).body;
  ASSERT_EQ(sqlite_site.Stop(), 0);

  std::string pg = FreshDatabase();
  ProcessResult copy = RunTribune(
      {"db", "copy", "--from", "sqlite:" + sqlite_site.db().string(), "--to", pg}, dir.path());
  ASSERT_EQ(copy.exit_code, 0) << copy.out << copy.err;
  EXPECT_NE(copy.out.find("copied and verified"), std::string::npos) << copy.out;
  for (const char* table : {"articles", "comments", "staff", "spam_models", "spent_tokens",
                            "audit_log", "settings"}) {
    EXPECT_NE(copy.out.find(table), std::string::npos) << table;
  }
  EXPECT_EQ(copy.out.find("DIFFERS"), std::string::npos) << copy.out;

  // More on the SQLite site, copied again: only what is new goes, and the
  // check still holds.
  sqlite_site.Start();
  ASSERT_EQ(PostCommentForm(sqlite_site.port(), article, CommentInput{}).status, 303);
  sqlite_page = Get(sqlite_site.port(), article.PagePath()).body;
  ASSERT_EQ(sqlite_site.Stop(), 0);
  ProcessResult again = RunTribune(
      {"db", "copy", "--from", "sqlite:" + sqlite_site.db().string(), "--to", pg}, dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("copied and verified"), std::string::npos) << again.out;
  EXPECT_EQ(Copied(again.out, "comments"), 1) << again.out;  // only the new one
  EXPECT_EQ(Copied(again.out, "articles"), 0) << again.out;
  // A row changed by hand in the target (or in the source since) is written again.
  Shell("psql -q '" + pg + "' -c \"UPDATE comments SET body_source = 'tampered' WHERE id = 1\"");
  ProcessResult repaired = RunTribune(
      {"db", "copy", "--from", "sqlite:" + sqlite_site.db().string(), "--to", pg}, dir.path());
  EXPECT_EQ(repaired.exit_code, 0) << repaired.out << repaired.err;
  EXPECT_NE(repaired.out.find("copied and verified"), std::string::npos) << repaired.out;

  // Served from PostgreSQL: the same page (the comment, now spam, is not on
  // it; the counts are the same), the same secret, the same staff password.
  TempDir pg_dir;
  TribuneServer pg_site(pg_dir.path(), PostingConfigToml());
  pg_site.UseDatabase(pg);
  pg_site.Start();
  std::string pg_page = Get(pg_site.port(), article.PagePath()).body;
  EXPECT_EQ(CommentsCount(pg_page), CommentsCount(sqlite_page));
  EXPECT_EQ(CommentIds(pg_page), CommentIds(sqlite_page));
  EXPECT_EQ(pg_page.find(input.body), std::string::npos);
  Response signed_in = Fetch(pg_site.port(), {"POST", "/newsroom/sign-in",
                                             {{"Content-Type", "application/x-www-form-urlencoded"}},
                                             FormEncode({{"name", "maria"}, {"password", password}})});
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
  ASSERT_EQ(pg_site.Stop(), 0);

  // A target used as a site since (the sign-in is in its audit log) is not
  // overwritten: the difference is reported.
  ProcessResult checked = RunTribune(
      {"db", "copy", "--from", "sqlite:" + sqlite_site.db().string(), "--to", pg}, dir.path());
  EXPECT_EQ(checked.exit_code, 1) << checked.out;
  EXPECT_NE(checked.out.find("DIFFERS"), std::string::npos) << checked.out;
}

}  // namespace
}  // namespace tribune::itest
