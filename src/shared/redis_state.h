// SharedState in Redis (hiredis): counters as a small hash per key updated
// by one Lua script (atomic on the server), claims as SET NX PX. A few
// connections are kept and shared by all threads; each call waits at most
// `timeout_ms` for Redis. When Redis cannot be reached, calls answer nullopt
// at once (one new connection attempt per `retry_ms` at most), and the next
// call after it is back uses it again: no restart needed.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "shared/shared_state.h"

struct redisContext;

namespace tribune::shared {

struct RedisOptions {
  std::string url;              // redis://[:PASSWORD@]HOST[:PORT][/DB]
  std::string prefix = "tribune:";  // keys are prefixed with it (one Redis, several sites)
  int connections = 4;
  int timeout_ms = 250;
  int retry_ms = 500;
};

struct RedisAddress {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;
  int db = 0;
};
// InvalidArgument naming what is wrong.
Result<RedisAddress> ParseRedisUrl(const std::string& url);

class RedisState final : public SharedState {
 public:
  // Does not connect yet: the first call does (a Redis that is down at
  // start-up is treated as one that went down later).
  static Result<std::unique_ptr<RedisState>> Create(const RedisOptions& options);
  ~RedisState() override;

  std::optional<double> Count(const std::string& key, double weight, int64_t now_ms,
                              int64_t half_life_ms) override;
  std::optional<bool> Claim(const std::string& key, int64_t ttl_ms) override;
  void Release(const std::string& key) override;
  bool reachable() override;

 private:
  RedisState(RedisOptions options, RedisAddress address);
  struct Reply;
  // Runs one command (argv form) on a pooled connection; nullptr when Redis
  // cannot be reached or answered with an error.
  std::unique_ptr<Reply> Command(const std::vector<std::string>& argv);
  redisContext* Connect();

  const RedisOptions options_;
  const RedisAddress address_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<redisContext*> idle_;
  int open_ = 0;
  std::atomic<int64_t> next_attempt_ms_{0};
  std::atomic<bool> reachable_{false};
};

}  // namespace tribune::shared
