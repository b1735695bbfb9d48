// HTTP as API clients expect it: 405 with Allow on every known path, OPTIONS,
// problem documents for the server's own errors on API paths, listings past
// their end, validators and gzip on reads (a distinct ETag per coding), and
// CORS for reads only when configured.
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using nlohmann::json;

bool IsProblem(const Response& r) {
  return r.Header("Content-Type").value_or("").rfind("application/problem+json", 0) == 0 &&
         json::parse(r.body, nullptr, false).is_object();
}

class ApiProtocol : public SharedServerTest<ApiProtocol> {
 public:
  static void PrepareSuite() { busiest_ = FindBusiestArticle(port(), articles()); }

 protected:
  static std::string ApiArticle() {
    return "/api/v1/articles/" + std::to_string(busiest_.article.id);
  }
  static inline BusiestArticle busiest_;
};

TEST_F(ApiProtocol, AWrongMethodOnAKnownPathIs405WithAllow) {
  const ArticleRow& a = busiest_.article;
  struct Case {
    std::string method, path, allow;
  };
  const std::vector<Case> cases = {
      {"POST", "/", "GET, HEAD, OPTIONS"},
      {"DELETE", "/rss.xml", "GET, HEAD, OPTIONS"},
      {"POST", "/healthz", "GET, HEAD, OPTIONS"},
      {"PUT", "/static/css/site.css", "GET, HEAD, OPTIONS"},
      {"POST", "/prefs/font", "GET, HEAD, OPTIONS"},
      {"POST", "/go", "GET, HEAD, OPTIONS"},
      {"POST", a.PagePath(), "GET, HEAD, OPTIONS"},
      {"POST", a.CommentsPath(2), "GET, HEAD, OPTIONS"},
      {"GET", a.PostPath(), "POST, OPTIONS"},
      {"PATCH", a.Base() + "/comments.rss", "GET, HEAD, OPTIONS"},
      {"DELETE", "/comments/1/edit", "GET, HEAD, POST, OPTIONS"},
      {"POST", "/newsroom/queue", "GET, HEAD, OPTIONS"},
      {"GET", "/newsroom/sign-out", "POST, OPTIONS"},
      {"GET", "/newsroom/comments/1", "POST, OPTIONS"},
      {"POST", "/api/v1/articles", "GET, HEAD, OPTIONS"},
      {"DELETE", ApiArticle(), "GET, HEAD, OPTIONS"},
      {"PUT", ApiArticle() + "/comments", "GET, HEAD, POST, OPTIONS"},
      {"POST", "/api/v1/comments/1", "GET, HEAD, PUT, PATCH, OPTIONS"},
      {"POST", "/api/v1/challenge", "GET, HEAD, OPTIONS"},
      {"POST", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.method + " " + c.path);
    Response r = Fetch(port(), Request{c.method, c.path, {}, ""});
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(r.Header("Allow").value_or("(none)"), c.allow);
    if (c.path.rfind("/api/", 0) == 0) {
      EXPECT_TRUE(IsProblem(r)) << r.body;
    }
  }
}

TEST_F(ApiProtocol, OptionsOnAKnownPathListsItsMethods) {
  for (const std::string& path : {std::string("/"), ApiArticle() + "/comments"}) {
    Response r = Fetch(port(), Request{"OPTIONS", path, {}, ""});
    EXPECT_EQ(r.status, 204) << path;
    EXPECT_TRUE(r.Header("Allow")) << path;
    EXPECT_FALSE(r.Header("Access-Control-Allow-Origin")) << "CORS is off by default";
  }
  EXPECT_EQ(Fetch(port(), Request{"OPTIONS", "/no/such/page", {}, ""}).status, 404);
}

