// No database or Redis call on an event loop: every kind of request a node
// answers (pages built and cached, feeds, the form's fields, posting, the
// API, the newsroom, /readyz and /metrics) is driven, then the node's own
// count of blocking calls made on event-loop threads must be zero. The same
// drive with `[storage] workers = 0` shows the count is real: there, every
// page build calls the database on the loop.
#include <chrono>
#include <cstdlib>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

// The value of the counter of blocking calls of `kind` on event loops.
double BlockingCalls(int port, const std::string& kind) {
  Response m = Get(port, "/metrics");
  EXPECT_EQ(m.status, 200) << m.body.substr(0, 300);
  std::string line = "tribune_blocking_calls_on_event_loop_total{kind=\"" + kind + "\"} ";
  size_t at = m.body.find(line);
  if (at == std::string::npos) {
    ADD_FAILURE() << "no " << line << " in\n" << m.body.substr(0, 2000);
    return -1;
  }
  return std::strtod(m.body.c_str() + at + line.size(), nullptr);
}

// Asks for every kind of page and action once, checking each answer.
void DriveEverything(TribuneServer& server, const std::filesystem::path& work_dir) {
  int port = server.port();
  std::vector<ArticleRow> articles = ListArticles(server.db(), work_dir);
  ASSERT_FALSE(articles.empty());
  const ArticleRow& a = articles.front();
  for (const std::string& path :
       {std::string("/"), std::string("/?page=1"), std::string("/rss.xml"), a.PagePath(),
        a.CommentsPath(1), a.Base() + "/comments.rss", a.Base() + "/form-fields",
        std::string("/readyz"), std::string("/api/v1/articles"),
        "/api/v1/articles/" + std::to_string(a.id),
        "/api/v1/articles/" + std::to_string(a.id) + "/comments",
        "/api/v1/challenge?article=" + std::to_string(a.id)}) {
    Response r = Get(port, path);
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body.substr(0, 300);
  }
  CommentInput input;
  input.name = "Loop Reader";
  input.body = "A comment posted while counting the event loop's database calls.";
  Response posted = PostCommentForm(port, a, input);
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 500);
  int64_t id = PostedId(posted);
  EXPECT_EQ(Get(port, a.PagePath() + "?posted=" + std::to_string(id)).status, 200);
  EXPECT_EQ(Get(port, "/comments/" + std::to_string(id) + "/report").status, 200);
  EXPECT_EQ(Get(port, a.PagePath()).status, 200);  // rebuilt after the comment

  std::string password = AddStaff(server.db(), work_dir, "loopwatch");
  Response signed_in = Fetch(port, {"POST", "/newsroom/sign-in", kForm,
                                    FormEncode({{"name", "loopwatch"}, {"password", password}})});
  ASSERT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 300);
  CookieJar jar;
  jar.Store(signed_in);
  for (const char* path : {"/newsroom/queue", "/newsroom/search?q=comment", "/newsroom/dashboard",
                           "/newsroom/audit"}) {
    Response r = Get(port, path, {{"Cookie", jar.HeaderValue()}});
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body.substr(0, 300);
  }
}

TEST(EventLoop, NoDatabaseCallIsMadeOnAnEventLoop) {
  TempDir dir;
  TribuneServer server(dir.path(), PostingConfigToml());
  server.Start();
  DriveEverything(server, dir.path());
  EXPECT_EQ(BlockingCalls(server.port(), "database"), 0) << server.Logs();
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

TEST(EventLoop, WithoutWorkersTheCountShowsTheCallsOnTheLoop) {
  TempDir dir;
  TribuneServer server(dir.path(), PostingConfigToml() + "[storage]\nworkers = 0\n");
  server.Start();
  DriveEverything(server, dir.path());
  EXPECT_GT(BlockingCalls(server.port(), "database"), 10) << server.Logs();
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

// PostgreSQL and Redis, with the forms' counters in Redis: still nothing on
// the loops, the pages whose form fields ask Redis included.
// (With no workers, both counts show the calls the loops would make.)
TEST(EventLoopShared, NoDatabaseOrRedisCallIsMadeOnAnEventLoop) {
  const char* redis = std::getenv("TRIBUNE_TEST_REDIS");
  ASSERT_TRUE(redis && *redis) << "TRIBUNE_TEST_REDIS is not set: run through ctest";
  for (int workers : {4, 0}) {
    SCOPED_TRACE("workers = " + std::to_string(workers));
    TempDir dir;
    TribuneServer server(dir.path(), PostingConfigToml() + "[redis]\nurl = \"" + redis +
                                         "\"\nprefix = \"loop:\"\n[storage]\nworkers = " +
                                         std::to_string(workers) + "\n");
    server.UseDatabase(FreshPostgresDatabase(TestPostgresServer(), "loop_test"));
    server.Start();
    DriveEverything(server, dir.path());
    int port = server.port();
    if (workers > 0) {
      EXPECT_EQ(BlockingCalls(port, "database"), 0) << server.Logs();
      EXPECT_EQ(BlockingCalls(port, "redis"), 0) << server.Logs();
    } else {
      EXPECT_GT(BlockingCalls(port, "database"), 10) << server.Logs();
      EXPECT_GT(BlockingCalls(port, "redis"), 2) << server.Logs();
    }
    EXPECT_EQ(server.Stop(), 0) << server.Logs();
  }
}

}  // namespace
}  // namespace tribune::itest
