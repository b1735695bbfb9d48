// MinHash signatures of character 4-gram shingles, computed with one hash
// per shingle ("one permutation hashing" with densification), so that a
// signature costs about as much as reading the text once.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace tribune::spam::campaigns {

inline constexpr int kSignatureSize = 64;
using Signature = std::array<uint32_t, kSignatureSize>;

// Signature of normalised text; `key` keeps shingle hashes unpredictable.
Signature Sign(std::string_view text, uint64_t key);

// Estimated Jaccard similarity of the shingle sets: share of equal slots.
double Similarity(const Signature& a, const Signature& b);

}  // namespace tribune::spam::campaigns
