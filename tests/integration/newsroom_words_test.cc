// The site's word lists, edited in the newsroom: a moderator saves them (CSRF
// and other roles refused), a bad entry is refused with its line named and
// the lists kept in the form, and new posts meet them at once: a reject
// entry stores the post as spam (its sender sees the ordinary answer), a hold
// entry holds it; the audit log has the change.
#include "server_fixture.h"

namespace tribune::itest {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

std::string StatusOf(const nlohmann::json& explained) {
  return explained.is_object() ? explained.value("status", "") : "";
}

TEST(NewsroomWords, ModeratorsSaveListsThatNewPostsMeet) {
  TempDir dir;
  TribuneServer server(dir.path(), PostingConfigToml());
  server.Start();
  int port = server.port();
  std::string password = AddStaff(server.db(), dir.path(), "lists-mod");
  Response in = Fetch(port, {"POST", "/newsroom/sign-in", kForm,
                             FormEncode({{"name", "lists-mod"}, {"password", password}})});
  ASSERT_EQ(in.status, 303);
  CookieJar jar;
  jar.Store(in);
  HeaderList headers = kForm;
  headers.emplace_back("Cookie", jar.HeaderValue());
  Response page = Get(port, "/newsroom/words", {{"Cookie", jar.HeaderValue()}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/newsroom/words\" aria-current=\"page\""), std::string::npos);
  auto token = FirstMatch(page.body, R"re(<input type="hidden" name="t" value="([^"]*)")re");
  ASSERT_TRUE(token.has_value());
  std::string t = UnescapeAttribute(*token);

  EXPECT_EQ(Fetch(port, {"POST", "/newsroom/words", headers,
                         FormEncode({{"t", "forged"}, {"reject", "casino"}})})
                .status,
            403);
  Response refused = Fetch(port, {"POST", "/newsroom/words", headers,
                                  FormEncode({{"t", t}, {"hold", "loan offer\n/bad(/"},
                                              {"reject", "casino"}})});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Hold list, line 2"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("loan offer"), std::string::npos);  // kept in the form
  Response saved = Fetch(port, {"POST", "/newsroom/words", headers,
                                FormEncode({{"t", t}, {"hold", "loan offer\n/whats?app\\s*\\+?\\d{6,}/"},
                                            {"reject", "# gambling\ncasino"}})});
  ASSERT_EQ(saved.status, 303) << saved.body;
  Response shown = Get(port, "/newsroom/words?done=saved", {{"Cookie", jar.HeaderValue()}});
  EXPECT_NE(shown.body.find("In force now: 3 entries."), std::string::npos);

  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response spam = PostCommentForm(port, article, {"Lucky", "", "The best CASINO bonus tonight."});
  ASSERT_EQ(spam.status, 303);  // the ordinary answer
  nlohmann::json why = Explain(server, dir.path(), PostedId(spam));
  EXPECT_EQ(StatusOf(why), "spam") << why.dump();
  EXPECT_TRUE(HasReason(why, "WORD_REJECT")) << why.dump();
  Response held = PostCommentForm(port, article, {"Helper", "", "Write on WhatsApp +995551234567"});
  ASSERT_EQ(held.status, 303);
  nlohmann::json held_why = Explain(server, dir.path(), PostedId(held));
  EXPECT_EQ(StatusOf(held_why), "held") << held_why.dump();
  EXPECT_TRUE(HasReason(held_why, "WORD_HOLD"));
  Response fine = PostCommentForm(port, article, {"Reader", "", "Occasionally the casinos close."});
  EXPECT_EQ(StatusOf(Explain(server, dir.path(), PostedId(fine))), "published");

  Response audit = Get(port, "/newsroom/audit?action=words.edit", {{"Cookie", jar.HeaderValue()}});
  EXPECT_NE(audit.body.find("lists-mod"), std::string::npos);
  EXPECT_NE(audit.body.find("3 entries"), std::string::npos);

  // A restarted node loads the saved lists.
  ASSERT_EQ(server.Stop(), 0);
  server.Start();
  Response again = PostCommentForm(server.port(), article, {"Lucky", "", "casino night again"});
  EXPECT_EQ(StatusOf(Explain(server, dir.path(), PostedId(again))), "spam");
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
