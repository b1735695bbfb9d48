// Campaigns: groups of comments that one sender spun from one template.
// Moderators' spam decisions create and grow campaigns; a new comment that
// shares an artifact with a spam campaign (a telephone number, a link
// domain, a handle, an e-mail or wallet address), whose text is close to
// any of its members, or whose content words are nearly all the campaign's
// own (a template spun in every word still draws each word from its
// choices) is spam. Every comment decided spam
// as part of a campaign becomes a member, so a campaign reaches further
// into a spun template with each comment it takes.
//
// Not thread-safe; the engine serialises writers against readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "spam/campaigns/fingerprint.h"
#include "spam/campaigns/minhash.h"

namespace tribune::spam::campaigns {

struct Campaign {
  std::vector<Signature> members;      // texts decided spam (at most kMaxMembers)
  std::vector<std::string> artifacts;  // of those texts (at most kMaxArtifacts)
  double spam = 0;  // weight of moderator spam decisions
  double ham = 0;   // weight of approvals of comments that matched it
  // The content words of its texts: how many texts use each (keyed hashes,
  // at most kMaxWords), and how many texts were counted.
  std::unordered_map<uint32_t, uint32_t> words;
  uint32_t texts = 0;
};

struct Match {
  size_t id = 0;
  double similarity = 0;       // 1 for a shared artifact
  std::string artifact;        // the shared artifact; empty when the text matched
  bool by_words = false;       // joined by its content words (similarity: their share)
  const Campaign* campaign = nullptr;
};

class CampaignIndex {
 public:
  static constexpr size_t kMaxMembers = 512;
  static constexpr size_t kMaxArtifacts = 256;
  static constexpr size_t kMaxWords = 8192;
  // Joining by content words: at least this share of the comment's content
  // words are the campaign's, and the texts of the campaign using each of
  // them average at least kWordWeight (so that a campaign of many unlike
  // texts, whose vocabulary is large but thin, does not take ordinary
  // comments); the campaign has counted at least kMinWordTexts texts.
  static constexpr double kWordShare = 0.75;
  static constexpr double kWordWeight = 0.25;
  static constexpr uint32_t kMinWordTexts = 2;
  // A template spun with many choices a word has thin but *closed*
  // vocabulary: after kClosedMinTexts texts, its texts brought on average
  // at most kClosedWordsPerText words the others had not used (unlike texts
  // bring ten and more each), and it stays under kClosedMaxWords (a ten-
  // choice template of four sentences has about 200; campaigns that many
  // decisions grew hold thousands). A comment with kClosedShare of its
  // content words in a closed vocabulary joins however thinly each is used.
  static constexpr uint32_t kClosedMinTexts = 20;
  static constexpr size_t kClosedWordsPerText = 4;
  static constexpr size_t kClosedMaxWords = 400;
  static constexpr double kClosedShare = 0.9;
  // A spam decision that matches no campaign joins the one that uses at
  // least this share of its content words (see Add).
  static constexpr double kMergeShare = 0.25;
  // Words used by more campaigns than this are left out of the comparison
  // (with at least half of kMinContentWords words left to compare).
  static constexpr size_t kCommonWordCampaigns = 32;

  // The campaign `f` belongs to: one sharing an artifact with it, else the
  // one with the member most similar to its text, at or above
  // `min_similarity`, else the one whose content words it uses (above).
  // Campaigns moderators approved as often as they marked
  // spam are still returned (the caller weighs spam against ham).
  std::optional<Match> Find(const Fingerprint& f, double min_similarity) const;

  // Records a moderator decision. Spam joins the campaign `f` belongs to
  // (adding its text, artifacts and words), else one using kMergeShare of
  // its words, or opens one; ham only counts against
  // the campaign it belongs to. Negative weights un-learn.
  void Add(const Fingerprint& f, bool is_spam, double weight, double min_similarity);

  size_t size() const { return campaigns_.size(); }

  // Persistence hook: a compact binary form, and its inverse (which also
  // reads the single-signature form of earlier versions).
  void Serialize(std::string* out) const;
  Status Deserialize(std::string_view in);

 private:
  // 32 bands of 2 slots: a pair at Jaccard 0.3 shares a band with
  // probability 0.95; candidates are then compared on all slots.
  static constexpr int kBands = kSignatureSize / 2;
  static uint64_t BandKey(const Signature& sig, int band);
  // Near-identical texts add nothing a member does not already match.
  static constexpr double kSameText = 0.9;

  std::optional<Match> FindByArtifact(const Fingerprint& f) const;
  std::optional<Match> FindByText(const Signature& sig, double min_similarity) const;
  // The campaign of at least `min_texts` texts that uses the largest share
  // of `words`, at least `min_share`, with an average use of `min_weight`
  // (or, with `closed`, at least kClosedShare of a closed vocabulary).
  std::optional<Match> FindByWords(const std::vector<uint32_t>& words, double min_share,
                                   double min_weight, uint32_t min_texts, bool closed) const;
  void Grow(size_t id, const Fingerprint& f);
  // An un-learned spam decision: its text and artifacts leave the campaign.
  void Shrink(size_t id, const Fingerprint& f);
  void Reindex();
  void IndexMember(size_t id, size_t member);
  void Clear();

  std::vector<Campaign> campaigns_;
  // Band key -> (campaign, member) pairs.
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, uint32_t>>> bands_;
  std::unordered_map<std::string, size_t> artifacts_;  // artifact -> campaign
  // Content word -> the campaigns that use it, each with its count of texts
  // using it (the same as in Campaign::words, read here without a lookup).
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>> word_campaigns_;
};

}  // namespace tribune::spam::campaigns
