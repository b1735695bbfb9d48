// The spam defence as a reader and a spammer meet it: the reference page's
// comments posted through the real form, rate limits, the honeypot.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "site_helpers.h"
#include "tribune_process.h"

namespace tribune::itest {
namespace {

// Servers here run OpenConfig(): default screening and challenge, but no
// minimum typing time and no rate limits, so the content layers alone decide.

std::string SeedArticleBody() {
  std::ifstream in(std::string(TRIBUNE_SOURCE_DIR) + "/../shared/seed/000_e300b483217944fc.txt");
  std::string line, body;
  int n = 0;
  while (std::getline(in, line)) {
    if (++n <= 4 || line.rfind("Font size", 0) == 0) continue;
    if (line.rfind("Comments: ", 0) == 0) break;
    body += line + "\n";
  }
  return body;
}

std::vector<nlohmann::json> SeedComments() {
  std::ifstream in(std::string(TRIBUNE_SOURCE_DIR) +
                   "/../shared/datasets/seed_guardian_ge.jsonl");
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

TEST(SpamDefence, NoneOfTheReferencePagesCommentsIsPublished) {
  auto rows = SeedComments();
  std::string body = SeedArticleBody();
  if (rows.size() != 20 || body.size() < 1000) GTEST_SKIP() << "../shared/ is not beside the repo";
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = AddArticle(server.db(), dir.path(),
                                  "US urges Xi to press Putin over 'war crimes' in Ukraine", body);
  ASSERT_TRUE(WaitForStatus(server.port(), article.PagePath(), 200));
  int stored = 0, refused = 0;
  for (const auto& row : rows) {
    CommentInput input{row.value("author", ""), "", row.value("body", "")};
    if (input.name.empty()) input.name = "Anonymous";
    Response r = PostCommentForm(server.port(), article, input);
    if (r.status == 303) {
      ++stored;
    } else {
      EXPECT_EQ(r.status, 422) << r.body.substr(0, 500);
      ++refused;  // the two empty comments
    }
  }
  EXPECT_EQ(stored, 18);
  EXPECT_EQ(refused, 2);
  Response page = Get(server.port(), article.PagePath());
  EXPECT_EQ(CommentsCount(page.body), 0) << "a seed comment was published";
  EXPECT_TRUE(CommentIds(page.body).empty());
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, ARealCommentOnTheSameArticleIsPublished) {
  std::string body = SeedArticleBody();
  if (body.size() < 1000) GTEST_SKIP() << "../shared/ is not beside the repo";
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = AddArticle(server.db(), dir.path(), "US urges Xi to press Putin", body);
  ASSERT_TRUE(WaitForStatus(server.port(), article.PagePath(), 200));
  Response r = PostCommentForm(
      server.port(), article,
      {"Nino", "", "China will not push Russia to withdraw; the meeting is about trade and oil."});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 500);
  EXPECT_EQ(CommentsCount(Get(server.port(), article.PagePath()).body), 1);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, RateLimitKeepsTheTextAndAsksToWait) {
  TempDir dir;
  TribuneServer server(dir.path(), "[comments]\nmin_seconds = 0\n[limits]\nper_name_per_minute = 2\n");
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  int limited = 0;
  for (int i = 0; i < 4; ++i) {
    Response r = PostCommentForm(server.port(), article,
                                 {"Hasty", "", "Comment number " + std::to_string(i) + " on the plan."});
    if (r.status == 429) {
      ++limited;
      EXPECT_NE(r.body.find("Comment number " + std::to_string(i)), std::string::npos)
          << "the reader's text is lost";
      EXPECT_TRUE(r.Header("retry-after").has_value());
    }
  }
  EXPECT_EQ(limited, 2);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, FilledHoneypotIsNeverPublished) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response page = Get(server.port(), article.PagePath());
  int64_t before = CommentsCount(page.body);
  auto honeypot = FirstMatch(page.body, R"re(<p class="hp"[^>]*><label>[^<]*<input name="([^"]+)")re");
  ASSERT_TRUE(honeypot);
  HeaderList fields = FreshFormFields(server.port(), article);
  fields.insert(fields.end(), {{"name", "Bot"}, {"body", "A perfectly polite comment."},
                               {*honeypot, "http://casino.example"}});
  Response r = Fetch(server.port(), {"POST", article.PostPath(),
                                     {{"Content-Type", "application/x-www-form-urlencoded"}},
                                     FormEncode(fields)});
  EXPECT_EQ(r.status, 303);  // the bot is not told
  EXPECT_EQ(CommentsCount(Get(server.port(), article.PagePath()).body), before);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, APostBuiltWithoutThePagesFormIsHeld) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response page = Get(server.port(), article.PagePath());
  int64_t before = CommentsCount(page.body);
  // A script that took the token and the code, but not the form's other fields.
  HeaderList fields = HiddenFormFields(page.body);
  fields.emplace_back("code", *ChallengeCode(page.body));
  Response r = PostForm(server.port(), article, fields,
                        {"Scripted", "", "A perfectly polite comment about the park."});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(CommentsCount(Get(server.port(), article.PagePath()).body), before);
  nlohmann::json explained = Explain(server, dir.path(), PostedId(r));
  EXPECT_EQ(explained.value("status", ""), "held") << explained.dump();
  EXPECT_TRUE(HasReason(explained, "HONEYPOT_ABSENT")) << explained.dump();
  // An API form (no honeypot at all) sent to the page's form handler: the same.
  nlohmann::json challenge = nlohmann::json::parse(
      Get(server.port(), "/api/v1/challenge?article=" + std::to_string(article.id)).body);
  Response api_token = PostForm(server.port(), article,
                                {{"t", challenge["token"]}, {"code", challenge["code"]}},
                                {"Scripted", "", "Another perfectly polite comment on the park."});
  EXPECT_EQ(api_token.status, 303);
  explained = Explain(server, dir.path(), PostedId(api_token));
  EXPECT_EQ(explained.value("status", ""), "held") << explained.dump();
  EXPECT_TRUE(HasReason(explained, "HONEYPOT_ABSENT")) << explained.dump();
  // The same text from the page as a browser sends it is published.
  Response real = PostCommentForm(server.port(), article,
                                  {"Reader", "", "A perfectly polite comment about the park!"});
  EXPECT_EQ(real.status, 303);
  EXPECT_EQ(CommentsCount(Get(server.port(), article.PagePath()).body), before + 1);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, AModeratorsSpamDecisionCatchesTheRestOfTheCampaign) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  const std::string first =
      "This is a wonderful article about the new park, thank you for writing it. I will share "
      "it with all my friends and neighbours today.";
  const std::string variant =
      "This is a wonderful article about the new park, thanks for writing it! I will share it "
      "with all of my friends and neighbours today.";
  Response r = PostCommentForm(server.port(), article, {"Ann", "", first});
  ASSERT_EQ(r.status, 303);
  int64_t id = PostedId(r);
  EXPECT_FALSE(HasReason(Explain(server, dir.path(), id), "CAMPAIGN_SPAM"));

