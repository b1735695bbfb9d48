#include "comments/form_guard.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "comments/rate_limiter.h"

namespace tribune::comments {
namespace {

constexpr int64_t kNow = 1700000000;
constexpr int64_t kArticle = 42;

class FormGuardTest : public testing::Test {
 protected:
  Signer signer_{"test-secret"};
  FormGuard guard_{signer_, {3, 3600, 8, 3}};

  // Solutions for `token` found by brute force, as a browser would.
  static std::string Solve(const std::string& token, int bits, int count) {
    std::string out;
    for (int n = 0, found = 0; found < count; ++n) {
      if (FormGuard::PowSolves(token, std::to_string(n), bits)) {
        out += (found++ ? "," : "") + std::to_string(n);
      }
    }
    return out;
  }
};

TEST_F(FormGuardTest, AValidCodeOrProofOfWorkPasses) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  EXPECT_EQ(f.pow_bits, 8);
  auto by_code = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, f.code, "", ""});
  EXPECT_EQ(by_code.kind, GuardVerdict::Kind::kPass);
  EXPECT_EQ(by_code.symbol, "CODE_TYPED");
  auto by_pow = guard_.Verify(kArticle, "203.0.113.99", kNow + 5,
                              {f.token, "", Solve(f.token, 8, 3), ""});
  EXPECT_EQ(by_pow.kind, GuardVerdict::Kind::kPass) << by_pow.message;
  EXPECT_EQ(by_pow.symbol, "POW_SOLVED");
}

TEST_F(FormGuardTest, ForgedTamperedOrForeignTokensAreBots) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  std::string tampered = f.token;
  tampered[3] = tampered[3] == '2' ? '3' : '2';  // another article id, same signature
  for (const std::string& token : {tampered, std::string("t1.42.1.x.y.8.zz"), std::string("junk")}) {
    auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {token, f.code, "", ""});
    EXPECT_EQ(v.kind, GuardVerdict::Kind::kBot) << token;
  }
  Signer other("another-site");
  FormGuard foreign(other, {3, 3600, 8, 3});
  IssuedForm g = foreign.Issue(kArticle, "203.0.113.7", kNow);
  EXPECT_EQ(guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {g.token, g.code, "", ""}).symbol,
            "TOKEN_FORGED");
  EXPECT_EQ(guard_.Verify(kArticle + 1, "203.0.113.7", kNow + 5, {f.token, f.code, "", ""}).symbol,
            "TOKEN_OTHER_ARTICLE");
}

TEST_F(FormGuardTest, FormsIssuedBeforeTheCodeCameFromTheMacStillPass) {
  // A t2 token, as the previous version issued it: its code is the HMAC of
  // "code:" and the token. Readers with such a form open keep their code.
  std::string payload = fmt::format("t2.{}.{}.0123456789abcdef.{}.8.h.-", kArticle, kNow,
                                    signer_.Sign("prefix:203.0.113").substr(0, 8));
  std::string token = payload + "." + signer_.Sign(payload);
  unsigned long mac = std::stoul(signer_.Sign("code:" + token).substr(0, 8), nullptr, 16);
  std::string code = fmt::format("{:04}", mac % 10000);
  auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {token, code, "", ""});
  EXPECT_EQ(v.kind, GuardVerdict::Kind::kPass) << v.message;
  EXPECT_EQ(v.symbol, "CODE_TYPED");
}

TEST_F(FormGuardTest, ACodeFitsOnlyItsOwnToken) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  EXPECT_EQ(f.token.substr(0, 3), "t3.");
  EXPECT_EQ(f.code.size(), 4u);
  int fits = 0;
  for (int i = 0; i < 50; ++i) {
    IssuedForm g = guard_.Issue(kArticle, "203.0.113.7", kNow);
    fits += guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {g.token, f.code, "", ""}).kind ==
            GuardVerdict::Kind::kPass;
  }
  EXPECT_LE(fits, 2);  // another form's code fits 1 time in 10,000
}

