#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "spam/analysis.h"
#include "spam/campaigns/campaign_index.h"
#include "spam/campaigns/fingerprint.h"
#include "spam/campaigns/minhash.h"
#include "spam/engine.h"

namespace tribune::spam {
namespace {

constexpr char kTemplate[] =
    "I am really inspired together with your writing talents and also with the structure to your "
    "blog. Is this a paid subject matter or did you modify it yourself?";
constexpr char kSpun[] =
    "I am truly inspired together with your writing skills and also with the layout to your "
    "blog. Is this a paid subject matter or did you modify it yourself?";
constexpr char kOther[] =
    "The council should publish the full budget before the vote, not a summary written by the "
    "mayor's office a week after the fact.";

TEST(SpamMinHash, SimilarTextsShareSlots) {
  auto a = campaigns::Sign(kTemplate, 7);
  EXPECT_EQ(campaigns::Similarity(a, campaigns::Sign(kTemplate, 7)), 1.0);
  EXPECT_GT(campaigns::Similarity(a, campaigns::Sign(kSpun, 7)), 0.5);
  EXPECT_LT(campaigns::Similarity(a, campaigns::Sign(kOther, 7)), 0.2);
}

campaigns::Fingerprint Text(const char* text, uint64_t key = 1) {
  return {campaigns::Sign(text, key), {}};
}

TEST(SpamCampaignIndex, HamOnlyCountsAgainstExistingCampaigns) {
  campaigns::CampaignIndex idx;
  idx.Add(Text(kOther), false, 1.0, 0.6);
  EXPECT_EQ(idx.size(), 0u);
  idx.Add(Text(kTemplate), true, 1.0, 0.6);
  EXPECT_EQ(idx.size(), 1u);
  auto m = idx.Find(Text(kSpun), 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->campaign->spam, 1.0);
  std::string blob;
  idx.Serialize(&blob);
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(blob).ok());
  EXPECT_TRUE(copy.Find(Text(kSpun), 0.5).has_value());
  EXPECT_FALSE(copy.Deserialize("xx").ok());
}

TEST(SpamCampaignIndex, AnArtifactJoinsWhateverTheWords) {
  campaigns::CampaignIndex idx;
  idx.Add({campaigns::Sign(kTemplate, 1), {"phone:+18882039661"}}, true, 1.0, 0.6);
  auto m = idx.Find({campaigns::Sign(kOther, 1), {"domain:x.example", "phone:+18882039661"}}, 0.6);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->artifact, "phone:+18882039661");
  EXPECT_FALSE(idx.Find({campaigns::Sign(kOther, 1), {"phone:+18005550199"}}, 0.6).has_value());
}

// What a crypto campaign sells is its address: Ethereum's, and Solana's
// base58 (case kept in the text, compared lower-cased), but not a link's
// token or a diff's hash.
TEST(SpamFingerprint, WalletAndContractAddressesAreArtifacts) {
  Lists lists;
  auto artifacts = [&](const std::string& body) {
    CommentInput input{.body = body};
    Analysis a = Analyze(input, lists);
    std::vector<std::string> wallets;
    for (const std::string& k : campaigns::FingerprintOf(a, 1, 40).artifacts) {
      if (k.starts_with("wallet:")) wallets.push_back(k);
    }
    return wallets;
  };
  EXPECT_EQ(artifacts("CA: Gattg9u3XjCxNq2ZrkV8mT5pLwYbH4sRdE7fQpump send now"),
            std::vector<std::string>{"wallet:gattg9u3xjcxnq2zrkv8mt5plwybh4srde7fqpump"});
  EXPECT_EQ(artifacts("buy at 0x10b9Ab5F26dE0b2B1dF1f4D2c9C7e4e1A2b3C4d5 before listing"),
            std::vector<std::string>{"wallet:0x10b9ab5f26de0b2b1df1f4d2c9c7e4e1a2b3c4d5"});
  EXPECT_TRUE(artifacts("see https://github.com/o/r/notifications/unsubscribe-auth/"
                        "BSGkh38QpWx2LmZc7RtYv4NaEe9UdKfJ")
                  .empty());
  EXPECT_TRUE(artifacts("the anchor #diff-4e2a9c1f0b8d7e6a5c4b3a2f1e0d9ddR46 moved").empty());
}

TEST(SpamCampaignIndex, MembersReachFurtherIntoATemplate) {
  // Each spam decision adds its text as a member: a comment close to the
  // second member joins, though far from the first.
  constexpr char kFar[] =
      "I am truly inspired together with your writing skills and also with the layout of your "
      "weblog. Did you pay for this theme or did you customise it yourself? Either way keep it up";
  campaigns::CampaignIndex idx;
  idx.Add(Text(kTemplate), true, 1.0, 0.5);
  EXPECT_FALSE(idx.Find(Text(kFar), 0.5).has_value());
  idx.Add(Text(kSpun), true, 1.0, 0.5);
  EXPECT_EQ(idx.size(), 1u);
  idx.Add({campaigns::Sign(kFar, 1), {"domain:spun.example"}}, true, 1.0, 0.5);
  EXPECT_EQ(idx.size(), 1u) << "the domain is new, the text joins through a member";
  std::string blob;
  idx.Serialize(&blob);
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(blob).ok());
  auto m = copy.Find({std::nullopt, {"domain:spun.example"}}, 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->campaign->members.size(), 3u);
}

