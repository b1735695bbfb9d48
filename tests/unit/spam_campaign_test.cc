#include <gtest/gtest.h>

#include "spam/campaigns/campaign_index.h"
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
