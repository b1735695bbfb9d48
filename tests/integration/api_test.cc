// JSON API v1: listing, paging, the challenge, posting, problem details.
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using nlohmann::json;

class Api : public SharedServerTest<Api> {
 public:
  static std::string ConfigToml() { return PostingConfigToml(); }
  static void PrepareSuite() {
    busiest_ = FindBusiestArticle(port(), articles());
    open_ = AddArticle(server_->db(), work_dir(), "API: open", "Comment via the API.");
    closed_ = AddArticle(server_->db(), work_dir(), "API: closed", "No comments.", true);
    for (const ArticleRow* a : {&open_, &closed_}) {
      if (!WaitForStatus(port(), ApiPath(*a), 200)) {
        throw std::runtime_error("new article never showed in the API: " + ApiPath(*a));
      }
    }
  }

 protected:
  static std::string ApiPath(const ArticleRow& a) {
    return "/api/v1/articles/" + std::to_string(a.id);
  }

  static json GetJson(const std::string& path, int expected_status = 200) {
    Response r = Get(port(), path);
    EXPECT_EQ(r.status, expected_status) << path << "\n" << r.body.substr(0, 1000);
    EXPECT_NE(r.Header("Content-Type").value_or("").find("json"), std::string::npos) << path;
    return json::parse(r.body);
  }

  static Response PostJson(const ArticleRow& a, const std::string& body,
                           const std::string& content_type = "application/json") {
    return Fetch(port(),
                 Request{"POST", ApiPath(a) + "/comments", {{"Content-Type", content_type}}, body});
  }

  // The answer to a fresh challenge: its code and, when the server issues
  // one, the form token the code belongs to.
  static json Proof(const ArticleRow& a) {
    json j = GetJson("/api/v1/challenge?article=" + std::to_string(a.id));
    json proof = {{"code", j.at("code")}};
    if (j.contains("token")) proof["token"] = j["token"];
    return proof;
  }

  static std::string UniqueBody(const std::string& text) {
    static int counter = 0;
    return text + " (api remark " + std::to_string(++counter) + ")";
  }

  // Checks an RFC 9457 problem document and returns it.
  static json ExpectProblem(const Response& r, int status) {
    EXPECT_EQ(r.status, status) << r.body.substr(0, 1000);
    EXPECT_NE(r.Header("Content-Type").value_or("").find("application/problem+json"),
              std::string::npos)
        << r.Header("Content-Type").value_or("(none)");
    json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_TRUE(j.is_object()) << r.body;
    if (!j.is_object()) return j;
    EXPECT_TRUE(j.contains("type") && j["type"].is_string());
    EXPECT_TRUE(j.contains("title") && j["title"].is_string());
    EXPECT_EQ(j.value("status", 0), status);
    EXPECT_TRUE(j.contains("detail") && j["detail"].is_string());
    return j;
  }

  static inline BusiestArticle busiest_;
  static inline ArticleRow open_;
  static inline ArticleRow closed_;
};

TEST_F(Api, ArticlesListHasEveryFieldAndMatchesPages) {
  json j = GetJson("/api/v1/articles");
  ASSERT_TRUE(j["articles"].is_array());
  EXPECT_EQ(j.value("page", 0), 1);
  EXPECT_GE(j.value("pages", 0), 1);
  ASSERT_FALSE(j["articles"].empty());
  bool saw_busiest = false;
  for (const json& a : j["articles"]) {
    for (const char* key : {"slug", "title", "lead", "published_at", "url"}) {
      EXPECT_TRUE(a.contains(key) && a[key].is_string()) << key << " in " << a.dump();
    }
    ASSERT_TRUE(a["id"].is_number_integer()) << a.dump();
    ASSERT_TRUE(a["comment_count"].is_number_integer()) << a.dump();
    std::string path = "/news/" + std::to_string(a["id"].get<int64_t>()) + "-" +
                       a["slug"].get<std::string>() + ".html";
    EXPECT_EQ(LocationPath(a["url"].get<std::string>()), path);
    if (a["id"] == busiest_.article.id) {
      saw_busiest = true;
      EXPECT_EQ(a["comment_count"].get<int64_t>(), busiest_.comments);
      EXPECT_EQ(a["title"].get<std::string>(), busiest_.article.title);
    }
  }
  EXPECT_TRUE(saw_busiest || j.value("pages", 1) > 1);
}

