// [cache] public_pages: pages a shared cache in front may keep. The same
// bytes for every reader, validators, the form's fields fetched apart, and
// the no-JavaScript confirmation step.
#include "server_fixture.h"

namespace tribune::itest {
namespace {

std::string PublicConfig() {
  return PostingConfigToml() + "[cache]\npublic_pages = true\nshared_max_age_s = 7\n";
}

TEST(PublicPages, ArticleAndFrontPagesAreTheSameForEveryReaderAndRevalidate) {
  TempDir dir;
  TribuneServer server(dir.path(), PublicConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response a = Get(server.port(), article.PagePath());
  Response b = Get(server.port(), article.PagePath(), {{"Cookie", "tc=someone"}});
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Header("Cache-Control").value_or(""), "public, max-age=0, s-maxage=7");
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.body.find("name=\"t\""), std::string::npos);
  EXPECT_NE(a.body.find("data-fields-url=\"" + article.Base() + "/form-fields\""),
            std::string::npos);
  std::string etag = a.Header("ETag").value_or("");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(Get(server.port(), article.PagePath(), {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(Get(server.port(), "/").Header("Cache-Control").value_or(""),
            "public, max-age=0, s-maxage=7");
  // A reader's own font size makes the page theirs.
  EXPECT_EQ(Get(server.port(), article.PagePath(), {{"Cookie", "fs=2"}})
                .Header("Cache-Control").value_or(""),
            "private, no-cache");

  // The fields, fetched apart, post a comment; the page's validator changes.
  Response fields = Get(server.port(), article.Base() + "/form-fields");
  ASSERT_EQ(fields.status, 200);
  EXPECT_EQ(fields.Header("Cache-Control").value_or(""), "no-store");
  // As the page's script does: the fragment goes into the page's form.
  HeaderList form = BrowserFormFields(a.body);
  for (auto& f : BrowserFormFields("<form id=\"comment-form\">" + fields.body + "</form>")) {
    form.push_back(f);
  }
  form.emplace_back("code", ChallengeCode(fields.body).value_or(""));
  CommentInput input;
  input.body = "Posted with fields fetched apart from the cached page.";
  ASSERT_EQ(PostForm(server.port(), article, form, input).status, 303);
  Response after = Get(server.port(), article.PagePath(), {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.body.find(input.body), std::string::npos);
  EXPECT_NE(after.Header("ETag").value_or(""), etag);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(PublicPages, WithoutATokenTheFirstSubmitIsAConfirmationStep) {
  TempDir dir;
  TribuneServer server(dir.path(), PublicConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  // What a browser without scripts sends from the cached page: no token.
  Response page = Get(server.port(), article.PagePath());
  HeaderList fields = BrowserFormFields(page.body);
  CommentInput input;
  input.body = "Sent without scripts, confirmed with the code.";
  Response confirm = PostForm(server.port(), article, fields, input);
  EXPECT_EQ(confirm.status, 200);
  EXPECT_NE(confirm.body.find("One more step"), std::string::npos);
  EXPECT_NE(confirm.body.find(input.body), std::string::npos);
  EXPECT_EQ(confirm.Header("Cache-Control").value_or(""), "no-store");
  HeaderList again = BrowserFormFields(confirm.body);
  again.emplace_back("code", ChallengeCode(confirm.body).value_or(""));
  EXPECT_EQ(PostForm(server.port(), article, again, input).status, 303);
  // A post with a real mistake is still a 422, confirmation or not.
  CommentInput empty;
  empty.body = "";
  EXPECT_EQ(PostForm(server.port(), article, fields, empty).status, 422);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
