#include "comments/reputation.h"

#include <algorithm>
#include <cmath>

namespace tribune::comments {

double TrustFrom(std::span<const int64_t> created_at, int64_t now, const SpamConfig& c) {
  double weight = 0;
  for (int64_t t : created_at) {
    double age_days = static_cast<double>(std::max<int64_t>(now - t, 0)) / 86400.0;
    weight += c.trust_half_life_days > 0 ? std::exp2(-age_days / c.trust_half_life_days) : 1.0;
  }
  return std::min(c.trust_max, c.trust_per_approved * weight);
}

}  // namespace tribune::comments