TEST_F(Api, ArticleByIdAndUnknownId) {
  json a = GetJson(ApiPath(busiest_.article));
  EXPECT_EQ(a.value("id", int64_t{0}), busiest_.article.id);
  EXPECT_EQ(a.value("slug", ""), busiest_.article.slug);
  EXPECT_EQ(a.value("comment_count", int64_t{-1}), busiest_.comments);
  ExpectProblem(Get(port(), "/api/v1/articles/987654321"), 404);
}

TEST_F(Api, CommentsArePagedNewestFirstLikeThePage) {
  const std::string base = ApiPath(busiest_.article) + "/comments";
  json p1 = GetJson(base);
  int64_t total = p1.value("total", int64_t{-1});
  EXPECT_EQ(total, busiest_.comments);
  EXPECT_EQ(p1.value("page", 0), 1);
  EXPECT_EQ(p1.value("pages", 0), (total + 19) / 20);
  ASSERT_EQ(p1["comments"].size(), 20u);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < p1["comments"].size(); ++i) {
    const json& c = p1["comments"][i];
    EXPECT_EQ(c.value("number", int64_t{-1}), total - static_cast<int64_t>(i));
    for (const char* key : {"author", "body_html", "body_text", "created_at"}) {
      EXPECT_TRUE(c.contains(key) && c[key].is_string()) << key;
    }
    EXPECT_FALSE(c.contains("email")) << "the API exposes e-mail addresses";
    ids.push_back(c.value("id", int64_t{0}));
  }
  EXPECT_EQ(ids, CommentIds(Get(port(), busiest_.article.PagePath()).body));

  json p2 = GetJson(base + "?page=2");
  EXPECT_EQ(p2.value("page", 0), 2);
  ASSERT_FALSE(p2["comments"].empty());
  EXPECT_EQ(p2["comments"][0].value("number", int64_t{-1}), total - 20);
}

TEST_F(Api, ChallengeIsFourDigits) {
  std::string code = Proof(open_)["code"].get<std::string>();
  EXPECT_TRUE(std::regex_match(code, std::regex(R"(\d{4})"))) << code;
}