TEST_F(FormGuardTest, HoneypotFilledIsABot) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, f.code, "", "http://x"});
  EXPECT_EQ(v.kind, GuardVerdict::Kind::kBot);
  EXPECT_EQ(v.symbol, "HONEYPOT");
}

TEST_F(FormGuardTest, TimingNetworkAndCodeProblemsAreRetries) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  auto at = [&](int64_t t, const std::string& ip, const std::string& code) {
    return guard_.Verify(kArticle, ip, t, {f.token, code, "", ""}).symbol;
  };
  EXPECT_EQ(at(kNow + 1, "203.0.113.7", f.code), "TOO_FAST");
  EXPECT_EQ(at(kNow + 3601, "203.0.113.7", f.code), "TOKEN_EXPIRED");
  EXPECT_EQ(at(kNow + 5, "198.51.100.7", f.code), "TOKEN_OTHER_NETWORK");
  EXPECT_EQ(at(kNow + 5, "203.0.113.250", f.code), "CODE_TYPED");  // same /24
  EXPECT_EQ(at(kNow + 5, "203.0.113.7", ""), "CODE_MISSING");
  EXPECT_EQ(at(kNow + 5, "203.0.113.7", f.code == "0000" ? "0001" : "0000"), "CODE_WRONG");
  EXPECT_EQ(guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {"", "", "", ""}).kind,
            GuardVerdict::Kind::kRetry);
}

TEST_F(FormGuardTest, ProofOfWorkCannotBeReusedOrFaked) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  IssuedForm other = guard_.Issue(kArticle, "203.0.113.7", kNow);
  std::string solved_other = Solve(other.token, 8, 3);
  // Solutions of another token, one solution repeated, too few: the code is still required.
  for (const std::string& pow : {solved_other, std::string("1,1,1"), std::string("5")}) {
    auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, "", pow, ""});
    EXPECT_EQ(v.kind, GuardVerdict::Kind::kRetry) << pow;
  }
}

TEST_F(FormGuardTest, ATokenIsUsedOnce) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  auto first = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, f.code, "", ""});
  ASSERT_EQ(first.kind, GuardVerdict::Kind::kPass);
  guard_.MarkUsed(first.nonce, 77, kNow + 5);
  auto again = guard_.Verify(kArticle, "203.0.113.7", kNow + 6, {f.token, f.code, "", ""});
  EXPECT_EQ(again.kind, GuardVerdict::Kind::kReplay);
  EXPECT_EQ(again.earlier_comment, 77);
  guard_.Forget(first.nonce);
  EXPECT_EQ(guard_.Verify(kArticle, "203.0.113.7", kNow + 7, {f.token, f.code, "", ""}).kind,
            GuardVerdict::Kind::kPass);
}

// The tokens spent on stored comments, as the store keeps them.
class FakeSpentLog : public store::SpentTokenLog {
 public:
  Result<int64_t> FindSpentToken(const std::string& nonce) override {
    auto it = spent.find(nonce);
    if (it == spent.end()) return NotFound("unspent");
    return it->second;
  }
  std::map<std::string, int64_t> spent;
};

class DurableFormGuardTest : public testing::Test {
 protected:
  Signer signer_{"test-secret"};
  FakeSpentLog log_;
  FormGuard guard_{signer_, {3, 3600, 8, 3}, &log_};
};

TEST_F(DurableFormGuardTest, AClaimedTokenCannotBeClaimedAgainAndAStoredOneIsAReplay) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, f.code, "", ""});
  ASSERT_EQ(v.kind, GuardVerdict::Kind::kPass);
  ASSERT_TRUE(guard_.Claim(v.nonce, kNow + 5));
  EXPECT_FALSE(guard_.Claim(v.nonce, kNow + 5));  // a second post with the same form
  EXPECT_EQ(guard_.Verify(kArticle, "203.0.113.7", kNow + 6, {f.token, f.code, "", ""}).kind,
            GuardVerdict::Kind::kReplay);
  // Stored with its comment: memory lets it go, the log answers for it.
  log_.spent[v.nonce] = 31;
  guard_.MarkUsed(v.nonce, 31, kNow + 6);
  EXPECT_EQ(guard_.remembered(), 0u);
  auto again = guard_.Verify(kArticle, "203.0.113.7", kNow + 7, {f.token, f.code, "", ""});
  EXPECT_EQ(again.kind, GuardVerdict::Kind::kReplay);
  EXPECT_EQ(again.earlier_comment, 31);
  EXPECT_FALSE(guard_.Claim(v.nonce, kNow + 7));
  EXPECT_EQ(guard_.remembered(), 0u);
}

