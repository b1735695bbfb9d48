// RSS feeds: the site's latest articles and one article's latest comments.
#include <ctime>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

class Feeds : public SharedServerTest<Feeds> {
 public:
  static std::string ConfigToml() { return PostingConfigToml(); }
  static void PrepareSuite() { busiest_ = FindBusiestArticle(port(), articles()); }

 protected:
  static inline BusiestArticle busiest_;
};

TEST_F(Feeds, SiteFeedIsWellFormedRss) {
  Response r = Get(port(), "/rss.xml");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type").value_or("").rfind("application/rss+xml", 0), 0u)
      << r.Header("Content-Type").value_or("(none)");
  EXPECT_EQ(XmlProblems(r.body, work_dir()), "");
  EXPECT_TRUE(FirstMatch(r.body, R"(<rss[^>]*version="2\.0")"));
  EXPECT_NE(r.body.find("<channel>"), std::string::npos);
  size_t items = CountOf(r.body, "<item>");
  EXPECT_GE(items, std::min<size_t>(articles().size(), 2));
  EXPECT_NE(r.body.find(busiest_.article.PagePath()), std::string::npos)
      << "the feed does not link the busiest article";
}

TEST_F(Feeds, ArticleCommentsFeedIsWellFormedRss) {
  Response r = Get(port(), busiest_.article.Base() + "/comments.rss");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type").value_or("").rfind("application/rss+xml", 0), 0u);
  EXPECT_EQ(XmlProblems(r.body, work_dir()), "");
  EXPECT_GE(CountOf(r.body, "<item>"), 1u);
  // The newest comment leads the feed.
  std::vector<int64_t> ids = CommentIds(Get(port(), busiest_.article.PagePath()).body);
  ASSERT_FALSE(ids.empty());
  size_t first_item = r.body.find("<item>");
  size_t newest = r.body.find("#c" + std::to_string(ids.front()));
  EXPECT_NE(newest, std::string::npos);
  EXPECT_GT(newest, first_item);
  EXPECT_LT(newest, r.body.find("</item>", first_item));
  EXPECT_EQ(Get(port(), "/news/987654321-nothing/comments.rss").status, 404);
}

// Markup-heavy comments must not break the feed.
TEST_F(Feeds, HostileCommentKeepsFeedWellFormed) {
  const ArticleRow& a = busiest_.article;
  std::string stamp = std::to_string(::time(nullptr));
  Response posted = PostCommentForm(
      port(), a,
      {"<Ann & \"Bob\">", "x@example.org", "]]> <![CDATA[ </item> &bogus; [b]bold[/b] zq" + stamp});
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 1000);
  // A control character may be refused, but must never reach the feed raw.
  Response control = PostCommentForm(port(), a, {"Ctl", "c@example.org", "bell \x01 " + stamp});
  EXPECT_TRUE(control.status == 303 || control.status == 422 || control.status == 400)
      << control.status;
  Response r = Get(port(), a.Base() + "/comments.rss");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("zq" + stamp), std::string::npos)
      << "the hostile comment is not in the feed";
  EXPECT_EQ(XmlProblems(r.body, work_dir()), "");
  Response site = Get(port(), "/rss.xml");
  EXPECT_EQ(XmlProblems(site.body, work_dir()), "");
}

}  // namespace
}  // namespace tribune::itest
