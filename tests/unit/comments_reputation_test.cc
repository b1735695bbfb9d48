// Trust from earlier published comments, and the known-commenter pass.
#include <gtest/gtest.h>

#include <vector>

#include "comments/commenter_pass.h"
#include "comments/reputation.h"
#include "comments/signer.h"

namespace tribune::comments {
namespace {

constexpr int64_t kNow = 1'800'000'000;
constexpr int64_t kDay = 86400;

SpamConfig Trust(double per, double max, double half_life_days) {
  SpamConfig c;
  c.trust_per_approved = per;
  c.trust_max = max;
  c.trust_half_life_days = half_life_days;
  return c;
}

TEST(Reputation, FreshApprovalsAddUpToTheCap) {
  SpamConfig c = Trust(0.5, 2.0, 60);
  std::vector<int64_t> none;
  EXPECT_DOUBLE_EQ(TrustFrom(none, kNow, c), 0.0);
  std::vector<int64_t> three(3, kNow);
  EXPECT_DOUBLE_EQ(TrustFrom(three, kNow, c), 1.5);
  std::vector<int64_t> many(10, kNow - 60);
  EXPECT_DOUBLE_EQ(TrustFrom(many, kNow, c), 2.0);
}

TEST(Reputation, ApprovalsCountLessAsTheyAge) {
  SpamConfig c = Trust(0.5, 2.0, 60);
  std::vector<int64_t> one_half_life = {kNow - 60 * kDay};
  EXPECT_NEAR(TrustFrom(one_half_life, kNow, c), 0.25, 1e-9);
  std::vector<int64_t> two_half_lives = {kNow - 120 * kDay};
  EXPECT_NEAR(TrustFrom(two_half_lives, kNow, c), 0.125, 1e-9);
  // Old regulars need more approvals to reach the cap than recent ones.
  std::vector<int64_t> old_regular(4, kNow - 90 * kDay);
  EXPECT_LT(TrustFrom(old_regular, kNow, c), 2.0);
  // A clock that went backwards does not inflate trust.
  std::vector<int64_t> future = {kNow + 10 * kDay};
  EXPECT_DOUBLE_EQ(TrustFrom(future, kNow, c), 0.5);
}

TEST(Reputation, ZeroHalfLifeMeansNoDecay) {
  SpamConfig c = Trust(0.5, 2.0, 0);
  std::vector<int64_t> old = {kNow - 170 * kDay, kNow - 100 * kDay};
  EXPECT_DOUBLE_EQ(TrustFrom(old, kNow, c), 1.0);
}

TEST(CommenterPass, RoundTripsAndRefusesForgeriesAndExpiry) {
  Signer signer("0123456789abcdef0123456789abcdef");
  CommenterPass pass(signer);
  std::string cookie = pass.Issue("Nino@Example.ge", kNow + 100);
  EXPECT_EQ(pass.Verify(cookie, kNow), pass.Hash("nino@example.ge"));
  EXPECT_EQ(pass.Hash("NINO@example.ge"), pass.Hash("nino@example.ge"));
  EXPECT_NE(pass.Hash("nino@example.ge"), pass.Hash("other@example.ge"));
  EXPECT_EQ(pass.Hash(""), "");
  EXPECT_EQ(pass.Verify(cookie, kNow + 101), "") << "expired";
  std::string longer = cookie;
  longer.replace(cookie.find('-') + 1, 10, "9999999999");
  EXPECT_EQ(pass.Verify(longer, kNow), "") << "a pass whose expiry was pushed out";
  std::string other = pass.Issue("other@example.ge", kNow + 100);
  std::string spliced = cookie.substr(0, cookie.rfind('-')) + other.substr(other.rfind('-'));
  EXPECT_EQ(pass.Verify(spliced, kNow), "");
  for (const char* bad : {"", "-", "--", "abc", "abc-1-", "-1-sig", "x-y-z"}) {
    EXPECT_EQ(pass.Verify(bad, kNow), "") << bad;
  }
  Signer other_site("ffffffffffffffffffffffffffffffff");
  EXPECT_EQ(CommenterPass(other_site).Verify(cookie, kNow), "");
}

}  // namespace
}  // namespace tribune::comments
