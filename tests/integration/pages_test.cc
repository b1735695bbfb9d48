// Public pages of the demo site: front page, article pages, comment pages
// and their pagination, canonical redirects, the font-size preference.
#include <set>

#include <regex>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

constexpr int64_t kPerPage = 20;

class Pages : public SharedServerTest<Pages> {
 public:
  static void PrepareSuite() { busiest_ = FindBusiestArticle(port(), articles()); }

 protected:
  void SetUp() override {
    SharedServerTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_GT(busiest_.comments, 2 * kPerPage)
        << "the demo site needs an article with more than 40 comments";
  }

  static int64_t LastPage() { return (busiest_.comments + kPerPage - 1) / kPerPage; }

  static inline BusiestArticle busiest_;
};

TEST_F(Pages, HealthzAnswers200) { EXPECT_EQ(Get(port(), "/healthz").status, 200); }

TEST_F(Pages, DemoSiteHasArticles) { EXPECT_GE(articles().size(), 2u); }

TEST_F(Pages, FrontPageListsEveryArticle) {
  Response r = Get(port(), "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.Header("Content-Type").value_or("").find("text/html"), std::string::npos);
  EXPECT_NE(r.body.find("<ol class=\"article-list\">"), std::string::npos);
  for (const ArticleRow& a : articles()) {
    EXPECT_NE(r.body.find("href=\"" + a.PagePath() + "\""), std::string::npos)
        << "no link to " << a.PagePath();
  }
}

TEST_F(Pages, FrontPageAcceptsPageParameter) {
  Response first = Get(port(), "/?page=1");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("<ol class=\"article-list\">"), std::string::npos);
}

TEST_F(Pages, ArticlePageShowsTitleDateAndCount) {
  const ArticleRow& a = busiest_.article;
  Response r = Get(port(), a.PagePath());
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(a.title), std::string::npos) << "title missing: " << a.title;
  // One date format on the page: the article's as the comments', "4 December 2026 14:28".
  auto date = FirstMatch(r.body, R"re(<p class="article-meta"><time datetime="[^"]*">([^<]*)</time>)re");
  ASSERT_TRUE(date.has_value());
  EXPECT_TRUE(std::regex_match(*date, std::regex(R"(\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2})"))) << *date;
  EXPECT_FALSE(FirstMatch(r.body, R"(\b\d{2}-\d{2}-\d{4}, \d{2}:\d{2}\b)"));
  EXPECT_EQ(CommentsCount(r.body), busiest_.comments);
}

TEST_F(Pages, FirstCommentPageIsNewestTwenty) {
  Response r = Get(port(), busiest_.article.PagePath());
  ASSERT_EQ(r.status, 200);
  std::vector<int64_t> numbers = CommentNumbers(r.body);
  ASSERT_EQ(numbers.size(), static_cast<size_t>(kPerPage));
  for (size_t i = 0; i < numbers.size(); ++i) {
    EXPECT_EQ(numbers[i], busiest_.comments - static_cast<int64_t>(i));
  }
  EXPECT_EQ(CommentIds(r.body).size(), numbers.size());
  EXPECT_EQ(AllMatches(r.body, R"(<span class="comment-author">)").size(), numbers.size());
  EXPECT_EQ(AllMatches(r.body, R"(<div class="comment-body">)").size(), numbers.size());
  auto dates = AllMatches(
      r.body, R"(<time class="comment-date"[^>]*>(\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2})</time>)");
  EXPECT_EQ(dates.size(), numbers.size()) << "dates like 25 January 2026 12:40";
}

TEST_F(Pages, CommentPageOneEqualsArticlePage) {
  Response article = Get(port(), busiest_.article.PagePath());
  Response page1 = Get(port(), busiest_.article.CommentsPath(1));
  ASSERT_EQ(article.status, 200);
  // Page 1 may be served directly or redirect to the article page.
  if (page1.status == 301 || page1.status == 308) {
    EXPECT_EQ(LocationPath(page1.Header("Location").value_or("")), busiest_.article.PagePath());
    return;
  }
  ASSERT_EQ(page1.status, 200);
  EXPECT_EQ(CommentIds(page1.body), CommentIds(article.body));
}

