// Form tokens against the real binary: a post refused for its rate does not
// spend its form, and a form posts once, across a restart of the server too.
#include "server_fixture.h"

namespace tribune::itest {
namespace {

// A 429 is "try again later": the same form, sent again, must then be an
// ordinary comment, not a replayed token scored as spam.
TEST(FormTokens, AFormRefusedForItsRateCanBeSentAgain) {
  TempDir dir;
  TribuneServer server(dir.path(),
                       "[comments]\nmin_seconds = 0\n[limits]\nper_prefix_per_minute = 1e9\n"
                       "per_email_per_minute = 1.5\nper_name_per_minute = 1e9\n"
                       "per_article_per_minute = 1e9\n");
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  CommentInput busy{"Busy Reader", "busy@example.org", "My first thought on the timetable."};
  ASSERT_EQ(PostCommentForm(server.port(), article, busy).status, 303);
  HeaderList form = FreshFormFields(server.port(), article);
  busy.body = "And a second thought, sent too soon.";
  Response refused = PostForm(server.port(), article, form, busy);
  ASSERT_EQ(refused.status, 429) << refused.body.substr(0, 500);
  // The reader sends the same form again, under another address this time.
  CommentInput retry{"Busy Reader", "busy.other@example.org", busy.body};
  Response sent = PostForm(server.port(), article, form, retry);
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 500);
  nlohmann::json explained = Explain(server, dir.path(), PostedId(sent));
  EXPECT_FALSE(HasReason(explained, "TOKEN_REPLAYED")) << explained.dump(2);
  EXPECT_NE(explained.value("status", ""), "spam") << explained.dump(2);
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

TEST(FormTokens, AFormPostsOnceAcrossARestart) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  HeaderList form = FreshFormFields(server.port(), article);
  CommentInput input{"Once Only", "once@example.org", "Posted a moment before the restart."};
  Response first = PostForm(server.port(), article, form, input);
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 500);
  int64_t id = PostedId(first);
  int64_t count = CommentsCount(Get(server.port(), article.PagePath()).body);
  ASSERT_EQ(server.Stop(), 0) << server.Logs();
  server.Start();
  input.body = "The same form, sent again once the server is back.";
  Response again = PostForm(server.port(), article, form, input);
  ASSERT_EQ(again.status, 303) << again.body.substr(0, 500);
  EXPECT_EQ(PostedId(again), id) << "the form made a second comment";
  EXPECT_EQ(CommentsCount(Get(server.port(), article.PagePath()).body), count);
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

}  // namespace
}  // namespace tribune::itest
