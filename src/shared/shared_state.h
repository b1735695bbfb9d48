// State that several nodes of one site must share so that none of its limits
// multiplies with the number of nodes: decaying event counters (rate limits,
// sign-in failures, the spam-wave signal) and claimed form tokens. One node
// needs none of it (each counter keeps its own in memory); several share it
// through Redis (redis_state.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tribune::shared {

class SharedState {
 public:
  virtual ~SharedState() = default;

  // The decayed count of `key` at `now_ms` (an event counts half after
  // `half_life_ms`), after adding `weight` (0: only read). nullopt when the
  // shared state cannot be reached just now: the caller counts on its own.
  virtual std::optional<double> Count(const std::string& key, double weight, int64_t now_ms,
                                      int64_t half_life_ms) = 0;

  // Claims `key` for `ttl_ms`: true when this call claimed it, false when it
  // was claimed before (and not released), nullopt when unreachable.
  virtual std::optional<bool> Claim(const std::string& key, int64_t ttl_ms) = 0;
  // Gives a claim back (a post that was not stored after all).
  virtual void Release(const std::string& key) = 0;

  // Whether the shared state answered its last call (for /readyz).
  virtual bool reachable() = 0;
};

}  // namespace tribune::shared