TEST_F(ApiProtocol, UnknownApiPathsAreProblems) {
  for (std::string path : {"/api/v1/nothing", "/api/v2/articles", "/api/"}) {
    Response r = Get(port(), path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_TRUE(IsProblem(r)) << path << ": " << r.body;
  }
}

TEST_F(ApiProtocol, AnOversizedBodyIsAProblem413OnApiPaths) {
  std::string big(70 * 1024, 'x');
  Response api = Fetch(
      port(),
      Request{"POST", ApiArticle() + "/comments", {{"Content-Type", "application/json"}}, big});
  EXPECT_EQ(api.status, 413);
  EXPECT_TRUE(IsProblem(api)) << api.Header("Content-Type").value_or("") << " " << api.body;
  Response page = Fetch(port(), Request{"POST",
                                        busiest_.article.PostPath(),
                                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                                        big});
  EXPECT_EQ(page.status, 413);
  EXPECT_FALSE(IsProblem(page));
}

TEST_F(ApiProtocol, AChallengeForAMissingArticleIs404) {
  Response r = Get(port(), "/api/v1/challenge?article=987654321");
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(IsProblem(r)) << r.body;
}

// A listing has page 1 however short; past its last page it is 404, as the
// site's front page and comment pages are.
TEST_F(ApiProtocol, ListingsPastTheirEndAre404LikeCommentPages) {
  json first = json::parse(Get(port(), "/api/v1/articles").body);
  int64_t pages = first.at("pages").get<int64_t>();
  Response past = Get(port(), "/api/v1/articles?page=" + std::to_string(pages + 1));
  EXPECT_EQ(past.status, 404);
  EXPECT_TRUE(IsProblem(past));
  EXPECT_EQ(Get(port(), "/?page=" + std::to_string(pages + 1)).status, 404);

  int64_t comment_pages = (busiest_.comments + 19) / 20;
  std::string next = std::to_string(comment_pages + 1);
  EXPECT_EQ(Get(port(), ApiArticle() + "/comments?page=" + next).status, 404);
  EXPECT_EQ(Get(port(), busiest_.article.CommentsPath(comment_pages + 1)).status, 404);
  EXPECT_EQ(Get(port(), ApiArticle() + "/comments?page=" + std::to_string(comment_pages)).status,
            200);
}

// Each coding of a body is its own representation with its own ETag; a
// validator of one never gets a 304 for the other.
void ExpectDistinctTagsPerCoding(int port, const std::string& path) {
  SCOPED_TRACE(path);
  Response gz = Get(port, path, {{"Accept-Encoding", "gzip"}});
  Response plain = Get(port, path);
  ASSERT_EQ(gz.status, 200);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(gz.Header("Content-Encoding").value_or(""), "gzip");
  EXPECT_FALSE(plain.Header("Content-Encoding"));
  EXPECT_EQ(gz.DecodedBody(), plain.body);
  std::string gz_tag = gz.Header("ETag").value_or(""),
              plain_tag = plain.Header("ETag").value_or("");
  ASSERT_FALSE(gz_tag.empty());
  ASSERT_FALSE(plain_tag.empty());
  EXPECT_NE(gz_tag, plain_tag);
  EXPECT_NE(gz.Header("Vary").value_or("").find("Accept-Encoding"), std::string::npos);
  auto status_with = [&](const std::string& inm, bool gzip) {
    HeaderList h = {{"If-None-Match", inm}};
    if (gzip) h.emplace_back("Accept-Encoding", "gzip");
    return Get(port, path, h).status;
  };
  EXPECT_EQ(status_with(gz_tag, true), 304);
  EXPECT_EQ(status_with(plain_tag, false), 304);
  EXPECT_EQ(status_with(plain_tag, true), 200);
  EXPECT_EQ(status_with(gz_tag, false), 200);
  EXPECT_EQ(status_with("\"other\", " + gz_tag, true), 304);
  EXPECT_EQ(status_with("W/" + plain_tag, false), 304);
  EXPECT_EQ(status_with("*", false), 304);
}

TEST_F(ApiProtocol, ReadsAndCachedPagesHaveOneEtagPerCoding) {
  for (const std::string& path :
       {std::string("/api/v1/articles"), ApiArticle(), ApiArticle() + "/comments",
        std::string("/rss.xml"), std::string("/"), std::string("/static/css/site.css"),
        std::string("/api/v1/openapi.json")}) {
    ExpectDistinctTagsPerCoding(port(), path);
  }
}

// Last-Modified is sent once the second the page was built in is over (a
// newer version could still appear within it).
TEST_F(ApiProtocol, FeedsAndPagesHonourIfModifiedSince) {
  std::string modified;
  for (int i = 0; i < 30 && modified.empty(); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    modified = Get(port(), "/rss.xml").Header("Last-Modified").value_or("");
  }
  ASSERT_FALSE(modified.empty());
  EXPECT_EQ(Get(port(), "/rss.xml", {{"If-Modified-Since", modified}}).status, 304);
  EXPECT_EQ(
      Get(port(), "/rss.xml", {{"If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"}}).status,
      200);
  // If-None-Match, when sent, decides alone.
  EXPECT_EQ(
      Get(port(), "/rss.xml", {{"If-Modified-Since", modified}, {"If-None-Match", "\"x\""}}).status,
      200);
}

// A page holding a per-request form token has no validator to send.
TEST_F(ApiProtocol, PagesWithAFormTokenHaveNoValidator) {
  Response r = Get(port(), busiest_.article.PagePath());
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(r.Header("ETag"));
  EXPECT_FALSE(r.Header("Last-Modified"));
}

// Reads may be shared with listed origins; posting, editing and the
// challenge never are.
class Cors : public SharedServerTest<Cors> {
 public:
  static std::string ConfigToml() {
    return "[api]\ncors_origins = [\"https://reader.example\", \"http://localhost:3000\"]\n";
  }
  static void PrepareSuite() { article_ = "/api/v1/articles/" + std::to_string(articles()[0].id); }

 protected:
  static Response Preflight(const std::string& path, const std::string& origin,
                            const std::string& method, const std::string& headers = "") {
    HeaderList h = {{"Origin", origin}, {"Access-Control-Request-Method", method}};
    if (!headers.empty()) h.emplace_back("Access-Control-Request-Headers", headers);
    return Fetch(port(), Request{"OPTIONS", path, h, ""});
  }
  static inline std::string article_;
};

TEST_F(Cors, AListedOriginMayReadAndOthersMayNot) {
  for (const std::string& path : {std::string("/api/v1/articles"), article_, article_ + "/comments",
                                  std::string("/api/v1/openapi.json"), article_ + "99"}) {
    SCOPED_TRACE(path);
    Response ok = Get(port(), path, {{"Origin", "https://reader.example"}});
    EXPECT_EQ(ok.Header("Access-Control-Allow-Origin").value_or(""), "https://reader.example");
    EXPECT_NE(ok.Header("Access-Control-Expose-Headers").value_or("").find("ETag"),
              std::string::npos);
    bool varies = false;
    for (const std::string& v : ok.AllHeaders("Vary")) varies |= v.find("Origin") != v.npos;
    EXPECT_TRUE(varies);
    Response other = Get(port(), path, {{"Origin", "https://evil.example"}});
    EXPECT_FALSE(other.Header("Access-Control-Allow-Origin"));
  }
}

TEST_F(Cors, PreflightAllowsReadsOnly) {
  Response get = Preflight(article_ + "/comments", "http://localhost:3000", "GET", "If-None-Match");
  EXPECT_EQ(get.status, 204);
  EXPECT_EQ(get.Header("Access-Control-Allow-Origin").value_or(""), "http://localhost:3000");
  EXPECT_EQ(get.Header("Access-Control-Allow-Methods").value_or(""), "GET, HEAD");
  EXPECT_TRUE(get.Header("Access-Control-Max-Age"));
  for (const Response& refused :
       {Preflight(article_ + "/comments", "http://localhost:3000", "POST", "Content-Type"),
        Preflight("/api/v1/comments/1", "https://reader.example", "PUT"),
        Preflight(article_, "https://reader.example", "GET", "X-Custom"),
        Preflight(article_, "https://evil.example", "GET"),
        Preflight("/api/v1/challenge", "https://reader.example", "GET"),
        Preflight("/", "https://reader.example", "GET")}) {
    EXPECT_EQ(refused.status, 204);
    EXPECT_FALSE(refused.Header("Access-Control-Allow-Origin"));
    EXPECT_FALSE(refused.Header("Access-Control-Allow-Methods"));
  }
  Response post = Fetch(
      port(), Request{"POST",
                      article_ + "/comments",
                      {{"Origin", "https://reader.example"}, {"Content-Type", "application/json"}},
                      "{}"});
  EXPECT_FALSE(post.Header("Access-Control-Allow-Origin"));
}

}  // namespace
}  // namespace tribune::itest
