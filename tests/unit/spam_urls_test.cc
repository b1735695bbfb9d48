#include <gtest/gtest.h>

#include "spam/text/urls.h"

namespace tribune::spam::text {
namespace {

TEST(SpamUrls, FindsFullUrlsAndRegistrableDomain) {
  LinkScan s = FindLinks("see https://www.Example.co.uk/a/b?c=1, then go");
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].host, "www.example.co.uk");
  EXPECT_EQ(s.links[0].domain, "example.co.uk");
  EXPECT_EQ(s.links[0].tld, "uk");
  EXPECT_FALSE(s.links[0].bare);
}

// Found by spam_urls_fuzz: a NUL inside a URL cut the host short for libpsl,
// so the link's domain was text that is not the end of its host.
TEST(SpamUrls, ALinkEndsAtAControlCharacter) {
  using namespace std::string_literals;
  LinkScan s = FindLinks("see http://bonus.ru\x1d\x00x.example.com now"s);
  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.links[0].host, "bonus.ru");
  EXPECT_EQ(s.links[0].domain, "bonus.ru");
  EXPECT_EQ(s.links[1].domain, "example.com");
  EXPECT_EQ(RegistrableDomain("a.example.com\0.evil.org"s), "a.example.com\0.evil.org"s);
}

TEST(SpamUrls, FindsBareDomains) {
  LinkScan s = FindLinks("References:\nhistorydb.date");
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_TRUE(s.links[0].bare);
  EXPECT_EQ(s.links[0].domain, "historydb.date");
}

TEST(SpamUrls, IgnoresMissingSpaceAfterFullStop) {
  EXPECT_TRUE(FindLinks("That was the end.Today we start again.").links.empty());
  EXPECT_TRUE(FindLinks("I think it.is fine, e.g. here").links.empty());
  EXPECT_TRUE(FindLinks("see report.pdf and index.html").links.empty());
}

TEST(SpamUrls, SourceFileNamesAreNotDomains) {
  EXPECT_TRUE(FindLinks("Why remove it from iser.py, lvm.py and linuxscsi.py?").links.empty());
  EXPECT_TRUE(FindLinks("move them to config.mk, envsetup.sh is not a makefile").links.empty());
  EXPECT_TRUE(FindLinks("see README.md and src/main.rs; link libfoo.so").links.empty());
  // With a scheme, "www." or a path it is an address.
  EXPECT_EQ(FindLinks("read https://example.py now").links.size(), 1u);
  EXPECT_EQ(FindLinks("shop at cheap-pills.pl/order now").links.size(), 1u);
}

TEST(SpamUrls, AnEmailAddressIsNotALink) {
  EXPECT_TRUE(FindLinks("If you need it urgently email support@fiftythree.com.").links.empty());
  EXPECT_TRUE(FindLinks("Signed-off-by: Nick V <nv@mail.chromium.org>").links.empty());
  EXPECT_TRUE(FindLinks("write to john.doe@example.org today").links.empty());
  // A handle that names a site has no address before its "@": still a link.
  LinkScan handle = FindLinks("follow @binance.us for more");
  ASSERT_EQ(handle.links.size(), 1u);
  EXPECT_EQ(handle.links[0].domain, "binance.us");
  LinkScan both = FindLinks("mail me at a@b-mail.com or see http://b-mail.com/x");
  ASSERT_EQ(both.links.size(), 1u);
  EXPECT_FALSE(both.links[0].bare);
}

TEST(SpamUrls, UndoesDisguises) {
  LinkScan a = FindLinks("visit hxxps://bad-site[.]com/x now");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].domain, "bad-site.com");
  EXPECT_GT(a.deobfuscations, 0);

  LinkScan b = FindLinks("go to cheapmeds dot com today");
  ASSERT_EQ(b.links.size(), 1u);
  EXPECT_EQ(b.links[0].domain, "cheapmeds.com");

  LinkScan c = FindLinks("marketglory . com/strategygame earn money");
  ASSERT_EQ(c.links.size(), 1u);
  EXPECT_EQ(c.links[0].domain, "marketglory.com");
}

TEST(SpamUrls, PlainLinksAreNotDisguised) {
  EXPECT_EQ(FindLinks("read http://www.cbc.ca/news/x").deobfuscations, 0);
}

TEST(SpamUrls, RemovesLinksFromText) {
  LinkScan s = FindLinks("look http://a.example.com/x here");
  EXPECT_EQ(s.without_links, "look   here");
}

}  // namespace
}  // namespace tribune::spam::text
