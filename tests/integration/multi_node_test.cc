// Several `tribune serve` nodes sharing one PostgreSQL database, as behind a
// load balancer: what one node stores, the others show; a form token spent
// on one is spent on all; a node restarted, or the database server restarted,
// loses no acknowledged comment. The server comes from TRIBUNE_TEST_POSTGRES
// (ctest starts one: scripts/test-postgres.sh); the restart test starts a
// private one of its own, so that no other test sees it go away.
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using Clock = std::chrono::steady_clock;

std::string FreshDatabase(const std::string& server_url) {
  return FreshPostgresDatabase(server_url, "node_test");
}

std::string SharedServer() { return TestPostgresServer(); }

int64_t CountOn(int port, const ArticleRow& article) {
  Response page = Get(port, article.PagePath());
  return page.status == 200 ? CommentsCount(page.body) : -1;
}

// Two nodes on one database, both started (the first writes the demo site).
struct TwoNodes {
  TempDir dir_a, dir_b;
  TribuneServer a{dir_a.path(), PostingConfigToml()}, b{dir_b.path(), PostingConfigToml()};
  std::string db;
  std::vector<ArticleRow> articles;
  explicit TwoNodes(std::string database) : db(std::move(database)) {
    a.UseDatabase(db);
    b.UseDatabase(db);
    a.Start();
    b.Start();
    articles = ListArticles(db, dir_a.path());
  }
};