TEST(SpamCampaignIndex, ReadsTheSingleSignatureFormOfEarlierVersions) {
  std::string blob;
  uint64_t n = 1;
  blob.append(reinterpret_cast<const char*>(&n), sizeof n);
  campaigns::Signature sig = campaigns::Sign(kTemplate, 1);
  blob.append(reinterpret_cast<const char*>(sig.data()), sizeof(uint32_t) * sig.size());
  double spam = 2, ham = 0;
  blob.append(reinterpret_cast<const char*>(&spam), sizeof spam);
  blob.append(reinterpret_cast<const char*>(&ham), sizeof ham);
  campaigns::CampaignIndex idx;
  ASSERT_TRUE(idx.Deserialize(blob).ok());
  auto m = idx.Find(Text(kSpun), 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->campaign->spam, 2.0);
}

// Content words as FingerprintOf hashes them (the test picks its own
// "hashes": any distinct numbers will do).
campaigns::Fingerprint Words(std::vector<uint32_t> words) {
  std::sort(words.begin(), words.end());
  return {std::nullopt, {}, words};
}

TEST(SpamCampaignIndex, AVariantJoinsWhenNearlyAllItsWordsAreTheCampaigns) {
  campaigns::CampaignIndex idx;
  // Two texts of a template whose slots have two choices each: 1|2, 3|4, ...
  idx.Add(Words({1, 3, 5, 7, 9, 11, 13, 15, 17, 19}), true, 1.0, 0.5);
  EXPECT_FALSE(idx.Find(Words({1, 4, 5, 8, 9, 12, 13, 16, 17, 20}), 0.5).has_value())
      << "one text is not yet a vocabulary";
  idx.Add(Words({2, 4, 6, 8, 10, 12, 14, 16, 18, 20}), true, 1.0, 0.5);
  ASSERT_EQ(idx.size(), 2u) << "the second text shares no word with the first";
  campaigns::CampaignIndex one;
  one.Add(Words({1, 3, 5, 7, 9, 11, 13, 15, 17, 19}), true, 1.0, 0.5);
  one.Add(Words({1, 3, 5, 7, 9, 12, 14, 16, 18, 20}), true, 1.0, 0.5);
  ASSERT_EQ(one.size(), 1u);
  // A third variant: every word is one the campaign used.
  auto m = one.Find(Words({1, 3, 5, 7, 9, 11, 14, 15, 18, 20}), 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->by_words);
  EXPECT_EQ(m->similarity, 1.0);
  // Half of its words are new: not the campaign's.
  EXPECT_FALSE(one.Find(Words({1, 3, 5, 7, 9, 31, 32, 33, 34, 35}), 0.5).has_value());
  // The words survive saving, and un-learning one text takes its words back.
  std::string blob;
  one.Serialize(&blob);
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(blob).ok());
  EXPECT_TRUE(copy.Find(Words({1, 3, 5, 7, 9, 11, 14, 15, 18, 20}), 0.5).has_value());
  copy.Add(Words({1, 3, 5, 7, 9, 12, 14, 16, 18, 20}), true, -1.0, 0.5);
  EXPECT_FALSE(copy.Find(Words({1, 3, 5, 7, 9, 11, 14, 15, 18, 20}), 0.5).has_value());
}

TEST(SpamCampaignIndex, AThinVocabularyDoesNotTakeOrdinaryComments) {
  // Forty unlike spam texts joined by one shared domain: their vocabulary is
  // large, but each word is used by few of them, so a comment made of words
  // that appear here and there in it does not join.
  campaigns::CampaignIndex idx;
  for (uint32_t t = 0; t < 40; ++t) {
    std::vector<uint32_t> w;
    for (uint32_t k = 0; k < 10; ++k) w.push_back(1000 + t * 10 + k);
    auto f = Words(w);
    f.artifacts = {"domain:spam.example"};
    idx.Add(f, true, 1.0, 0.5);
  }
  ASSERT_EQ(idx.size(), 1u);
  std::vector<uint32_t> scattered;
  for (uint32_t k = 0; k < 10; ++k) scattered.push_back(1000 + k * 37);
  EXPECT_FALSE(idx.Find(Words(scattered), 0.5).has_value());
  // The same words in one text the campaign repeats do join.
  for (int i = 0; i < 20; ++i) {
    auto f = Words(scattered);
    f.artifacts = {"domain:spam.example"};
    idx.Add(f, true, 1.0, 0.5);
  }
  auto grown = idx.Find(Words(scattered), 0.5);
  ASSERT_TRUE(grown.has_value());
  // The counts read back from a saved index weigh the words as those grown
  // decision by decision did.
  std::string blob;
  idx.Serialize(&blob);
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(blob).ok());
  auto read = copy.Find(Words(scattered), 0.5);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->similarity, grown->similarity);
  EXPECT_FALSE(copy.Find(Words({1000, 1011, 1022, 1033, 1044, 1055, 1066, 1077, 1088, 1099}), 0.5)
                   .has_value());
}