TEST_F(Pages, EveryCommentAppearsOnceAcrossPages) {
  std::set<int64_t> ids;
  std::vector<int64_t> numbers;
  for (int64_t page = 1; page <= LastPage(); ++page) {
    Response r = Get(port(), page == 1 ? busiest_.article.PagePath()
                                       : busiest_.article.CommentsPath(static_cast<int>(page)));
    ASSERT_EQ(r.status, 200) << "page " << page;
    auto page_ids = CommentIds(r.body);
    auto page_numbers = CommentNumbers(r.body);
    size_t expected =
        page < LastPage() ? kPerPage : busiest_.comments - (LastPage() - 1) * kPerPage;
    EXPECT_EQ(page_numbers.size(), expected) << "page " << page;
    ids.insert(page_ids.begin(), page_ids.end());
    numbers.insert(numbers.end(), page_numbers.begin(), page_numbers.end());
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(busiest_.comments));
  ASSERT_EQ(numbers.size(), static_cast<size_t>(busiest_.comments));
  for (size_t i = 0; i < numbers.size(); ++i) {
    EXPECT_EQ(numbers[i], busiest_.comments - static_cast<int64_t>(i)) << "position " << i;
  }
}

TEST_F(Pages, PageAfterLastIs404) {
  EXPECT_EQ(Get(port(), busiest_.article.CommentsPath(static_cast<int>(LastPage()) + 1)).status,
            404);
  EXPECT_EQ(Get(port(), busiest_.article.CommentsPath(static_cast<int>(LastPage()))).status, 200);
}

TEST_F(Pages, WrongSlugRedirectsToCanonical) {
  const ArticleRow& a = busiest_.article;
  std::string id = std::to_string(a.id);
  Response r = Get(port(), "/news/" + id + "-not-the-slug.html");
  ASSERT_EQ(r.status, 301);
  EXPECT_EQ(LocationPath(r.Header("Location").value_or("")), a.PagePath());

  Response page = Get(port(), "/news/" + id + "-wrong/comments/page/2");
  ASSERT_EQ(page.status, 301);
  EXPECT_EQ(LocationPath(page.Header("Location").value_or("")), a.CommentsPath(2));
}

TEST_F(Pages, UnknownArticleIs404) {
  EXPECT_EQ(Get(port(), "/news/987654321-no-such-article.html").status, 404);
  EXPECT_EQ(Get(port(), "/news/987654321-no-such-article/comments/page/2").status, 404);
  EXPECT_EQ(Get(port(), "/no/such/page").status, 404);
}

TEST_F(Pages, FirstPageNavigation) {
  Response r = Get(port(), busiest_.article.PagePath());
  ASSERT_EQ(r.status, 200);
  auto nav = FirstMatch(r.body, R"(<nav class="pagination"[^>]*>([\s\S]*?)</nav>)");
  ASSERT_TRUE(nav) << "no <nav class=\"pagination\">";
  EXPECT_NE(nav->find(R"(<span class="current" aria-current="page">1</span>)"), std::string::npos);
  EXPECT_EQ(nav->find("rel=\"prev\""), std::string::npos) << "page 1 has no Back link";
  EXPECT_NE(nav->find("Next"), std::string::npos);
  EXPECT_TRUE(FirstMatch(*nav, "href=\"" + busiest_.article.CommentsPath(2) + "\"[^>]*>2<"))
      << *nav;
  EXPECT_TRUE(FirstMatch(
      r.body, "<link rel=\"next\" href=\"[^\"]*" + busiest_.article.CommentsPath(2) + "\""));
  EXPECT_FALSE(FirstMatch(r.body, R"(<link rel="prev")"));
}

