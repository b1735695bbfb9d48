// Decaying event counters: how many events a key (an address prefix, an
// e-mail, a name, an article) had in about the last minute. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tribune::comments {

class RateCounter {
 public:
  // `half_life_ms`: an event counts half as much after this long.
  explicit RateCounter(int64_t half_life_ms = 60'000) : half_life_ms_(half_life_ms) {}

  // The key's decayed count at `now_ms`, without adding an event.
  double Peek(const std::string& key, int64_t now_ms) const;
  // Adds one event (of `weight`) and returns the new decayed count.
  double Add(const std::string& key, int64_t now_ms, double weight = 1.0);

 private:
  struct Cell {
    double value = 0;
    int64_t at_ms = 0;
  };
  double Decayed(const Cell& c, int64_t now_ms) const;

  int64_t half_life_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Cell> cells_;
  int64_t last_prune_ms_ = 0;
};

}  // namespace tribune::comments