TEST_F(DurableFormGuardTest, ATokenSpentBeforeARestartIsStillAReplay) {
  IssuedForm f = guard_.Issue(kArticle, "203.0.113.7", kNow);
  auto v = guard_.Verify(kArticle, "203.0.113.7", kNow + 5, {f.token, f.code, "", ""});
  log_.spent[v.nonce] = 12;  // what the store kept of the last run
  FormGuard restarted(signer_, {3, 3600, 8, 3}, &log_);
  auto after = restarted.Verify(kArticle, "203.0.113.7", kNow + 9, {f.token, f.code, "", ""});
  EXPECT_EQ(after.kind, GuardVerdict::Kind::kReplay);
  EXPECT_EQ(after.earlier_comment, 12);
}

// 800 posts a second for four hours, each refused (Forget) or stored
// (MarkUsed): memory holds the posts in flight, nothing more.
TEST_F(DurableFormGuardTest, MemoryHoldsOnlyThePostsInFlight) {
  constexpr int64_t kPerSecond = 800, kSeconds = 4 * 3600;
  size_t most = 0;
  for (int64_t second = 0; second < kSeconds; second += 60) {  // a minute's worth per step
    std::vector<std::string> in_flight;
    for (int64_t i = 0; i < kPerSecond; ++i) {
      std::string nonce = std::to_string(second) + "-" + std::to_string(i);
      ASSERT_TRUE(guard_.Claim(nonce, kNow + second));
      in_flight.push_back(nonce);
    }
    most = std::max(most, guard_.remembered());
    for (size_t i = 0; i < in_flight.size(); ++i) {
      if (i % 2) {
        guard_.Forget(in_flight[i]);
      } else {
        guard_.MarkUsed(in_flight[i], 1, kNow + second);
      }
    }
  }
  EXPECT_EQ(most, static_cast<size_t>(kPerSecond));
  EXPECT_EQ(guard_.remembered(), 0u);
}

TEST(FormGuardStatic, AddressPrefixes) {
  EXPECT_EQ(FormGuard::AddressPrefix("203.0.113.7"), "203.0.113");
  EXPECT_EQ(FormGuard::AddressPrefix("2001:db8:85a3:8d3:1319:8a2e:370:7348"), "2001:db8:85a3:8d3");
  // Parsed, not cut from the text: every address of one /64 is one prefix.
  EXPECT_EQ(FormGuard::AddressPrefix("2001:db8::1"), "2001:db8:0:0");
  EXPECT_EQ(FormGuard::AddressPrefix("2001:db8::a:b:c:d"), "2001:db8:0:0");
  EXPECT_EQ(FormGuard::AddressPrefix("2001:0db8:0000:0000:5::"), "2001:db8:0:0");
  EXPECT_EQ(FormGuard::AddressPrefix("::ffff:203.0.113.7"), "203.0.113");
  EXPECT_EQ(FormGuard::AddressPrefix("not an address"), "not an address");
}

TEST(RateCounter, CountsAndDecays) {
  RateCounter c(60'000);
  EXPECT_DOUBLE_EQ(c.Add("a", 0), 1.0);
  EXPECT_DOUBLE_EQ(c.Add("a", 0), 2.0);
  EXPECT_NEAR(c.Peek("a", 60'000), 1.0, 1e-9);  // one half-life later
  EXPECT_NEAR(c.Peek("a", 120'000), 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(c.Peek("b", 0), 0.0);
  EXPECT_NEAR(c.Add("a", 120'000), 1.5, 1e-9);
}

}  // namespace
}  // namespace tribune::comments
