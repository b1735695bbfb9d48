// SharedState in a real Redis (ctest starts one: scripts/test-redis.sh), as
// two nodes see it: counters and claims made through one are seen by the
// other; a Redis that is not there answers "unreachable" at once, and one
// that comes back is used again without a restart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "comments/rate_limiter.h"
#include "shared/redis_state.h"

namespace tribune::shared {
namespace {

std::string Url() {
  const char* url = std::getenv("TRIBUNE_TEST_REDIS");
  return url ? url : "";
}

// A prefix of its own per test, so that tests running at once do not meet.
std::string Prefix() {
  static int n = 0;
  return "test" + std::to_string(getpid()) + "-" + std::to_string(n++) + ":";
}

std::unique_ptr<RedisState> Node(const std::string& url, const std::string& prefix) {
  auto s = RedisState::Create({url, prefix});
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(RedisUrl, PartsAndMistakes) {
  auto a = ParseRedisUrl("redis://:s3cret@cache.internal:6380/2");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "cache.internal");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->password, "s3cret");
  EXPECT_EQ(a->db, 2);
  auto d = ParseRedisUrl("redis://10.0.0.5");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->port, 6379);
  EXPECT_FALSE(ParseRedisUrl("http://x").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://x:0").ok());
  EXPECT_FALSE(ParseRedisUrl("redis://x:6379/99").ok());
}

TEST(RedisState, TwoNodesCountTogether) {
  ASSERT_FALSE(Url().empty()) << "TRIBUNE_TEST_REDIS is not set: run through ctest";
  std::string prefix = Prefix();
  auto a = Node(Url(), prefix), b = Node(Url(), prefix);
  int64_t now = 1'000'000;
  EXPECT_DOUBLE_EQ(*a->Count("k", 1, now, 60'000), 1);
  EXPECT_DOUBLE_EQ(*b->Count("k", 1, now, 60'000), 2);
  EXPECT_DOUBLE_EQ(*a->Count("k", 0, now, 60'000), 2);  // a read adds nothing
  // A half-life later, half of it.
  EXPECT_NEAR(*b->Count("k", 0, now + 60'000, 60'000), 1.0, 1e-9);
  // Another prefix (another site) does not see it.
  auto other = Node(Url(), Prefix());
  EXPECT_DOUBLE_EQ(*other->Count("k", 0, now, 60'000), 0);
}

TEST(RedisState, AClaimIsOnceForAllNodesUntilReleased) {
  std::string prefix = Prefix();
  auto a = Node(Url(), prefix), b = Node(Url(), prefix);
  EXPECT_EQ(a->Claim("token:n1", 60'000), true);
  EXPECT_EQ(b->Claim("token:n1", 60'000), false);
  EXPECT_EQ(a->Claim("token:n1", 60'000), false);
  b->Release("token:n1");
  EXPECT_EQ(b->Claim("token:n1", 60'000), true);
}

// Claims raced from many threads on two nodes: exactly one wins.
TEST(RedisState, ClaimsRacedFromTwoNodesHaveOneWinner) {
  std::string prefix = Prefix();
  auto a = Node(Url(), prefix), b = Node(Url(), prefix);
  std::atomic<int> won{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      RedisState& s = t % 2 ? *a : *b;
      if (s.Claim("token:raced", 60'000) == true) ++won;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
}

TEST(RedisState, NoRedisIsUnreachableAtOnce) {
  auto s = Node("redis://127.0.0.1:9", Prefix());
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(s->Count("k", 1, 0, 60'000), std::nullopt);
  EXPECT_EQ(s->Claim("k", 1000), std::nullopt);
  EXPECT_FALSE(s->reachable());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
}

// A counter shared through Redis falls back to counting alone, with each
// event weighing as much as `nodes` of them, while Redis is away.
TEST(RedisState, ACounterCountsAloneAndHeavierWhileRedisIsAway) {
  auto away = Node("redis://127.0.0.1:9", Prefix());
  comments::RateCounter counter;
  counter.Share(away.get(), "rate:", 3);
  EXPECT_DOUBLE_EQ(counter.Add("10.0.0.0/24", 1000), 3);
  EXPECT_DOUBLE_EQ(counter.Peek("10.0.0.0/24", 1000), 3);
  // Shared and reachable: the count is the site's.
  std::string prefix = Prefix();
  auto a = Node(Url(), prefix), b = Node(Url(), prefix);
  comments::RateCounter on_a, on_b;
  on_a.Share(a.get(), "rate:", 3);
  on_b.Share(b.get(), "rate:", 3);
  EXPECT_DOUBLE_EQ(on_a.Add("10.0.0.0/24", 1000), 1);
  EXPECT_DOUBLE_EQ(on_b.Add("10.0.0.0/24", 1000), 2);
}

// Redis restarted (a private one, so no other test sees it go): the same
// RedisState answers nullopt while it is down and works again after.
TEST(RedisState, ARestartedRedisIsUsedAgainWithoutARestart) {
  std::string script = std::string(TRIBUNE_SOURCE_DIR) + "/scripts/test-redis.sh";
  std::string env = "TRIBUNE_TEST_REDIS_PORT=56391 ";
  ASSERT_EQ(std::system((env + script + " start").c_str()), 0);
  RedisOptions o{"redis://127.0.0.1:56391", Prefix()};
  o.retry_ms = 100;
  auto s = RedisState::Create(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Claim("x", 60'000), true);
  ASSERT_EQ(std::system((env + script + " stop").c_str()), 0);
  EXPECT_EQ((*s)->Claim("y", 60'000), std::nullopt);
  ASSERT_EQ(std::system((env + script + " start").c_str()), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  std::optional<bool> again;
  for (int i = 0; i < 20 && !again; ++i) {
    again = (*s)->Claim("y", 60'000);
    if (!again) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(again, true);
  std::system((env + script + " stop").c_str());
}

}  // namespace
}  // namespace tribune::shared
