// A fast keyed 64-bit hash for feature hashing and shingles. The key lives
// in the model file, so someone who has not seen the file cannot aim words
// at chosen buckets. Not a MAC: it resists accidents and casual probing.
#pragma once

#include <bit>
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

// Hashes are stored in model files: the byte order they are read in is part
// of the format.
static_assert(std::endian::native == std::endian::little);

inline uint64_t KeyedHash(std::string_view s, uint64_t key) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = Mix64(key ^ (s.size() * kMul));
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ Mix64(w + key)) * kMul;
  }
  // The last 1-7 bytes as a little-endian number, zero-padded: from one
  // 8-byte load where the text is that long (most words and n-grams are
  // shorter than 8 bytes, and a copy of a variable length is a call).
  size_t rest = s.size() - i;
  uint64_t tail = 0;
  if (rest > 0 && s.size() >= 8) {
    std::memcpy(&tail, s.data() + s.size() - 8, 8);
    tail >>= 8 * (8 - rest);
  } else {
    for (size_t j = 0; j < rest; ++j) tail |= uint64_t{static_cast<uint8_t>(s[i + j])} << (8 * j);
  }
  h = (h ^ Mix64(tail + key + s.size())) * kMul;
  return Mix64(h);
}

}  // namespace tribune::spam::model
