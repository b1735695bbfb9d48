// What operators ask a running node: /readyz, /metrics (closed to the
// public), request ids, JSON logs, and the reader's address behind a proxy.
#include <nlohmann/json.hpp>

#include <chrono>
#include <sstream>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

TEST(Operations, ReadyzAndMetricsFromTheOperatorsAddress) {
  TempDir dir;
  TribuneServer server(dir.path(), PostingConfigToml());
  server.Start();
  Response ready = Get(server.port(), "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  ASSERT_EQ(Get(server.port(), article.PagePath()).status, 200);
  ASSERT_EQ(PostCommentForm(server.port(), article, {}).status, 303);
  // A request is counted once its answer is written, which the client may
  // see a moment before the server does: asked again until it shows.
  Response m;
  for (int i = 0; i < 50; ++i) {
    m = Get(server.port(), "/metrics");  // from 127.0.0.1: allowed by default
    if (m.body.find("route=\"comment_post\",status=\"303\"") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_NE(m.Header("Content-Type").value_or("").find("text/plain; version=0.0.4"),
            std::string::npos);
  for (const char* line : {
           "tribune_http_requests_total{route=\"article\",status=\"200\"}",
           "tribune_http_requests_total{route=\"comment_post\",status=\"303\"} 1",
           "tribune_http_request_duration_seconds_bucket{route=\"article\",le=\"+Inf\"}",
           "tribune_comments_stored_total{status=\"published\"} 1",
           "tribune_moderation_queue 0",
           "tribune_page_cache_hits_total",
           "tribune_db_pool_connections 4",
           "# TYPE tribune_spam_check_seconds histogram",
       }) {
    EXPECT_NE(m.body.find(line), std::string::npos) << line << "\n" << m.body.substr(0, 3000);
  }
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

TEST(Operations, MetricsAreClosedToOthersAndOpenToTheToken) {
  TempDir dir;
  TribuneServer server(dir.path(),
                       "[ops]\nmetrics_allow = []\nmetrics_token = \"a-long-operator-token-1234\"\n");
  server.Start();
  EXPECT_EQ(Get(server.port(), "/metrics").status, 403);
  EXPECT_EQ(Get(server.port(), "/metrics", {{"Authorization", "Bearer wrong-token-but-long"}}).status,
            403);
  Response ok =
      Get(server.port(), "/metrics", {{"Authorization", "Bearer a-long-operator-token-1234"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("tribune_http_requests_total"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(Operations, EveryResponseCarriesARequestIdAndJsonLogsCarryItToo) {
  TempDir dir;
  TribuneServer server(dir.path(), "[log]\nformat = \"json\"\n");
  server.Start();
  Response mine = Get(server.port(), "/no-such-page", {{"X-Request-Id", "trace-42.a_b"}});
  EXPECT_EQ(mine.status, 404);
  EXPECT_EQ(mine.Header("X-Request-Id").value_or(""), "trace-42.a_b");
  Response made = Get(server.port(), "/", {{"X-Request-Id", "not ok\" {}"}});
  std::string id = made.Header("X-Request-Id").value_or("");
  EXPECT_EQ(id.size(), 16u) << id;  // refused as given: one of the server's own
  EXPECT_EQ(server.Stop(), 0);
  // Every line of the log is a JSON object; the access lines name the ids.
  std::istringstream lines(ReadFile(dir.path() / "server.out") + ReadFile(dir.path() / "server.err"));
  std::string line;
  int objects = 0;
  bool saw_mine = false, saw_made = false;
  while (std::getline(lines, line)) {
    if (line.empty() || line.rfind("===", 0) == 0) continue;  // the harness's start markers
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ++objects;
    std::string rid = j.contains("request_id") && j["request_id"].is_string() ? j["request_id"].get<std::string>() : "";
    if (rid == "trace-42.a_b" && j.value("status", 0) == 404) saw_mine = true;
    if (rid == id && j.value("target", "") == "/") saw_made = true;
  }
  EXPECT_GE(objects, 3);
  EXPECT_TRUE(saw_mine);
  EXPECT_TRUE(saw_made);
}

// Behind a proxy it trusts, the reader's address is the one the proxy
// names: limits are counted per reader, not per proxy. From anyone else the
// header is ignored.
TEST(Operations, TheReadersAddressComesFromATrustedProxyOnly) {
  TempDir dir;
  std::string config = PostingConfigToml();
  config.replace(config.find("per_prefix_per_minute = 100000.0"),
                 std::string("per_prefix_per_minute = 100000.0").size(),
                 "per_prefix_per_minute = 1.0");
  TribuneServer behind(dir.path(), "[server]\ntrusted_proxies = [\"127.0.0.1\"]\n" + config);
  behind.Start();
  ArticleRow article = ListArticles(behind.db(), dir.path()).front();
  auto post_from = [&](TribuneServer& s, const std::string& forwarded, int n) {
    // The form as the reader behind the proxy gets it (its token is theirs).
    Response page = Get(s.port(), article.PagePath(), {{"X-Forwarded-For", forwarded}});
    HeaderList fields = BrowserFormFields(page.body);
    fields.emplace_back("code", ChallengeCode(page.body).value_or(""));
    CommentInput input;
    input.name = "Reader " + std::to_string(n);
    input.body = "Comment " + std::to_string(n) + " through the proxy.";
    fields.emplace_back("name", input.name);
    fields.emplace_back("email", input.email);
    fields.emplace_back("body", input.body);
    return Fetch(s.port(), {"POST", article.PostPath(),
                            {{"Content-Type", "application/x-www-form-urlencoded"},
                             {"X-Forwarded-For", forwarded}},
                            FormEncode(fields)});
  };
  EXPECT_EQ(post_from(behind, "203.0.113.7", 1).status, 303);
  EXPECT_EQ(post_from(behind, "198.51.100.9", 2).status, 303);  // another reader
  EXPECT_EQ(post_from(behind, "203.0.113.8", 3).status, 429);   // the first one's /24 again
  // A reader cannot pick an address by sending the header themselves.
  EXPECT_EQ(post_from(behind, "192.0.2.1, 203.0.113.7", 4).status, 429);
  EXPECT_EQ(behind.Stop(), 0);

  TempDir dir2;
  TribuneServer direct(dir2.path(), config);  // trusts no proxy
  direct.Start();
  article = ListArticles(direct.db(), dir2.path()).front();
  EXPECT_EQ(post_from(direct, "203.0.113.7", 1).status, 303);
  EXPECT_EQ(post_from(direct, "198.51.100.9", 2).status, 429);  // all from 127.0.0.1
  EXPECT_EQ(direct.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
