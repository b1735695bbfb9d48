// What a comment brings to campaign matching. Spinning software rewrites
// the words of a template but has to keep what the campaign sells: the
// telephone numbers, the link domains, the handles, e-mail and wallet
// addresses. Those artifacts tie spun variants together when their texts
// share few shingles; the MinHash signature ties near copies, and the
// content words tie variants whose every word may change but whose words
// all come from the template's choices.
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
  // Keyed hashes of the distinct content words (function words left out),
  // sorted; none for texts with fewer than kMinContentWords of them.
  std::vector<uint32_t> words;

  bool empty() const { return !signature && artifacts.empty() && words.empty(); }
};

// Texts with fewer distinct content words than this are not matched by
// their words: a short comment shares most of its few words by chance.
inline constexpr size_t kMinContentWords = 8;

// Thread-safe. `key` keeps shingle hashes unpredictable; texts shorter than
// `min_chars` normalised bytes get no signature.
Fingerprint FingerprintOf(const Analysis& a, uint64_t key, int min_chars);

}  // namespace tribune::spam::campaigns
