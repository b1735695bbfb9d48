// A latency histogram with fixed buckets (seconds), updated without locks
// from any thread and read for /metrics (Prometheus' cumulative form).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace tribune {

class Histogram {
 public:
  // Upper bounds in seconds, from 50 µs to 2.5 s; past the last: +Inf.
  static constexpr std::array<double, 14> kBounds = {
      0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
      0.01,    0.025,  0.05,    0.1,    0.25,  1.0,   2.5};

  void Observe(int64_t micros) {
    double s = static_cast<double>(micros) / 1e6;
    size_t i = 0;
    while (i < kBounds.size() && s > kBounds[i]) ++i;
    counts_[i].fetch_add(1, std::memory_order_relaxed);
    sum_micros_.fetch_add(micros, std::memory_order_relaxed);
  }
  // Observations in bucket i (not cumulative); i == kBounds.size() is +Inf.
  uint64_t count(size_t i) const { return counts_[i].load(std::memory_order_relaxed); }
  uint64_t total() const {
    uint64_t n = 0;
    for (const auto& c : counts_) n += c.load(std::memory_order_relaxed);
    return n;
  }
  double sum_seconds() const { return static_cast<double>(sum_micros_.load()) / 1e6; }

 private:
  std::array<std::atomic<uint64_t>, kBounds.size() + 1> counts_{};
  std::atomic<int64_t> sum_micros_{0};
};

}  // namespace tribune
