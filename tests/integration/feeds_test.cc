// RSS feeds: the site's latest articles and one article's latest comments.
#include <cstdlib>
#include <ctime>
#include <filesystem>

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

// What xmllint reads as the text of `xpath` in `xml` (entities decoded): what
// a feed reader gets before it renders a description as HTML.
std::string XPathText(const std::string& xml, const std::string& xpath,
                      const std::filesystem::path& dir) {
  WriteFile(dir / "xpath.xml", xml);
  std::string cmd = "/usr/bin/xmllint --xpath '" + xpath + "' '" + (dir / "xpath.xml").string() +
                    "' > '" + (dir / "xpath.out").string() + "' 2>&1";
  if (std::system(cmd.c_str()) != 0) return "xmllint failed: " + ReadFile(dir / "xpath.out");
  return ReadFile(dir / "xpath.out");
}

// Feed readers treat <description> as HTML: a comment that is markup must
// reach them as text. And a comment holding U+FFFE, U+FFFF or a control
// character must not make the feed ill-formed for every subscriber.
TEST_F(Feeds, ACommentsMarkupIsTextInAFeedReaderAndForbiddenCharactersAreDropped) {
  if (!std::filesystem::exists("/usr/bin/xmllint")) GTEST_SKIP() << "xmllint is not installed";
  const ArticleRow& a = busiest_.article;
  std::string stamp = std::to_string(::time(nullptr));
  std::string payload =
      "\"><svg onload=alert(document.domain)> <script>alert(1)</script> "
      "\xef\xbf\xbe\xef\xbf\xbf mark" +
      stamp;
  Response posted =
      PostCommentForm(port(), a, {"<img src=x onerror=alert(1)>", "m@example.org", payload});
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 1000);
  Response r = Get(port(), a.Base() + "/comments.rss");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(XmlProblems(r.body, work_dir()), "");
  for (const char* forbidden : {"\xef\xbf\xbe", "\xef\xbf\xbf"}) {
    EXPECT_EQ(r.body.find(forbidden), std::string::npos);
  }
  std::string description =
      XPathText(r.body, "string(//item[contains(description, \"mark" + stamp + "\")]/description)",
                work_dir());
  ASSERT_NE(description.find("mark" + stamp), std::string::npos) << description;
  // As HTML, the description holds no tag at all: only escaped text.
  EXPECT_EQ(description.find('<'), std::string::npos) << description;
  EXPECT_NE(description.find("&lt;svg onload=alert(document.domain)&gt;"), std::string::npos)
      << description;
  EXPECT_EQ(XmlProblems(Get(port(), "/rss.xml").body, work_dir()), "");
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// Every comment in a feed links to the comment page that really shows it,
// past page 1 too, and names its author; the channel and the response say
// when the feed last changed.
TEST_F(Feeds, EveryCommentLinksToThePageItIsOnAndNamesItsAuthor) {
  Response r = Get(port(), busiest_.article.Base() + "/comments.rss");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(FirstMatch(r.body, "<lastBuildDate>([^<]+)</lastBuildDate>"));
  std::vector<std::string> links =
      AllMatches(r.body, "<item>\\s*<title>[^<]*</title>\\s*<link>([^<]+)</link>");
  std::vector<std::string> creators = AllMatches(r.body, "<dc:creator>([^<]*)</dc:creator>");
  ASSERT_GT(links.size(), 20u) << "the busiest article should fill more than one comment page";
  EXPECT_EQ(creators.size(), links.size());
  bool past_page_one = false;
  for (const std::string& link : links) {
    std::string path = LocationPath(link);
    size_t hash = path.find("#c");
    ASSERT_NE(hash, std::string::npos) << link;
    std::string id = path.substr(hash + 2);
    past_page_one |= path.find("/comments/page/") != std::string::npos;
    Response page = Get(port(), path.substr(0, hash));
    ASSERT_EQ(page.status, 200) << link;
    EXPECT_NE(page.body.find("id=\"c" + id + "\""), std::string::npos) << link;
  }
  EXPECT_TRUE(past_page_one);
}

}  // namespace
}  // namespace tribune::itest
