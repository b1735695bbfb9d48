#include "spam/campaigns/minhash.h"

#include <limits>
#include <vector>

#include "spam/model/keyed_hash.h"

namespace tribune::spam::campaigns {
namespace {
constexpr int kShingle = 4;
constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
}  // namespace

Signature Sign(std::string_view text, uint64_t key) {
  Signature sig;
  sig.fill(kEmpty);
  std::vector<size_t> cps;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cps.push_back(i);
  }
  cps.push_back(text.size());
  for (size_t i = 0; i + kShingle < cps.size(); ++i) {
    std::string_view sh = text.substr(cps[i], cps[i + kShingle] - cps[i]);
    uint64_t h = model::KeyedHash(sh, key);
    int slot = static_cast<int>(h >> 58);  // top 6 bits: 64 slots
    uint32_t v = static_cast<uint32_t>(h);
    if (v < sig[slot]) sig[slot] = v;
  }
  // Densify: an empty slot borrows the next filled one, mixed with the
  // distance so that borrowed values differ between slots.
  for (int s = 0; s < kSignatureSize; ++s) {
    if (sig[s] != kEmpty) continue;
    for (int d = 1; d < kSignatureSize; ++d) {
      uint32_t v = sig[(s + d) % kSignatureSize];
      if (v == kEmpty) continue;
      // Values found in the first pass are never kEmpty; borrowed ones are
      // remixed and may not collide with the sentinel in practice.
      sig[s] = static_cast<uint32_t>(model::Mix64(v + static_cast<uint64_t>(d) * 0x9e37)) | 1u;
      break;
    }
  }
  return sig;
}

double Similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int i = 0; i < kSignatureSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kSignatureSize;
}

}  // namespace tribune::spam::campaigns