TEST_F(Api, PostCreatesComment) {
  json before = GetJson(ApiPath(open_) + "/comments");
  json body = {
      {"author", "API Reader"},
      {"email", "api-secret-9z@example.org"},
      {"body", UniqueBody("Posted through JSON.")},
  };
  body.update(Proof(open_));
  Response r = PostJson(open_, body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_NE(r.Header("Content-Type").value_or("").find("application/json"), std::string::npos);
  ASSERT_TRUE(r.Header("Location")) << "201 without Location";
  json created = json::parse(r.body);
  ASSERT_TRUE(created["id"].is_number_integer());
  ASSERT_TRUE(created["status"].is_string());
  EXPECT_NE(r.Header("Location")->find(std::to_string(created["id"].get<int64_t>())),
            std::string::npos)
      << "Location " << *r.Header("Location") << " does not name the comment";
  EXPECT_EQ(created.value("number", int64_t{-1}), before.value("total", int64_t{-2}) + 1);

  json after = GetJson(ApiPath(open_) + "/comments");
  EXPECT_EQ(after.value("total", int64_t{-1}), before.value("total", int64_t{-2}) + 1);
  EXPECT_EQ(GetJson(ApiPath(open_)).value("comment_count", int64_t{-1}),
            after.value("total", int64_t{-2}));
  ASSERT_FALSE(after["comments"].empty());
  EXPECT_EQ(after["comments"][0]["id"], created["id"]);
  EXPECT_EQ(after.dump().find("api-secret-9z"), std::string::npos);
}

TEST_F(Api, ValidationErrorsAre422Problems) {
  struct Case {
    const char* what;
    json body;
  };
  const std::vector<Case> cases = {
      {"empty author", {{"author", ""}, {"email", "a@example.org"}, {"body", "Hi"}}},
      {"long author",
       {{"author", std::string(61, 'a')}, {"email", "a@example.org"}, {"body", "Hi"}}},
      {"bad e-mail", {{"author", "Ann"}, {"email", "nope"}, {"body", "Hi"}}},
      {"blank body", {{"author", "Ann"}, {"email", "a@example.org"}, {"body", "  \n "}}},
      {"long body",
       {{"author", "Ann"}, {"email", "a@example.org"}, {"body", std::string(5001, 'b')}}},
      {"wrong code", {{"author", "Ann"}, {"email", "a@example.org"}, {"body", "Hi"}}},
  };
  json before = GetJson(ApiPath(open_) + "/comments");
  for (Case c : cases) {
    json proof = Proof(open_);
    if (std::string(c.what) == "wrong code") {
      proof["code"] = proof["code"] == "0000" ? "1111" : "0000";
    }
    c.body.update(proof);
    c.body["body"] = c.body["body"].get<std::string>() +
                     (std::string(c.what) == "blank body" ? "" : UniqueBody(""));
    SCOPED_TRACE(c.what);
    ExpectProblem(PostJson(open_, c.body.dump()), 422);
  }
  json after = GetJson(ApiPath(open_) + "/comments");
  EXPECT_EQ(after.value("total", -1), before.value("total", -2));
}

TEST_F(Api, MalformedJsonIs400) {
  ExpectProblem(PostJson(open_, R"({"author": "Ann", "email": )"), 400);
  ExpectProblem(PostJson(open_, "[1,2,3]"), 400);
  ExpectProblem(PostJson(open_,
                         "{\"author\": \"caf\xC3\x28\", \"email\": \"a@example.org\", "
                         "\"body\": \"x\", \"code\": \"1234\"}"),
                400);
}

TEST_F(Api, WrongContentTypeIs415) {
  json body = {{"author", "Ann"}, {"email", "a@example.org"}, {"body", "x"}, {"code", "1234"}};
  ExpectProblem(PostJson(open_, body.dump(), "text/plain"), 415);
  ExpectProblem(
      PostJson(open_, FormEncode({{"author", "Ann"}}), "application/x-www-form-urlencoded"), 415);
}

TEST_F(Api, UnknownArticleIs404AndClosedIs403) {
  json body = {
      {"author", "Ann"}, {"email", "a@example.org"}, {"body", UniqueBody("x")}, {"code", "1234"}};
  ExpectProblem(PostJson(ArticleRow{987654321, "x", "x"}, body.dump()), 404);
  body.update(Proof(closed_));
  ExpectProblem(PostJson(closed_, body.dump()), 403);
  ExpectProblem(Get(port(), "/api/v1/articles/987654321/comments"), 404);
}

TEST_F(Api, BodyHtmlIsEscapedAndBodyTextIsPlain) {
  json body = {
      {"author", "Esc"},
      {"email", "e@example.org"},
      {"body", UniqueBody("<script>alert(1)</script> [b]strong[/b]")},
  };
  body.update(Proof(open_));
  Response r = PostJson(open_, body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  json page = GetJson(ApiPath(open_) + "/comments");
  ASSERT_FALSE(page["comments"].empty());
  const json& c = page["comments"][0];
  ASSERT_EQ(c["id"], json::parse(r.body)["id"]);
  std::string html = c.value("body_html", "");
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("<b>strong</b>"), std::string::npos) << html;
  std::string text = c.value("body_text", "");
  EXPECT_NE(text.find("strong"), std::string::npos) << text;
  EXPECT_EQ(text.find("[b]"), std::string::npos) << text;
  EXPECT_EQ(text.find("<b>"), std::string::npos) << text;
}

// Readers posting at the same moment still get distinct, gapless numbers.
TEST_F(Api, ConcurrentPostsGetDistinctNumbers) {
  constexpr int kThreads = 6;
  constexpr int kPostsEach = 5;
  ArticleRow target = AddArticle(server_->db(), work_dir(), "API: busy", "Many at once.");
  ASSERT_TRUE(WaitForStatus(port(), ApiPath(target), 200));
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPostsEach; ++i) {
        try {
          Response challenge =
              Get(port(), "/api/v1/challenge?article=" + std::to_string(target.id));
          json body = {
              {"author", "Crowd " + std::to_string(t)},
              {"email", "c@example.org"},
              {"body", "Voice " + std::to_string(t) + "-" + std::to_string(i)},
          };
          json answer = json::parse(challenge.body);
          body["code"] = answer.value("code", "");
          if (answer.contains("token")) body["token"] = answer["token"];
          if (PostJson(target, body.dump()).status == 201) ++created;
        } catch (const std::exception&) {
          // Counted as a missing comment below.
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(created.load(), kThreads * kPostsEach);
  std::vector<int64_t> numbers;
  for (int page = 1; page <= 2; ++page) {
    json j = GetJson(ApiPath(target) + "/comments?page=" + std::to_string(page));
    for (const json& c : j["comments"]) numbers.push_back(c.value("number", int64_t{-1}));
  }
  ASSERT_EQ(numbers.size(), static_cast<size_t>(kThreads * kPostsEach));
  for (size_t i = 0; i < numbers.size(); ++i) {
    EXPECT_EQ(numbers[i], static_cast<int64_t>(numbers.size() - i)) << "position " << i;
  }
}

TEST_F(Api, DuplicatePostReturnsTheSameComment) {
  json body = {{"author", "Twice"}, {"email", "t@example.org"}, {"body", UniqueBody("Again?")}};
  body.update(Proof(open_));
  Response first = PostJson(open_, body.dump());
  body.update(Proof(open_));
  Response second = PostJson(open_, body.dump());
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_LT(second.status, 300) << second.body;
  EXPECT_EQ(json::parse(first.body)["id"], json::parse(second.body)["id"]);
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// A key the operator issued spares an API client the typed code's score;
// a key the site did not issue is refused.
TEST(ApiKeys, AKeySparesTheTypedCodesScoreAndAnUnknownKeyIsRefused) {
  TempDir dir;
  TribuneServer server(dir.path(),
                       OpenConfig() + "[api]\nkeys = [\"newsapp:0123456789abcdef0123\"]\n");
  server.Start();
  ArticleRow a = ListArticles(server.db(), dir.path()).front();
  std::string path = "/api/v1/articles/" + std::to_string(a.id);
  auto post = [&](const std::string& authorization, const std::string& text) {
    json challenge = json::parse(Get(server.port(), "/api/v1/challenge?article=" +
                                                        std::to_string(a.id)).body);
    json body = {{"author", "App Reader"}, {"email", ""}, {"body", text},
                 {"code", challenge.at("code")}};
    if (challenge.contains("token")) body["token"] = challenge["token"];
    Request r{"POST", path + "/comments", {{"Content-Type", "application/json"}}, body.dump()};
    if (!authorization.empty()) r.headers.emplace_back("Authorization", authorization);
    return Fetch(server.port(), r);
  };
  Response keyed = post("Bearer 0123456789abcdef0123", "A remark sent by the newsroom's app.");
  ASSERT_EQ(keyed.status, 201) << keyed.body;
  json with_key = Explain(server, dir.path(), json::parse(keyed.body)["id"].get<int64_t>());
  EXPECT_TRUE(HasReason(with_key, "API_KEY")) << with_key.dump();
  EXPECT_FALSE(HasReason(with_key, "CODE_TYPED")) << with_key.dump();

  Response typed = post("", "A remark typed by a reader without JavaScript.");
  ASSERT_EQ(typed.status, 201) << typed.body;
  json without = Explain(server, dir.path(), json::parse(typed.body)["id"].get<int64_t>());
  EXPECT_TRUE(HasReason(without, "CODE_TYPED")) << without.dump();
  EXPECT_GT(without.value("score", 0.0), with_key.value("score", 0.0))
      << "the typed code must score above the same post with a key";

  Response unknown = post("Bearer this-key-was-never-issued-here", "A remark with a stolen key.");
  EXPECT_EQ(unknown.status, 401) << unknown.body;
  server.Stop();
}

}  // namespace
}  // namespace tribune::itest
