// A fast keyed 64-bit hash for feature hashing and shingles. The key lives
// in the model file, so someone who has not seen the file cannot aim words
// at chosen buckets. Not a MAC: it resists accidents and casual probing.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tribune::spam::model {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t KeyedHash(std::string_view s, uint64_t key) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = Mix64(key ^ (s.size() * kMul));
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ Mix64(w + key)) * kMul;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ Mix64(tail + key + s.size())) * kMul;
  return Mix64(h);
}

}  // namespace tribune::spam::model
