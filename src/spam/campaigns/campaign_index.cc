#include "spam/campaigns/campaign_index.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "spam/model/keyed_hash.h"

namespace tribune::spam::campaigns {
namespace {

constexpr int kRows = 2;
constexpr char kMagic2[] = {'C', 'M', 'P', '2'};
// Version 3 adds each campaign's content words.
constexpr char kMagic3[] = {'C', 'M', 'P', '3'};

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

// Reads a T from the front of `in`; false when too short.
template <typename T>
bool Take(std::string_view* in, T* v) {
  if (in->size() < sizeof *v) return false;
  std::memcpy(v, in->data(), sizeof *v);
  in->remove_prefix(sizeof *v);
  return true;
}

bool TakeSignature(std::string_view* in, Signature* sig) {
  if (in->size() < sizeof(uint32_t) * kSignatureSize) return false;
  std::memcpy(sig->data(), in->data(), sizeof(uint32_t) * kSignatureSize);
  in->remove_prefix(sizeof(uint32_t) * kSignatureSize);
  return true;
}

}  // namespace

uint64_t CampaignIndex::BandKey(const Signature& sig, int band) {
  uint64_t h = static_cast<uint64_t>(band) << 56;
  for (int r = 0; r < kRows; ++r) h = model::Mix64(h ^ sig[band * kRows + r]);
  return h;
}

void CampaignIndex::IndexMember(size_t id, size_t member) {
  const Signature& sig = campaigns_[id].members[member];
  for (int b = 0; b < kBands; ++b) {
    bands_[BandKey(sig, b)].push_back({static_cast<uint32_t>(id), static_cast<uint32_t>(member)});
  }
}

std::optional<Match> CampaignIndex::FindByArtifact(const Fingerprint& f) const {
  for (const std::string& a : f.artifacts) {
    auto it = artifacts_.find(a);
    if (it != artifacts_.end()) return Match{it->second, 1.0, a, false, &campaigns_[it->second]};
  }
  return std::nullopt;
}

std::optional<Match> CampaignIndex::FindByText(const Signature& sig, double min_similarity) const {
  std::optional<Match> best;
  for (int b = 0; b < kBands; ++b) {
    auto it = bands_.find(BandKey(sig, b));
    if (it == bands_.end()) continue;
    for (auto [id, member] : it->second) {
      double s = Similarity(sig, campaigns_[id].members[member]);
      if (s >= min_similarity && (!best || s > best->similarity)) {
        best = Match{id, s, {}, false, &campaigns_[id]};
      }
    }
  }
  return best;
}

std::optional<Match> CampaignIndex::FindByWords(const std::vector<uint32_t>& words,
                                                double min_share, double min_weight,
                                                uint32_t min_texts, bool closed) const {
  if (words.empty()) return std::nullopt;
  struct Tally {
    size_t matched = 0;
    double weight = 0;
  };
  // One tally per campaign, reset after use: only the campaigns a word
  // names are touched.
  thread_local std::vector<Tally> tally;
  thread_local std::vector<uint32_t> touched;
  if (tally.size() < campaigns_.size()) tally.resize(campaigns_.size());
  touched.clear();
  // A word that many campaigns use says nothing of which one a comment
  // belongs to, and reading its campaigns would cost a check more the
  // longer a site runs: it counts as a function word.
  size_t counted = words.size();
  for (uint32_t w : words) {
    auto it = word_campaigns_.find(w);
    if (it == word_campaigns_.end()) continue;
    if (it->second.size() > kCommonWordCampaigns) {
      --counted;
      continue;
    }
    for (auto [id, uses] : it->second) {
      const Campaign& c = campaigns_[id];
      if (c.texts < min_texts) continue;
      Tally& t = tally[id];
      if (t.matched == 0) touched.push_back(id);
      ++t.matched;
      t.weight += static_cast<double>(uses) / c.texts;
    }
  }
  std::optional<Match> best;
  double n = static_cast<double>(counted);
  for (uint32_t id : touched) {
    Tally t = std::exchange(tally[id], Tally{});
    if (counted < kMinContentWords / 2) continue;
    double share = t.matched / n;
    const Campaign& c = campaigns_[id];
    bool thick = share >= min_share && t.weight / n >= min_weight;
    bool in_closed = closed && share >= kClosedShare && c.texts >= kClosedMinTexts &&
                     c.words.size() <= kClosedWordsPerText * c.texts &&
                     c.words.size() <= kClosedMaxWords;
    if (!thick && !in_closed) continue;
    if (!best || share > best->similarity || (share == best->similarity && id < best->id)) {
      best = Match{id, share, {}, true, &campaigns_[id]};
    }
  }
  return best;
}

std::optional<Match> CampaignIndex::Find(const Fingerprint& f, double min_similarity) const {
  if (auto m = FindByArtifact(f)) return m;
  if (f.signature) {
    if (auto m = FindByText(*f.signature, min_similarity)) return m;
  }
  return FindByWords(f.words, kWordShare, kWordWeight, kMinWordTexts, true);
}

void CampaignIndex::Grow(size_t id, const Fingerprint& f) {
  Campaign& c = campaigns_[id];
  if (f.signature && c.members.size() < kMaxMembers) {
    bool known = std::any_of(c.members.begin(), c.members.end(), [&](const Signature& m) {
      return Similarity(m, *f.signature) >= kSameText;
    });
    if (!known) {
      c.members.push_back(*f.signature);
      IndexMember(id, c.members.size() - 1);
    }
  }
  for (const std::string& a : f.artifacts) {
    if (c.artifacts.size() >= kMaxArtifacts) break;
    if (artifacts_.emplace(a, id).second) c.artifacts.push_back(a);
  }
  if (!f.words.empty()) {
    ++c.texts;
    for (uint32_t w : f.words) {
      auto it = c.words.find(w);
      if (it != c.words.end()) {
        ++it->second;
        for (auto& [campaign, uses] : word_campaigns_[w]) uses += campaign == id;
      } else if (c.words.size() < kMaxWords) {
        c.words.emplace(w, 1);
        word_campaigns_[w].push_back({static_cast<uint32_t>(id), 1});
      }
    }
  }
}

void CampaignIndex::Add(const Fingerprint& f, bool is_spam, double weight,
                        double min_similarity) {
  if (f.empty()) return;
  std::optional<Match> m = Find(f, min_similarity);
  // A moderator's spam decision also joins the campaign of an earlier one
  // whose words it shares in part: both are spam, and together their words
  // start the vocabulary that a template spun in every word is matched by.
  if (!m && is_spam && weight > 0) m = FindByWords(f.words, kMergeShare, 0, 1, false);
  if (!m) {
    if (!is_spam || weight <= 0) return;
    campaigns_.push_back(Campaign{});
    m = Match{campaigns_.size() - 1, 1.0, {}, false, nullptr};
  }
  if (is_spam && weight > 0) Grow(m->id, f);
  if (is_spam && weight < 0) Shrink(m->id, f);
  Campaign& c = campaigns_[m->id];
  (is_spam ? c.spam : c.ham) += weight;
  if (c.spam < 0) c.spam = 0;
  if (c.ham < 0) c.ham = 0;
}

void CampaignIndex::Shrink(size_t id, const Fingerprint& f) {
  Campaign& c = campaigns_[id];
  if (f.signature) {
    std::erase_if(c.members, [&](const Signature& m) { return Similarity(m, *f.signature) >= kSameText; });
  }
  std::erase_if(c.artifacts, [&](const std::string& a) {
    return std::binary_search(f.artifacts.begin(), f.artifacts.end(), a);
  });
  if (!f.words.empty() && c.texts > 0) {
    --c.texts;
    for (uint32_t w : f.words) {
      auto it = c.words.find(w);
      if (it != c.words.end() && --it->second == 0) c.words.erase(it);
    }
  }
  Reindex();
}

void CampaignIndex::Reindex() {
  bands_.clear();
  artifacts_.clear();
  word_campaigns_.clear();
  for (size_t id = 0; id < campaigns_.size(); ++id) {
    for (size_t m = 0; m < campaigns_[id].members.size(); ++m) IndexMember(id, m);
    for (const std::string& a : campaigns_[id].artifacts) artifacts_.emplace(a, id);
    for (const auto& [w, count] : campaigns_[id].words) {
      word_campaigns_[w].push_back({static_cast<uint32_t>(id), count});
    }
  }
}

void CampaignIndex::Clear() {
  campaigns_.clear();
  bands_.clear();
  artifacts_.clear();
  word_campaigns_.clear();
}

void CampaignIndex::Serialize(std::string* out) const {
  out->append(kMagic3, sizeof kMagic3);
  Put(out, static_cast<uint64_t>(campaigns_.size()));
  for (const Campaign& c : campaigns_) {
    Put(out, c.spam);
    Put(out, c.ham);
    Put(out, static_cast<uint32_t>(c.members.size()));
    for (const Signature& s : c.members) {
      out->append(reinterpret_cast<const char*>(s.data()), sizeof(uint32_t) * kSignatureSize);
    }
    Put(out, static_cast<uint32_t>(c.artifacts.size()));
    for (const std::string& a : c.artifacts) {
      Put(out, static_cast<uint16_t>(a.size()));
      out->append(a);
    }
    // Sorted, so that the same campaigns always make the same bytes.
    std::vector<std::pair<uint32_t, uint32_t>> words(c.words.begin(), c.words.end());
    std::sort(words.begin(), words.end());
    Put(out, c.texts);
    Put(out, static_cast<uint32_t>(words.size()));
    for (const auto& [w, count] : words) {
      Put(out, w);
      Put(out, count);
    }
  }
}

Status CampaignIndex::Deserialize(std::string_view in) {
  Clear();
  auto magic = [&](const char* m) {
    return in.size() >= sizeof kMagic2 && std::memcmp(in.data(), m, sizeof kMagic2) == 0;
  };
  bool v3 = magic(kMagic3);
  bool v2 = v3 || magic(kMagic2);
  if (v2) in.remove_prefix(sizeof kMagic2);
  uint64_t n = 0;
  if (!Take(&in, &n)) return InvalidArgument("campaigns: truncated");
  for (uint64_t i = 0; i < n; ++i) {
    Campaign c;
    uint32_t members = 1, artifacts = 0;
    Signature sig;
    bool ok = v2 ? Take(&in, &c.spam) && Take(&in, &c.ham) && Take(&in, &members)
                 : TakeSignature(&in, &sig) && Take(&in, &c.spam) && Take(&in, &c.ham);
    if (!ok || members > kMaxMembers) return InvalidArgument("campaigns: wrong size");
    if (!v2) c.members.push_back(sig);
    for (uint32_t m = 0; v2 && m < members; ++m) {
      if (!TakeSignature(&in, &sig)) return InvalidArgument("campaigns: wrong size");
      c.members.push_back(sig);
    }
    if (v2 && (!Take(&in, &artifacts) || artifacts > kMaxArtifacts)) {
      return InvalidArgument("campaigns: wrong size");
    }
    for (uint32_t a = 0; a < artifacts; ++a) {
      uint16_t len = 0;
      if (!Take(&in, &len) || in.size() < len) return InvalidArgument("campaigns: wrong size");
      c.artifacts.emplace_back(in.substr(0, len));
      in.remove_prefix(len);
    }
    uint32_t words = 0;
    if (v3 && (!Take(&in, &c.texts) || !Take(&in, &words) || words > kMaxWords)) {
      return InvalidArgument("campaigns: wrong size");
    }
    for (uint32_t w = 0; w < words; ++w) {
      uint32_t hash = 0, count = 0;
      if (!Take(&in, &hash) || !Take(&in, &count)) return InvalidArgument("campaigns: wrong size");
      c.words[hash] = count;
    }
    campaigns_.push_back(std::move(c));
  }
  if (!in.empty()) return InvalidArgument("campaigns: wrong size");
  Reindex();
  return Status::Ok();
}

}  // namespace tribune::spam::campaigns
