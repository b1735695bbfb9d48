// The trust an author's earlier published comments earn them.
#pragma once

#include <cstdint>
#include <span>

#include "core/config.h"

namespace tribune::comments {

// Each earlier published comment (its creation time in `created_at`) is worth
// `trust_per_approved`, halved every `trust_half_life_days` of age (no decay
// when 0); the sum is capped at `trust_max`.
double TrustFrom(std::span<const int64_t> created_at, int64_t now, const SpamConfig& c);

}  // namespace tribune::comments
