// Campaigns: groups of near-identical comments. Moderators' spam decisions
// create and grow campaigns; a new comment close to a spam campaign is spam
// whatever its words, which catches spun variants of one template.
// Not thread-safe; the engine serialises writers against readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "spam/campaigns/minhash.h"

namespace tribune::spam::campaigns {

struct Campaign {
  Signature signature;
  double spam = 0;  // weight of moderator spam decisions
  double ham = 0;   // weight of approvals of near-duplicates
};

struct Match {
  size_t id = 0;
  double similarity = 0;
  const Campaign* campaign = nullptr;
};

class CampaignIndex {
 public:
  // The most similar campaign at or above `min_similarity`, if any.
  std::optional<Match> Find(const Signature& sig, double min_similarity) const;

  // Records a moderator decision. Spam opens a campaign when none matches;
  // ham only counts against an existing one. Negative weights un-learn.
  void Add(const Signature& sig, bool is_spam, double weight, double min_similarity);

  size_t size() const { return campaigns_.size(); }

  // Persistence hook: a compact binary form, and its inverse.
  void Serialize(std::string* out) const;
  Status Deserialize(std::string_view in);

 private:
  // 32 bands of 2 slots: a pair at Jaccard 0.4 shares a band with
  // probability 0.996; candidates are then compared on all slots.
  static constexpr int kBands = kSignatureSize / 2;
  void IndexBands(size_t id);
  static uint64_t BandKey(const Signature& sig, int band);

  std::vector<Campaign> campaigns_;
  std::unordered_map<uint64_t, std::vector<size_t>> bands_;
};

}  // namespace tribune::spam::campaigns