TEST(MultiNode, ACommentPostedOnOneNodeShowsOnTheOthersNextPageView) {
  TwoNodes nodes(FreshDatabase(SharedServer()));
  const ArticleRow& article = nodes.articles.front();
  int64_t before = CountOn(nodes.b.port(), article);  // now in B's page cache
  ASSERT_GE(before, 0);
  ASSERT_EQ(CountOn(nodes.b.port(), article), before);
  CommentInput input;
  input.body = "Posted through node A, read through node B.";
  Response posted = PostCommentForm(nodes.a.port(), article, input);
  ASSERT_EQ(posted.status, 303) << posted.body;
  // B hears of it by PostgreSQL's NOTIFY, delivered at commit: well within a
  // second here, and its next page views show it.
  auto deadline = Clock::now() + std::chrono::seconds(2);
  std::string page;
  while (Clock::now() < deadline) {
    page = Get(nodes.b.port(), article.PagePath()).body;
    if (CommentsCount(page) == before + 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(CommentsCount(page), before + 1);
  EXPECT_NE(page.find(input.body), std::string::npos);
  // The front page's counts too.
  EXPECT_NE(Get(nodes.b.port(), "/").body.find(article.title), std::string::npos);
}

TEST(MultiNode, AFormTokenSpentOnOneNodeIsSpentOnTheOther) {
  TwoNodes nodes(FreshDatabase(SharedServer()));
  const ArticleRow& article = nodes.articles.front();
  HeaderList fields = FreshFormFields(nodes.a.port(), article);
  CommentInput input;
  input.body = "Sent once through A, replayed through B.";
  Response first = PostForm(nodes.a.port(), article, fields, input);
  ASSERT_EQ(first.status, 303) << first.body;
  int64_t count = CountOn(nodes.a.port(), article);
  input.body = "A different text under the same token.";
  Response replay = PostForm(nodes.b.port(), article, fields, input);
  // Refused as a replay: at most it leads back to the first comment.
  if (replay.status == 303) EXPECT_EQ(PostedId(replay), PostedId(first));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(CountOn(nodes.b.port(), article), count);
  EXPECT_EQ(Get(nodes.b.port(), article.PagePath()).body.find(input.body), std::string::npos);
}

// Comments posted through A while B is killed and started again: every one
// A acknowledged is there, and B shows them all once it is back.
TEST(MultiNode, RestartingOneNodeLosesNothingPostedThroughTheOther) {
  TwoNodes nodes(FreshDatabase(SharedServer()));
  const ArticleRow& article = nodes.articles.front();
  int64_t before = CountOn(nodes.a.port(), article);
  std::atomic<int> acknowledged{0};
  std::thread poster([&] {
    for (int i = 0; i < 30; ++i) {
      CommentInput input;
      input.name = "Poster " + std::to_string(i);
      input.body = "Comment " + std::to_string(i) + " while node B restarts.";
      if (PostCommentForm(nodes.a.port(), article, input).status == 303) ++acknowledged;
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  nodes.b.Kill();
  nodes.b.Start();
  poster.join();
  EXPECT_EQ(acknowledged.load(), 30);
  EXPECT_EQ(CountOn(nodes.b.port(), article), before + acknowledged.load());
  EXPECT_EQ(CountOn(nodes.a.port(), article), before + acknowledged.load());
}

// The database server restarted under load: requests in between get 503
// with Retry-After (never a hang), the node reconnects by itself, and every
// comment it acknowledged is there afterwards.
TEST(PostgresRestart, NodesReconnectAndLoseNoAcknowledgedComment) {
  std::string script = std::string(TRIBUNE_SOURCE_DIR) + "/scripts/test-postgres.sh";
  std::string env = "TRIBUNE_TEST_PG_PORT=55439 ";
  Shell(env + script + " start 2>&1");
  struct Stop {
    std::string cmd;
    ~Stop() { std::system(cmd.c_str()); }
  } stop{env + script + " stop >/dev/null 2>&1"};
  std::string db = FreshDatabase(Shell(env + script + " url"));
  TempDir dir;
  TribuneServer node(dir.path(), PostingConfigToml());
  node.UseDatabase(db);
  node.Start();
  ArticleRow article = ListArticles(db, dir.path()).front();
  int64_t before = CountOn(node.port(), article);

  std::atomic<bool> done{false};
  std::atomic<int> acknowledged{0}, unavailable{0}, other{0};
  std::atomic<int64_t> slowest_ms{0};
  std::string odd;
  std::thread poster([&] {
    // Until the restart is over and at least 20 went through (before it or
    // after), for at most a minute: bounded by time, not by attempts, since
    // refusals are quick and a loaded machine reconnects slowly.
    auto deadline = Clock::now() + std::chrono::seconds(60);
    for (int i = 0; (!done || acknowledged < 20) && Clock::now() < deadline; ++i) {
      CommentInput input;
      input.name = "Reader " + std::to_string(i);
      input.body = "Comment " + std::to_string(i) + " while the database restarts.";
      auto t0 = Clock::now();
      Response r;
      try {
        r = PostCommentForm(node.port(), article, input);
      } catch (const std::runtime_error& e) {
        // The form's page itself was refused: the helper throws on anything but 200.
        r.status = std::string(e.what()).find("answered 503") != std::string::npos ? 503 : 0;
        r.body = e.what();
        if (r.status == 503) {
          ++unavailable;
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
          continue;
        }
      }
      int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
      slowest_ms = std::max<int64_t>(slowest_ms, ms);
      if (r.status == 303) {
        ++acknowledged;
      } else if (r.status == 503) {
        ++unavailable;
        EXPECT_TRUE(r.Header("Retry-After").has_value());
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      } else {
        if (other++ == 0) odd = std::to_string(r.status) + " " + r.body.substr(0, 300);
      }
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Shell(env + script + " restart 2>&1");
  done = true;
  poster.join();
  std::cerr << "during the restart: " << acknowledged << " acknowledged, " << unavailable
            << " refused with 503, slowest " << slowest_ms << " ms\n";
  EXPECT_EQ(other.load(), 0) << odd;
  EXPECT_LT(slowest_ms.load(), 10000);
  EXPECT_GE(acknowledged.load(), 20);
  // Back without restarting Tribune: one more goes through, and all are there.
  CommentInput after;
  after.body = "After the restart.";
  ASSERT_EQ(PostCommentForm(node.port(), article, after).status, 303) << node.Logs();
  EXPECT_EQ(CountOn(node.port(), article), before + acknowledged.load() + 1);
  EXPECT_EQ(node.Stop(), 0) << node.Logs();
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// Nodes sharing PostgreSQL and Redis: a limit of four comments a minute from
// one network, and an event weighing two while Redis is away.
std::string SharedLimitsConfig(const std::string& redis_url, const std::string& prefix) {
  return "[comments]\nmin_seconds = 0\n"
         "[limits]\nper_prefix_per_minute = 4.0\nper_email_per_minute = 1000.0\n"
         "per_name_per_minute = 1000.0\nper_article_per_minute = 1000.0\n"
         "[spam]\nenabled = false\n"
         "[redis]\nurl = \"" + redis_url + "\"\nprefix = \"" + prefix + "\"\nnodes = 2\n";
}

std::string SharedRedis() {
  const char* url = std::getenv("TRIBUNE_TEST_REDIS");
  if (!url || !*url) throw std::runtime_error("TRIBUNE_TEST_REDIS is not set: run through ctest");
  return url;
}

// How many of `n` posts, alternating between the nodes, were accepted
// before the first 429.
int AcceptedAlternating(TribuneServer& a, TribuneServer& b, const ArticleRow& article, int n) {
  for (int i = 0; i < n; ++i) {
    CommentInput input;
    input.name = "Alternating " + std::to_string(i);
    input.body = "Comment number " + std::to_string(i) + " from one network.";
    Response r = PostCommentForm(i % 2 ? b.port() : a.port(), article, input);
    if (r.status == 429) return i;
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 300);
  }
  return n;
}

struct RedisNodes {
  TempDir dir_a, dir_b;
  TribuneServer a, b;
  std::vector<ArticleRow> articles;
  RedisNodes(const std::string& db, const std::string& config)
      : a(dir_a.path(), config), b(dir_b.path(), config) {
    a.UseDatabase(db);
    b.UseDatabase(db);
    a.Start();
    b.Start();
    articles = ListArticles(db, dir_a.path());
  }
};

TEST(MultiNodeRedis, ARateLimitIsTheSitesWhicheverNodeAPostReaches) {
  std::string prefix = "itest" + std::to_string(getpid()) + ":";
  RedisNodes shared(FreshDatabase(SharedServer()), SharedLimitsConfig(SharedRedis(), prefix));
  EXPECT_EQ(AcceptedAlternating(shared.a, shared.b, shared.articles.front(), 10), 4);
  // The same two nodes without Redis: each counts alone, and the network
  // gets twice as many through. (What the shared count prevents.)
  std::string config = PostingConfigToml();
  config.replace(config.find("per_prefix_per_minute = 100000.0"),
                 std::string("per_prefix_per_minute = 100000.0").size(),
                 "per_prefix_per_minute = 4.0");
  TwoNodes alone(FreshDatabase(SharedServer()));
  TempDir da, db;
  TribuneServer a(da.path(), config), b(db.path(), config);
  a.UseDatabase(alone.db);
  b.UseDatabase(alone.db);
  a.Start();
  b.Start();
  EXPECT_EQ(AcceptedAlternating(a, b, alone.articles.front(), 10), 8);
}

TEST(MultiNodeRedis, OneTokenSentToTwoNodesAtOnceIsStoredOnce) {
  std::string prefix = "itest" + std::to_string(getpid()) + "t:";
  std::string config = SharedLimitsConfig(SharedRedis(), prefix);
  config.replace(config.find("per_prefix_per_minute = 4.0"),
                 std::string("per_prefix_per_minute = 4.0").size(),
                 "per_prefix_per_minute = 1000.0");
  RedisNodes nodes(FreshDatabase(SharedServer()), config);
  const ArticleRow& article = nodes.articles.front();
  int64_t before = CountOn(nodes.a.port(), article);
  for (int round = 0; round < 5; ++round) {
    HeaderList fields = FreshFormFields(nodes.a.port(), article);
    Response ra, rb;
    CommentInput ia, ib;
    ia.body = "Round " + std::to_string(round) + " through A.";
    ib.body = "Round " + std::to_string(round) + " through B.";
    std::thread ta([&] { ra = PostForm(nodes.a.port(), article, fields, ia); });
    std::thread tb([&] { rb = PostForm(nodes.b.port(), article, fields, ib); });
    ta.join();
    tb.join();
    EXPECT_TRUE(ra.status == 303 || rb.status == 303) << ra.status << " " << rb.status;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(CountOn(nodes.b.port(), article), before + 5);
}

// Redis stopped: posting goes on, each node counting alone with every event
// weighing two (limit 4: two posts a node); Redis back: the count is shared
// again, without restarting Tribune.
TEST(MultiNodeRedis, WithoutRedisLimitsAreStricterAndItIsUsedAgainWhenBack) {
  std::string script = std::string(TRIBUNE_SOURCE_DIR) + "/scripts/test-redis.sh";
  std::string env = "TRIBUNE_TEST_REDIS_PORT=56393 ";
  Shell(env + script + " start 2>&1");
  struct Stop {
    std::string cmd;
    ~Stop() { std::system(cmd.c_str()); }
  } stop{env + script + " stop >/dev/null 2>&1"};
  std::string redis = Shell(env + script + " url");
  std::string db = FreshDatabase(SharedServer());
  TempDir dir;
  TribuneServer node(dir.path(), SharedLimitsConfig(redis, "down:"));
  node.UseDatabase(db);
  Shell(env + script + " stop 2>&1");
  node.Start();
  EXPECT_NE(node.Logs().find("cannot be reached yet"), std::string::npos) << node.Logs();
  Response not_ready = Get(node.port(), "/readyz");
  EXPECT_EQ(not_ready.status, 503);
  EXPECT_NE(not_ready.body.find("redis: not reachable"), std::string::npos) << not_ready.body;
  const ArticleRow article = ListArticles(db, dir.path()).front();
  EXPECT_EQ(AcceptedAlternating(node, node, article, 6), 2);
  Shell(env + script + " start 2>&1");
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // past the retry pause
  // A fresh network's worth of posts: counted in Redis now, limit 4 (the
  // local count of the outage does not carry over).
  EXPECT_EQ(AcceptedAlternating(node, node, article, 6), 4);
  EXPECT_EQ(Get(node.port(), "/readyz").status, 200);
  EXPECT_NE(Shell("redis-cli -p 56393 --scan --pattern 'down:*'").find("down:n:rate:prefix:"),
            std::string::npos);
  EXPECT_EQ(node.Stop(), 0) << node.Logs();
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// A moderator's lesson, saved as a new model by one process (here the
// command line), is taken up by every node within seconds.
TEST(MultiNode, AModelLearnedElsewhereIsUsedByEveryNodeWithinSeconds) {
  TempDir dir_a, dir_b;
  std::string config = "[comments]\nmin_seconds = 0\n";
  std::string db = FreshDatabase(SharedServer());
  TribuneServer a(dir_a.path(), config), b(dir_b.path(), config);
  a.UseDatabase(db);
  b.UseDatabase(db);
  a.Start();
  b.Start();
  ArticleRow article = ListArticles(db, dir_a.path()).front();
  CommentInput in;
  in.body = "A comment a moderator will call spam, to teach the filter.";
  Response posted = PostCommentForm(a.port(), article, in);
  ASSERT_EQ(posted.status, 303);
  ProcessResult spam = RunTribune({"moderate", "spam", std::to_string(PostedId(posted)), "--db", db},
                                  dir_a.path());
  ASSERT_EQ(spam.exit_code, 0) << spam.err;
  auto version = FirstMatch(spam.out, R"(spam\s+(\S+))");
  ASSERT_TRUE(version.has_value()) << spam.out;
  auto deadline = Clock::now() + std::chrono::seconds(5);
  bool a_has = false, b_has = false;
  while (Clock::now() < deadline && !(a_has && b_has)) {
    a_has = a.Logs().find("now model " + *version) != std::string::npos;
    b_has = b.Logs().find("now model " + *version) != std::string::npos;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(a_has) << a.Logs();
  EXPECT_TRUE(b_has) << b.Logs();
}

}  // namespace
}  // namespace tribune::itest
