#include "comments/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace tribune::comments {
namespace {
constexpr double kForgotten = 0.01;  // cells decayed below this are dropped
}

double RateCounter::Decayed(const Cell& c, int64_t now_ms) const {
  double age = static_cast<double>(std::max<int64_t>(0, now_ms - c.at_ms));
  return c.value * std::exp2(-age / static_cast<double>(half_life_ms_));
}

void RateCounter::Share(shared::SharedState* shared, std::string name, int nodes) {
  shared_ = shared;
  name_ = std::move(name);
  nodes_ = std::max(1, nodes);
}

double RateCounter::Peek(const std::string& key, int64_t now_ms) const {
  if (shared_) {
    if (auto v = shared_->Count(name_ + key, 0, now_ms, half_life_ms_)) return *v;
  }
  return PeekLocal(key, now_ms);
}

double RateCounter::Add(const std::string& key, int64_t now_ms, double weight) {
  if (shared_) {
    if (auto v = shared_->Count(name_ + key, weight, now_ms, half_life_ms_)) return *v;
    return AddLocal(key, now_ms, weight * nodes_);
  }
  return AddLocal(key, now_ms, weight);
}

double RateCounter::PeekLocal(const std::string& key, int64_t now_ms) const {
  std::lock_guard lock(mu_);
  auto it = cells_.find(key);
  return it == cells_.end() ? 0 : Decayed(it->second, now_ms);
}

double RateCounter::AddLocal(const std::string& key, int64_t now_ms, double weight) {
  std::lock_guard lock(mu_);
  Cell& c = cells_[key];
  c.value = Decayed(c, now_ms) + weight;
  c.at_ms = now_ms;
  if (now_ms - last_prune_ms_ > 10 * half_life_ms_) {
    last_prune_ms_ = now_ms;
    std::erase_if(cells_, [&](const auto& kv) { return Decayed(kv.second, now_ms) < kForgotten; });
  }
  return c.value;
}

}  // namespace tribune::comments