TEST(SpamCampaignIndex, AClosedVocabularyTakesATemplateSpunWithTenChoicesAWord) {
  // Ten slots of ten choices: word slot * 100 + choice. Each word is used by
  // about a tenth of the texts (too thin for the weight test), but sixty
  // texts brought only the template's hundred words.
  std::mt19937 rng(3);
  auto variant = [&] {
    std::vector<uint32_t> w;
    for (uint32_t slot = 0; slot < 10; ++slot) w.push_back(slot * 100 + rng() % 10);
    return Words(w);
  };
  campaigns::CampaignIndex idx;
  for (int t = 0; t < 60; ++t) {
    auto f = variant();
    f.artifacts = {"domain:pines.example"};
    idx.Add(f, true, 1.0, 0.5);
  }
  ASSERT_EQ(idx.size(), 1u);
  int joined = 0;
  for (int t = 0; t < 50; ++t) joined += idx.Find(variant(), 0.5).has_value();
  EXPECT_GE(joined, 48);
  // Two words in ten from elsewhere: not the template.
  auto other = variant();
  other.words[0] = 5000, other.words[1] = 5001;
  std::sort(other.words.begin(), other.words.end());
  EXPECT_FALSE(idx.Find(other, 0.5).has_value());
}

TEST(SpamCampaignIndex, WordsEveryCampaignUsesTieNoCommentToOne) {
  // Forty campaigns (each its own domain) whose texts all use three common
  // words (7000-7002) beside twelve of their own.
  campaigns::CampaignIndex idx;
  for (uint32_t c = 0; c < 40; ++c) {
    std::vector<uint32_t> w = {7000, 7001, 7002};
    for (uint32_t k = 1; k <= 12; ++k) w.push_back(c * 100 + k);
    for (int t = 0; t < 3; ++t) {
      auto f = Words(w);
      f.artifacts = {"domain:shop" + std::to_string(c) + ".example"};
      idx.Add(f, true, 1.0, 0.5);
    }
  }
  ASSERT_EQ(idx.size(), 40u);
  // The common words and two of campaign 5's: every word is campaign 5's,
  // but only two say which campaign, too few to judge by.
  EXPECT_FALSE(idx.Find(Words({7000, 7001, 7002, 501, 502}), 0.5).has_value());
  // Its own words still tie a variant to it.
  auto m = idx.Find(Words({7000, 501, 502, 503, 504, 505, 506, 507}), 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->by_words);
  EXPECT_EQ(m->id, 5u);
}

TEST(SpamCampaignIndex, ReadsTheFormWithoutWords) {
  campaigns::CampaignIndex idx;
  idx.Add({campaigns::Sign(kTemplate, 1), {"phone:+18882039661"}}, true, 1.0, 0.6);
  std::string blob;
  idx.Serialize(&blob);
  ASSERT_EQ(blob.substr(0, 4), "CMP3");
  // Version 2: the same without the two word counts at the end.
  std::string v2 = "CMP2" + blob.substr(4, blob.size() - 4 - 2 * sizeof(uint32_t));
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(v2).ok());
  EXPECT_TRUE(copy.Find({std::nullopt, {"phone:+18882039661"}}, 0.6).has_value());
  EXPECT_FALSE(copy.Deserialize(blob.substr(0, blob.size() - 1)).ok());
}

bool HasCampaign(const Verdict& v) {
  for (const Reason& r : v.reasons) {
    if (r.symbol == "CAMPAIGN_SPAM") return true;
  }
  return false;
}

TEST(SpamCampaigns, ModeratorSpamDecisionCatchesVariants) {
  EngineOptions opts;
  opts.campaign_similarity = 0.5;
  auto e = Engine::Create({.key = 3, .bits = 12}, opts);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(HasCampaign((*e)->Check({.body = kSpun})));
  (*e)->Learn({.body = kTemplate}, true);
  EXPECT_EQ((*e)->campaign_count(), 1u);
  Verdict v = (*e)->Check({.body = kSpun});
  EXPECT_TRUE(HasCampaign(v));
  EXPECT_NE(v.action, Action::kPublish);
  EXPECT_FALSE(HasCampaign((*e)->Check({.body = kOther})));
  // A moderator reverses the decision: the campaign no longer condemns.
  (*e)->Learn({.body = kTemplate}, true, -1.0);
  EXPECT_FALSE(HasCampaign((*e)->Check({.body = kSpun})));
}

}  // namespace
}  // namespace tribune::spam
