#include "comments/bans.h"

#include <gtest/gtest.h>

namespace tribune::comments {
namespace {

site::Ban BanOf(site::BanKind kind, std::string pattern, int64_t expires_at = 0) {
  site::Ban b;
  b.kind = kind;
  b.pattern = std::move(pattern);
  b.expires_at = expires_at;
  return b;
}

PostIdentity From(std::string_view ip, std::string_view email = {}, std::string_view name = {},
                  std::vector<std::string> domains = {}) {
  return {ip, email, name, std::move(domains)};
}

TEST(Bans, AddressRangesOfBothFamilies) {
  auto v4 = BanOf(site::BanKind::kAddress, "203.0.113.0/24");
  EXPECT_TRUE(BanCovers(v4, From("203.0.113.77")));
  EXPECT_FALSE(BanCovers(v4, From("203.0.114.1")));
  EXPECT_FALSE(BanCovers(v4, From("2001:db8::1")));
  EXPECT_FALSE(BanCovers(v4, From("not an address")));
  auto one = BanOf(site::BanKind::kAddress, "198.51.100.7");
  EXPECT_TRUE(BanCovers(one, From("198.51.100.7")));
  EXPECT_FALSE(BanCovers(one, From("198.51.100.8")));
  auto odd = BanOf(site::BanKind::kAddress, "10.0.0.0/9");  // a range not on a byte boundary
  EXPECT_TRUE(BanCovers(odd, From("10.127.255.255")));
  EXPECT_FALSE(BanCovers(odd, From("10.128.0.0")));
  auto v6 = BanOf(site::BanKind::kAddress, "2001:db8:aa00::/40");
  EXPECT_TRUE(BanCovers(v6, From("2001:db8:aaff:1::5")));
  EXPECT_FALSE(BanCovers(v6, From("2001:db8:ab00::1")));
  // An IPv4 range covers the same address written IPv4-mapped.
  EXPECT_TRUE(BanCovers(v4, From("::ffff:203.0.113.9")));
}

TEST(Bans, EmailAddressesAndDomainsWhateverTheirCase) {
  auto one = BanOf(site::BanKind::kEmail, "Spammer@Example.com");
  EXPECT_TRUE(BanCovers(one, From("", "spammer@example.COM")));
  EXPECT_FALSE(BanCovers(one, From("", "other@example.com")));
  EXPECT_FALSE(BanCovers(one, From("")));
  auto domain = BanOf(site::BanKind::kEmail, "@mailinator.example");
  EXPECT_TRUE(BanCovers(domain, From("", "x@MAILINATOR.example")));
  EXPECT_FALSE(BanCovers(domain, From("", "x@notmailinator.example.org")));
  EXPECT_FALSE(BanCovers(domain, From("", "@mailinator.example")));
}

TEST(Bans, NamePatternsWithStars) {
  auto casino = BanOf(site::BanKind::kName, "*casino*");
  EXPECT_TRUE(BanCovers(casino, From("", "", "Best CASINO bonus")));
  EXPECT_TRUE(BanCovers(casino, From("", "", "casino")));
  EXPECT_FALSE(BanCovers(casino, From("", "", "Cassino")));
  auto exact = BanOf(site::BanKind::kName, "Nino");
  EXPECT_TRUE(BanCovers(exact, From("", "", "nino")));
  EXPECT_FALSE(BanCovers(exact, From("", "", "Nino B")));
  auto prefix = BanOf(site::BanKind::kName, "buy*now");
  EXPECT_TRUE(BanCovers(prefix, From("", "", "Buy pills now")));
  EXPECT_FALSE(BanCovers(prefix, From("", "", "Buy pills now!")));
}

TEST(Bans, LinkDomainsAndTheHostsUnderThem) {
  auto b = BanOf(site::BanKind::kDomain, "pills-example.top");
  EXPECT_TRUE(BanCovers(b, From("", "", "", {"pills-example.top"})));
  EXPECT_TRUE(BanCovers(b, From("", "", "", {"news.org", "shop.pills-example.top"})));
  EXPECT_FALSE(BanCovers(b, From("", "", "", {"notpills-example.top"})));
  EXPECT_FALSE(BanCovers(b, From("")));
}

TEST(Bans, PatternsAreCheckedForTheirKind) {
  using site::BanKind;
  EXPECT_EQ(site::BanPatternProblem(BanKind::kAddress, "203.0.113.0/24"), "");
  EXPECT_EQ(site::BanPatternProblem(BanKind::kAddress, "2001:db8::/32"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kAddress, "203.0.113.0/33"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kAddress, "example.com"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kEmail, "example.com"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kName, "**"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kDomain, "http://example.com/"), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kDomain, ""), "");
  EXPECT_NE(site::BanPatternProblem(BanKind::kName, "a\nb"), "");
  EXPECT_EQ(site::ParseBanKind("email"), BanKind::kEmail);
  EXPECT_FALSE(site::ParseBanKind("ip").has_value());
}

TEST(Bans, ExpiredBansNoLongerCount) {
  site::Ban b = BanOf(site::BanKind::kName, "x", /*expires_at=*/1000);
  EXPECT_TRUE(b.ActiveAt(999));
  EXPECT_FALSE(b.ActiveAt(1000));
  EXPECT_TRUE(BanOf(site::BanKind::kName, "x").ActiveAt(int64_t{1} << 40));
}

}  // namespace
}  // namespace tribune::comments