TEST_F(Pages, MiddleAndLastPageNavigation) {
  Response second = Get(port(), busiest_.article.CommentsPath(2));
  ASSERT_EQ(second.status, 200);
  auto nav = FirstMatch(second.body, R"(<nav class="pagination"[^>]*>([\s\S]*?)</nav>)");
  ASSERT_TRUE(nav);
  EXPECT_NE(nav->find(R"(<span class="current" aria-current="page">2</span>)"), std::string::npos);
  EXPECT_TRUE(FirstMatch(*nav, R"(<a [^>]*rel="prev"[^>]*>[^<]*Back)")) << *nav;
  EXPECT_TRUE(FirstMatch(second.body, R"(<link rel="prev" href=")"));

  int last = static_cast<int>(LastPage());
  Response tail = Get(port(), busiest_.article.CommentsPath(last));
  ASSERT_EQ(tail.status, 200);
  auto tail_nav = FirstMatch(tail.body, R"(<nav class="pagination"[^>]*>([\s\S]*?)</nav>)");
  ASSERT_TRUE(tail_nav);
  EXPECT_EQ(tail_nav->find("rel=\"next\""), std::string::npos) << "last page has no Next link";
  EXPECT_FALSE(FirstMatch(tail.body, R"(<link rel="next")"));
  EXPECT_NE(tail_nav->find("<span class=\"current\" aria-current=\"page\">" + std::to_string(last) +
                           "</span>"),
            std::string::npos);
}

TEST_F(Pages, FontSizeStepsAreClampedAndRedirectBack) {
  const std::string back = busiest_.article.PagePath();
  auto step = [&](const std::string& dir, const std::string& cookie) {
    HeaderList headers;
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return Get(port(), "/prefs/font?step=" + dir + "&back=" + PercentEncode(back), headers);
  };
  auto fs_value = [](const Response& r) {
    CookieJar jar;
    jar.Store(r);
    return jar.Get("fs").value_or("(none)");
  };
  Response up = step("up", "");
  ASSERT_EQ(up.status, 303);
  EXPECT_EQ(LocationPath(up.Header("Location").value_or("")), back);
  EXPECT_EQ(fs_value(up), "1");
  EXPECT_EQ(fs_value(step("up", "fs=2")), "3");
  EXPECT_EQ(fs_value(step("up", "fs=3")), "3");
  EXPECT_EQ(fs_value(step("down", "fs=-2")), "-2");
  EXPECT_EQ(fs_value(step("down", "fs=1")), "0");
  Response reset = step("reset", "fs=3");
  ASSERT_EQ(reset.status, 303);
  std::string after_reset = fs_value(reset);
  EXPECT_TRUE(after_reset == "0" || after_reset == "(none)") << after_reset;
}

TEST_F(Pages, FontSizeCookieSetsBodyClass) {
  Response r = Get(port(), busiest_.article.PagePath(), {{"Cookie", "fs=2"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(FirstMatch(r.body, R"(<body[^>]*class="([^"]* )?fs-2( [^"]*)?")"))
      << "no <body class=\"fs-2\">";
  Response plain = Get(port(), busiest_.article.PagePath());
  EXPECT_FALSE(FirstMatch(plain.body, R"(<body[^>]*class="[^"]*fs-2)"));
}

TEST_F(Pages, FontSizeDoesNotRedirectOffSite) {
  Response r = Get(port(), "/prefs/font?step=up&back=" + PercentEncode("https://evil.example/x"));
  if (r.status == 303) {
    std::string location = r.Header("Location").value_or("");
    EXPECT_EQ(location.find("evil.example"), std::string::npos) << location;
  } else {
    EXPECT_EQ(r.status, 400);
  }
}

// The font control writes its "back" parameter into Location. Whatever it
// decodes to, the answer is one 303 to a path on this site with one cookie,
// and the connection's next answer is the next request's.
TEST_F(Pages, FontControlNeverSplitsTheResponseNorLeavesTheSite) {
  const std::string decoded[] = {
      "/x\r\nSet-Cookie: tn=evil; Path=/newsroom/queue",
      "/x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
      "/x\nLocation: https://evil.example/", std::string("/x\0y", 4),
      "/\t/evil.example/", "/\n/evil.example/", "//evil.example/", "/\\evil.example/",
      "\\\\evil.example/", "https://evil.example/", "javascript:alert(1)", "evil.example"};
  std::vector<std::string> targets;
  for (const std::string& back : decoded) {
    targets.push_back("/prefs/font?step=up&back=" + PercentEncode(back));
  }
  // As a browser would send them, unencoded where it may.
  targets.push_back("/prefs/font?step=up&back=/%09/evil.example/");
  targets.push_back("/prefs/font?step=up&back=/%0d%0aSet-Cookie:%20tn=evil");
  targets.push_back("/prefs/font?step=up&back=%2F%5Cevil.example%2F");
  for (const std::string& target : targets) {
    SCOPED_TRACE(target);
    HttpConnection conn(port());
    Response r = conn.Get(target);
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(r.Header("Location").value_or(""), "/");
    std::vector<std::string> cookies = r.AllHeaders("Set-Cookie");
    ASSERT_EQ(cookies.size(), 1u);
    EXPECT_EQ(cookies[0].rfind("fs=1;", 0), 0u) << cookies[0];
    for (const auto& [name, value] : r.headers) {
      EXPECT_EQ(value.find("evil"), std::string::npos) << name << ": " << value;
    }
    Response next = conn.Get("/healthz");
    EXPECT_EQ(next.status, 200);
    EXPECT_EQ(next.body, "ok\n");
  }
}

TEST_F(Pages, FontControlReturnsToThePageItCameFrom) {
  std::string back = busiest_.article.CommentsPath(2) + "?x=1#c5";
  Response r = Get(port(), "/prefs/font?step=down&back=" + PercentEncode(back));
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("Location").value_or(""), back);
}

// Every number in a path or a query is parsed alike: one too large for any
// page or id is a malformed request, never page 1 or a missing page.
TEST_F(Pages, NumbersThatAreNotNumbersOrTooLargeAre400) {
  const ArticleRow& a = busiest_.article;
  const std::string big = "99999999999999999999";
  for (const std::string& target :
       {"/?page=" + big, std::string("/?page=abc"), std::string("/?page=0"),
        std::string("/?page=-1"), std::string("/?page=1.5"), a.PagePath() + "?posted=" + big,
        a.PagePath() + "?posted=x", "/news/" + big + "-x.html", "/news/" + big + "-x/comments.rss",
        a.Base() + "/comments/page/" + big, "/comments/" + big + "/edit",
        "/api/v1/articles?page=" + big, "/api/v1/articles/" + big,
        "/api/v1/articles/" + big + "/comments", "/api/v1/comments/" + big,
        "/api/v1/articles/" + std::to_string(a.id) + "/comments?page=" + big,
        "/api/v1/challenge?article=" + big}) {
    EXPECT_EQ(Get(port(), target).status, 400) << target;
  }
  EXPECT_EQ(Get(port(), "/?page=").status, 200);
  EXPECT_EQ(Get(port(), "/?page=1").status, 200);
}

// One place adds the security headers: every HTML page has a policy that
// allows no inline or foreign script, no sniffing, a referrer policy; other
// responses are not sniffed either; the newsroom keeps its stricter policy.
TEST_F(Pages, EveryHtmlPageCarriesTheSecurityHeadersOnce) {
  const ArticleRow& a = busiest_.article;
  for (const std::string& path : {std::string("/"), a.PagePath(), a.CommentsPath(2),
                                  std::string("/no/such/page"), std::string("/?page=x"),
                                  std::string("/comments/1/edit"), a.PagePath() + "?posted=1"}) {
    SCOPED_TRACE(path);
    Response r = Get(port(), path);
    ASSERT_EQ(r.Header("Content-Type").value_or("").rfind("text/html", 0), 0u);
    std::vector<std::string> csp = r.AllHeaders("Content-Security-Policy");
    ASSERT_EQ(csp.size(), 1u);
    EXPECT_NE(csp[0].find("script-src 'self'"), std::string::npos) << csp[0];
    EXPECT_EQ(csp[0].find("unsafe-eval"), std::string::npos) << csp[0];
    EXPECT_NE(csp[0].find("object-src 'none'"), std::string::npos) << csp[0];
    EXPECT_NE(csp[0].find("frame-ancestors 'self'"), std::string::npos) << csp[0];
    EXPECT_EQ(r.AllHeaders("X-Content-Type-Options"), std::vector<std::string>{"nosniff"});
    EXPECT_EQ(r.AllHeaders("Referrer-Policy"),
              std::vector<std::string>{"strict-origin-when-cross-origin"});
  }
  for (const std::string& path : {std::string("/rss.xml"), std::string("/static/css/site.css"),
                                  std::string("/static/js/comment-form.js"),
                                  std::string("/api/v1/articles"), std::string("/healthz")}) {
    Response r = Get(port(), path);
    EXPECT_EQ(r.AllHeaders("X-Content-Type-Options"), std::vector<std::string>{"nosniff"}) << path;
  }
  Response newsroom = Get(port(), "/newsroom/sign-in");
  std::vector<std::string> csp = newsroom.AllHeaders("Content-Security-Policy");
  ASSERT_EQ(csp.size(), 1u);
  EXPECT_NE(csp[0].find("frame-ancestors 'none'"), std::string::npos) << csp[0];
  EXPECT_EQ(newsroom.AllHeaders("Referrer-Policy"), std::vector<std::string>{"same-origin"});
  EXPECT_EQ(newsroom.AllHeaders("X-Frame-Options"), std::vector<std::string>{"DENY"});
}

// The e-mail addresses of the demo commenters never reach a page.
TEST_F(Pages, NoEmailAddressesOnCommentPages) {
  for (int page = 1; page <= 2; ++page) {
    Response r =
        Get(port(), page == 1 ? busiest_.article.PagePath() : busiest_.article.CommentsPath(page));
    ASSERT_EQ(r.status, 200);
    size_t first = r.body.find("<li class=\"comment\"");
    ASSERT_NE(first, std::string::npos);
    std::string comments = r.body.substr(first, r.body.rfind("</li>") - first);
    auto emails = AllMatches(comments, R"(([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]{2,}))");
    EXPECT_TRUE(emails.empty()) << "page " << page << " shows " << emails.front();
  }
}

// Long ranges collapse into gaps; needs many pages, hence 2 comments a page.
class PaginationGaps : public SharedServerTest<PaginationGaps> {
 public:
  static std::string ConfigToml() { return "[comments]\nper_page = 2\n"; }
  static void PrepareSuite() { busiest_ = FindBusiestArticle(port(), articles()); }

 protected:
  static inline BusiestArticle busiest_;
};

TEST_F(PaginationGaps, FirstPageShowsTenThenGapThenLast) {
  int64_t last = (busiest_.comments + 1) / 2;
  ASSERT_GT(last, 12);
  Response r = Get(port(), busiest_.article.PagePath());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(CommentNumbers(r.body).size(), 2u);
  auto nav = FirstMatch(r.body, R"(<nav class="pagination"[^>]*>([\s\S]*?)</nav>)");
  ASSERT_TRUE(nav);
  for (int p = 2; p <= 10; ++p) {
    EXPECT_NE(nav->find("href=\"" + busiest_.article.CommentsPath(p) + "\""), std::string::npos)
        << "link to page " << p;
  }
  EXPECT_EQ(nav->find("href=\"" + busiest_.article.CommentsPath(11) + "\""), std::string::npos);
  EXPECT_EQ(CountOf(*nav, R"(<span class="gap">…</span>)"), 1u);
  EXPECT_NE(nav->find("href=\"" + busiest_.article.CommentsPath(static_cast<int>(last)) + "\""),
            std::string::npos);
}

TEST_F(PaginationGaps, MiddlePageShowsGapsOnBothSides) {
  int64_t last = (busiest_.comments + 1) / 2;
  ASSERT_GT(last, 20);
  int middle = static_cast<int>(last / 2);
  Response r = Get(port(), busiest_.article.CommentsPath(middle));
  ASSERT_EQ(r.status, 200);
  auto nav = FirstMatch(r.body, R"(<nav class="pagination"[^>]*>([\s\S]*?)</nav>)");
  ASSERT_TRUE(nav);
  EXPECT_EQ(CountOf(*nav, R"(<span class="gap">…</span>)"), 2u) << *nav;
  EXPECT_TRUE(
      FirstMatch(*nav, "href=\"[^\"]*" + std::to_string(busiest_.article.id) + "-[^\"]*\"[^>]*>1<"))
      << "link to page 1";
  EXPECT_NE(nav->find("href=\"" + busiest_.article.CommentsPath(static_cast<int>(last)) + "\""),
            std::string::npos);
  EXPECT_NE(nav->find("href=\"" + busiest_.article.CommentsPath(middle + 1) + "\""),
            std::string::npos);
}

}  // namespace
}  // namespace tribune::itest
