// Decaying event counters: how many events a key (an address prefix, an
// e-mail, a name, an article) had in about the last minute. Thread-safe.
// Shared (Share), the counts are the site's, kept in shared::SharedState for
// every node; while it cannot be reached, each node counts on its own and
// an event weighs as much as `nodes` of them, so that the site's limits stay
// what they were (stricter, rather than multiplied by the number of nodes).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "shared/shared_state.h"

namespace tribune::comments {

class RateCounter {
 public:
  // `half_life_ms`: an event counts half as much after this long.
  explicit RateCounter(int64_t half_life_ms = 60'000) : half_life_ms_(half_life_ms) {}

  // The key's decayed count at `now_ms`, without adding an event.
  double Peek(const std::string& key, int64_t now_ms) const;
  // Adds one event (of `weight`) and returns the new decayed count.
  double Add(const std::string& key, int64_t now_ms, double weight = 1.0);

  // Counts in `shared` under keys that start with `name`; `nodes` >= 1.
  // Call before the counter is used.
  void Share(shared::SharedState* shared, std::string name, int nodes);

 private:
  struct Cell {
    double value = 0;
    int64_t at_ms = 0;
  };
  double Decayed(const Cell& c, int64_t now_ms) const;
  double AddLocal(const std::string& key, int64_t now_ms, double weight);
  double PeekLocal(const std::string& key, int64_t now_ms) const;

  int64_t half_life_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Cell> cells_;
  int64_t last_prune_ms_ = 0;
  shared::SharedState* shared_ = nullptr;
  std::string name_;
  int nodes_ = 1;
};

}  // namespace tribune::comments