  ProcessResult decided =
      RunTribune({"moderate", "spam", std::to_string(id), "--db", server.db().string()}, dir.path());
  ASSERT_EQ(decided.exit_code, 0) << decided.err;
  EXPECT_EQ(Explain(server, dir.path(), id).value("status", ""), "spam");

  // The server picks up the model the decision taught, then screens the
  // same template from someone else as spam.
  int64_t second = 0;
  nlohmann::json explained = nlohmann::json::object();
  for (int attempt = 0; attempt < 30 && !HasReason(explained, "CAMPAIGN_SPAM"); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Response again = PostCommentForm(server.port(), article,
                                     {"Bob " + std::to_string(attempt), "", variant});
    ASSERT_EQ(again.status, 303);
    second = PostedId(again);
    explained = Explain(server, dir.path(), second);
  }
  EXPECT_TRUE(HasReason(explained, "CAMPAIGN_SPAM")) << explained.dump();
  EXPECT_NE(explained.value("status", ""), "published");

  // Restoring the first one un-learns the decision.
  ProcessResult restored = RunTribune(
      {"moderate", "restore", std::to_string(id), "--db", server.db().string()}, dir.path());
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(Explain(server, dir.path(), id).value("status", ""), "published");
  EXPECT_EQ(server.Stop(), 0);
}

TEST(SpamDefence, ShadowModelIsRecordedAndPublishedAuthorsEarnTrust) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig() +
                                       "[spam]\nshadow_model = \"data/spam/starter.model\"\n");
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  std::vector<int64_t> ids;
  for (const char* text : {"The riverside path should be lit at night.",
                           "Will the market hall be open on Sundays too?",
                           "I hope the council keeps the old brick warehouses."}) {
    Response r = PostCommentForm(server.port(), article, {"Maia", "maia@example.ge", text});
    ASSERT_EQ(r.status, 303);
    ids.push_back(PostedId(r));
  }
  nlohmann::json first = Explain(server, dir.path(), ids[0]);
  nlohmann::json third = Explain(server, dir.path(), ids[2]);
  EXPECT_TRUE(HasReason(first, "SHADOW")) << first.dump();
  EXPECT_FALSE(HasReason(first, "TRUSTED_AUTHOR")) << first.dump();
  EXPECT_TRUE(HasReason(third, "TRUSTED_AUTHOR")) << third.dump();

  // Moderators' decisions, then the report that sets the shadow beside the live model.
  Response spam = PostCommentForm(
      server.port(), article,
      {"Casino", "", "Best online casino bonus, free spins every day: https://casino.example/ "
                     "https://casino.example/spins https://slots.example/"});
  ASSERT_EQ(spam.status, 303);
  auto decide = [&](const char* decision, int64_t id) {
    ProcessResult r = RunTribune(
        {"moderate", decision, std::to_string(id), "--db", server.db().string()}, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
  };
  decide("spam", PostedId(spam));
  decide("spam", ids[1]);  // a moderator's call the models did not make
  ProcessResult report = RunTribune(
      {"spam", "shadow", "--json", "--db", server.db().string()}, dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  nlohmann::json r = nlohmann::json::parse(report.out, nullptr, false);
  ASSERT_TRUE(r.is_object()) << report.out;
  EXPECT_EQ(r.value("compared", 0), 4);
  EXPECT_EQ(r.value("agreed", 0), 4);  // the same model on both sides
  EXPECT_EQ(r.value("spam_decided", 0), 2);
  EXPECT_EQ(r.value("live_caught", 0), 1);
  EXPECT_EQ(r.value("shadow_caught", 0), 1);
  EXPECT_EQ(r.value("shadow_model", ""), first.value("model_version", ""));

  // Promoting a model file makes it the live model, and the server switches to it.
  ProcessResult promoted = RunTribune(
      {"spam", "promote", "data/spam/starter.model", "--db", server.db().string()}, dir.path());
  ASSERT_EQ(promoted.exit_code, 0) << promoted.err;
  std::string version = first.value("model_version", "");
  EXPECT_NE(promoted.out.find(version), std::string::npos) << promoted.out;
  std::string screened_with;
  for (int attempt = 0; attempt < 30 && screened_with != version; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Response again = PostCommentForm(
        server.port(), article,
        {"Nika", "", "Attempt " + std::to_string(attempt) + ": the bus lane works well."});
    ASSERT_EQ(again.status, 303);
    screened_with = Explain(server, dir.path(), PostedId(again)).value("model_version", "");
  }
  EXPECT_EQ(screened_with, version);
  ProcessResult missing = RunTribune(
      {"spam", "promote", "/no/such.model", "--db", server.db().string()}, dir.path());
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("/no/such.model"), std::string::npos) << missing.err;
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
