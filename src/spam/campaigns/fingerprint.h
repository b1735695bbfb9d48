// What a comment brings to campaign matching. Spinning software rewrites
// the words of a template but has to keep what the campaign sells: the
// telephone numbers, the link domains, the handles, e-mail and wallet
// addresses. Those artifacts tie spun variants together when their texts
// share few shingles; the MinHash signature ties the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spam/analysis.h"
#include "spam/campaigns/minhash.h"

namespace tribune::spam::campaigns {

struct Fingerprint {
  // Of the normalised text; none for texts too short to compare (short
  // texts collide by chance).
  std::optional<Signature> signature;
  // "phone:+18882039661", "domain:example.com", "handle:@name",
  // "email:a@b.com", "wallet:0x…"; sorted, each once. Domains everyone
  // links to (common_hosts.txt, reference hosts, shorteners) are left out.
  std::vector<std::string> artifacts;

  bool empty() const { return !signature && artifacts.empty(); }
};

// Thread-safe. `key` keeps shingle hashes unpredictable; texts shorter than
// `min_chars` normalised bytes get no signature.
Fingerprint FingerprintOf(const Analysis& a, uint64_t key, int min_chars);

}  // namespace tribune::spam::campaigns
