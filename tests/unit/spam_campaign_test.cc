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

TEST(SpamCampaignIndex, HamOnlyCountsAgainstExistingCampaigns) {
  campaigns::CampaignIndex idx;
  idx.Add(campaigns::Sign(kOther, 1), false, 1.0, 0.6);
  EXPECT_EQ(idx.size(), 0u);
  idx.Add(campaigns::Sign(kTemplate, 1), true, 1.0, 0.6);
  EXPECT_EQ(idx.size(), 1u);
  auto m = idx.Find(campaigns::Sign(kSpun, 1), 0.5);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->campaign->spam, 1.0);
  std::string blob;
  idx.Serialize(&blob);
  campaigns::CampaignIndex copy;
  ASSERT_TRUE(copy.Deserialize(blob).ok());
  EXPECT_TRUE(copy.Find(campaigns::Sign(kSpun, 1), 0.5).has_value());
  EXPECT_FALSE(copy.Deserialize("xx").ok());
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
