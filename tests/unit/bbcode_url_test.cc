// URL, colour and autolink checks.
#include <gtest/gtest.h>

#include <string>

#include "bbcode/autolink.h"
#include "bbcode/color.h"
#include "bbcode/url.h"

namespace tribune::bbcode {
namespace {

std::string Link(std::string_view raw) { return SanitizeUrl(raw, UrlSchemes::kWebAndMail); }

TEST(SanitizeUrlTest, KeepsWebAndMailUrls) {
  EXPECT_EQ(Link("http://example.com"), "http://example.com");
  EXPECT_EQ(Link("https://example.com/a?b=c&d=e#f"), "https://example.com/a?b=c&d=e#f");
  EXPECT_EQ(Link("mailto:ann@example.com"), "mailto:ann@example.com");
  EXPECT_EQ(Link("https://example.com:8443/x"), "https://example.com:8443/x");
  EXPECT_EQ(Link("https://пример.рф/путь"), "https://пример.рф/путь");
}

TEST(SanitizeUrlTest, LowersSchemeAndTrims) {
  EXPECT_EQ(Link("  HTTPS://Example.com/Path \t"), "https://Example.com/Path");
  EXPECT_EQ(Link("\x01\x02http://example.com\x7f"), "http://example.com");
  EXPECT_EQ(Link("\xC2\xA0http://example.com"), "http://example.com");  // NBSP
}

TEST(SanitizeUrlTest, AddsSchemeToWww) {
  EXPECT_EQ(Link("www.example.com/x"), "http://www.example.com/x");
  EXPECT_EQ(Link("WWW.example.com"), "http://WWW.example.com");
}

TEST(SanitizeUrlTest, RefusesOtherSchemes) {
  EXPECT_EQ(Link("javascript:alert(1)"), "");
  EXPECT_EQ(Link("JaVaScRiPt:alert(1)"), "");
  EXPECT_EQ(Link("vbscript:msgbox(1)"), "");
  EXPECT_EQ(Link("data:text/html;base64,PHNjcmlwdD4="), "");
  EXPECT_EQ(Link("file:///etc/passwd"), "");
  EXPECT_EQ(Link("ftp://example.com"), "");
  EXPECT_EQ(SanitizeUrl("mailto:a@b.c", UrlSchemes::kWeb), "");
}

TEST(SanitizeUrlTest, RefusesObfuscatedSchemes) {
  EXPECT_EQ(Link("java\tscript:alert(1)"), "");
  EXPECT_EQ(Link("java\nscript:alert(1)"), "");
  EXPECT_EQ(Link(std::string_view("java\0script:alert(1)", 20)), "");
  EXPECT_EQ(Link(" \x0e javascript:alert(1)"), "");
  EXPECT_EQ(Link("&#106;avascript:alert(1)"), "");
  EXPECT_EQ(Link("&#x6A;avascript&#x3A;alert(1)"), "");
  EXPECT_EQ(Link("jav&#x09;ascript:alert(1)"), "");
  EXPECT_EQ(Link("javascript&colon;alert(1)"), "");
  EXPECT_EQ(Link("%6A%61vascript:alert(1)"), "");
}

TEST(SanitizeUrlTest, RefusesAttributeBreakersAndTricks) {
  EXPECT_EQ(Link("http://x\" onclick=\"alert(1)"), "");
  EXPECT_EQ(Link("\" onmouseover=\"alert(1)"), "");
  EXPECT_EQ(Link("http://x/<script>"), "");
  EXPECT_EQ(Link("http://a b"), "");
  EXPECT_EQ(Link("http:\\\\evil.com"), "");
  EXPECT_EQ(Link("http://good.com@evil.com"), "");
  EXPECT_EQ(Link("//evil.com"), "");
  EXPECT_EQ(Link("http:evil.com"), "");
  EXPECT_EQ(Link("http://"), "");
  EXPECT_EQ(Link("http://:80"), "");
  EXPECT_EQ(Link("http://x.com:8o"), "");
  EXPECT_EQ(Link("/relative/path"), "");
  EXPECT_EQ(Link("example.com"), "");
  EXPECT_EQ(Link("mailto:"), "");
  EXPECT_EQ(Link(""), "");
  EXPECT_EQ(Link("http://x.com/\xff"), "");  // not UTF-8
}

TEST(SanitizeUrlTest, RefusesOverlongUrls) {
  std::string url = "http://example.com/";
  url.append(kMaxUrlLength - url.size(), 'a');
  EXPECT_EQ(Link(url), url);
  url.push_back('a');
  EXPECT_EQ(Link(url), "");
}

TEST(NormalizeColorTest, AcceptsNamesAndHex) {
  EXPECT_EQ(NormalizeColor("red"), "red");
  EXPECT_EQ(NormalizeColor(" DarkSlateGray "), "darkslategray");
  EXPECT_EQ(NormalizeColor("#A1B2C3"), "#a1b2c3");
  EXPECT_EQ(NormalizeColor("#abc"), "#abc");
  EXPECT_EQ(NormalizeColor("aliceblue"), "aliceblue");
  EXPECT_EQ(NormalizeColor("yellowgreen"), "yellowgreen");
}

TEST(NormalizeColorTest, RefusesEverythingElse) {
  EXPECT_EQ(NormalizeColor("red;background:url(javascript:alert(1))"), "");
  EXPECT_EQ(NormalizeColor("expression(alert(1))"), "");
  EXPECT_EQ(NormalizeColor("#abcd"), "");
  EXPECT_EQ(NormalizeColor("#ggg"), "");
  EXPECT_EQ(NormalizeColor("a1b2c3"), "");
  EXPECT_EQ(NormalizeColor("rgb(1,2,3)"), "");
  EXPECT_EQ(NormalizeColor("redd"), "");
  EXPECT_EQ(NormalizeColor("red\""), "");
  EXPECT_EQ(NormalizeColor(""), "");
}

TEST(MatchAutolinkTest, FindsUrlAndTrimsPunctuation) {
  std::string_view text = "see http://x.org/a. And (https://y.org/b_(c)) too";
  EXPECT_EQ(text.substr(4, MatchAutolink(text, 4)), "http://x.org/a");
  size_t y = text.find("https");
  EXPECT_EQ(text.substr(y, MatchAutolink(text, y)), "https://y.org/b_(c)");
}

TEST(MatchAutolinkTest, StopsAtTagsQuotesAndSpace) {
  std::string_view text = "http://x.org/a[/b] http://y.org\"z http://z.org<p";
  EXPECT_EQ(MatchAutolink(text, 0), 14u);
  EXPECT_EQ(MatchAutolink(text, 19), 12u);
  EXPECT_EQ(MatchAutolink(text, 34), 12u);
}

TEST(MatchAutolinkTest, NeedsBoundaryAndHost) {
  EXPECT_EQ(MatchAutolink("xhttp://x.org", 1), 0u);
  EXPECT_EQ(MatchAutolink("http://", 0), 0u);
  EXPECT_EQ(MatchAutolink("http://...", 0), 0u);
  EXPECT_EQ(MatchAutolink("ftp://x.org", 0), 0u);
  EXPECT_EQ(MatchAutolink("HTTPS://X.ORG", 0), 13u);
}

}  // namespace
}  // namespace tribune::bbcode
