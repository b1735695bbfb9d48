// The hash a stored comment keeps of its author and text, to find identical
// resubmissions quickly. Every backend stores the same value.
#pragma once

#include <cstdint>
#include <string_view>

namespace tribune::store {

inline int64_t BodyHash(std::string_view author, std::string_view body) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  };
  mix(author);
  mix(std::string_view("\0", 1));
  mix(body);
  return static_cast<int64_t>(h >> 1);
}

}  // namespace tribune::store
