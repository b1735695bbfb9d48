#include "spam/campaigns/campaign_index.h"

#include <cstring>

#include "spam/model/keyed_hash.h"

namespace tribune::spam::campaigns {
namespace {
constexpr int kRows = 2;
}  // namespace

uint64_t CampaignIndex::BandKey(const Signature& sig, int band) {
  uint64_t h = static_cast<uint64_t>(band) << 56;
  for (int r = 0; r < kRows; ++r) h = model::Mix64(h ^ sig[band * kRows + r]);
  return h;
}

void CampaignIndex::IndexBands(size_t id) {
  for (int b = 0; b < kBands; ++b) bands_[BandKey(campaigns_[id].signature, b)].push_back(id);
}

std::optional<Match> CampaignIndex::Find(const Signature& sig, double min_similarity) const {
  std::optional<Match> best;
  for (int b = 0; b < kBands; ++b) {
    auto it = bands_.find(BandKey(sig, b));
    if (it == bands_.end()) continue;
    for (size_t id : it->second) {
      double s = Similarity(sig, campaigns_[id].signature);
      if (s >= min_similarity && (!best || s > best->similarity)) {
        best = Match{id, s, &campaigns_[id]};
      }
    }
  }
  return best;
}

void CampaignIndex::Add(const Signature& sig, bool is_spam, double weight, double min_similarity) {
  std::optional<Match> m = Find(sig, min_similarity);
  if (!m) {
    if (!is_spam || weight <= 0) return;
    campaigns_.push_back(Campaign{sig, 0, 0});
    IndexBands(campaigns_.size() - 1);
    m = Match{campaigns_.size() - 1, 1.0, nullptr};
  }
  Campaign& c = campaigns_[m->id];
  (is_spam ? c.spam : c.ham) += weight;
  if (c.spam < 0) c.spam = 0;
  if (c.ham < 0) c.ham = 0;
}

void CampaignIndex::Serialize(std::string* out) const {
  uint64_t n = campaigns_.size();
  out->append(reinterpret_cast<const char*>(&n), sizeof n);
  for (const Campaign& c : campaigns_) {
    out->append(reinterpret_cast<const char*>(c.signature.data()),
                sizeof(uint32_t) * kSignatureSize);
    out->append(reinterpret_cast<const char*>(&c.spam), sizeof c.spam);
    out->append(reinterpret_cast<const char*>(&c.ham), sizeof c.ham);
  }
}

Status CampaignIndex::Deserialize(std::string_view in) {
  constexpr size_t kRecord = sizeof(uint32_t) * kSignatureSize + 2 * sizeof(double);
  uint64_t n = 0;
  if (in.size() < sizeof n) return InvalidArgument("campaigns: truncated");
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() != n * kRecord) return InvalidArgument("campaigns: wrong size");
  campaigns_.clear();
  bands_.clear();
  for (uint64_t i = 0; i < n; ++i, in.remove_prefix(kRecord)) {
    Campaign c;
    std::memcpy(c.signature.data(), in.data(), sizeof(uint32_t) * kSignatureSize);
    std::memcpy(&c.spam, in.data() + sizeof(uint32_t) * kSignatureSize, sizeof c.spam);
    std::memcpy(&c.ham, in.data() + sizeof(uint32_t) * kSignatureSize + sizeof c.spam,
                sizeof c.ham);
    campaigns_.push_back(c);
    IndexBands(campaigns_.size() - 1);
  }
  return Status::Ok();
}

}  // namespace tribune::spam::campaigns
