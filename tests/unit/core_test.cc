#include <gtest/gtest.h>

#include <fstream>

#include "core/config.h"
#include "core/html.h"
#include "core/time_format.h"
#include "core/utf8.h"

namespace tribune {
namespace {

TEST(Html, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(html::Escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(html::Escape("plain ünïcode"), "plain ünïcode");
}

TEST(Html, FormDecodeHandlesPlusEscapesAndMalformedEscapes) {
  EXPECT_EQ(html::FormDecode("a+b%20c%3D%e2%82%ac"), "a b c=€");
  EXPECT_EQ(html::FormDecode("100%"), "100%");
  EXPECT_EQ(html::FormDecode("%zz%4"), "%zz%4");
}

TEST(Html, UrlEncodeKeepsUnreservedOnly) {
  EXPECT_EQ(html::UrlEncode("/news/1-a.html?x=1&y"), "%2Fnews%2F1-a.html%3Fx%3D1%26y");
}

TEST(Html, XmlEscapeDropsForbiddenControls) {
  std::string out;
  html::AppendXmlEscaped(out, std::string("a\x01" "b\x0b<", 5));
  EXPECT_EQ(out, "ab&lt;");
}

TEST(Html, XmlEscapeDropsEveryCharacterXmlForbids) {
  std::string out;
  html::AppendXmlEscaped(out, "ok\t\n\r\x7f \xef\xbf\xbe\xef\xbf\xbf\xed\xb0\x80\xc0\xaf\xf4\x90\x80\x80"
                              "\xef\xbf\xbd\xf0\x9f\x98\x80\xe2\x80\xa8 \xc2\x85");
  EXPECT_EQ(out, "ok\t\n\r\x7f \xef\xbf\xbd\xf0\x9f\x98\x80\xe2\x80\xa8 \xc2\x85");
}

TEST(Html, TextAsHtmlEscapesAndKeepsLineBreaks) {
  EXPECT_EQ(html::TextAsHtml("a <b>\n\"c\" & 'd'"),
            "a &lt;b&gt;<br>&quot;c&quot; &amp; &#39;d&#39;");
  EXPECT_EQ(html::TextAsHtml(""), "");
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(utf8::IsValid("ascii, Ελληνικά, ქართული, 𝐌𝐎𝐍𝐀"));
  EXPECT_FALSE(utf8::IsValid("\xff"));
  EXPECT_FALSE(utf8::IsValid("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(utf8::IsValid("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(utf8::IsValid("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(utf8::IsValid("abc\xe2\x82"));       // truncated
}

TEST(Utf8, TrimsUnicodeSpaceAndCountsCodePoints) {
  EXPECT_EQ(utf8::Trim("\u00a0\u3000 hi there\t\n\u200b"), "hi there");
  EXPECT_EQ(utf8::Trim(" \u200b "), "");
  EXPECT_EQ(utf8::Length("ქართ"), 4u);
  EXPECT_EQ(utf8::Truncate("ქართული", 3), "ქარ\u2026");
  EXPECT_EQ(utf8::Truncate("abc", 3), "abc");
}

TEST(TimeFormat, MatchesTheReferencePageStyles) {
  int64_t t = 1679387100;  // 2023-03-21 08:25 UTC
  EXPECT_EQ(timefmt::ArticleDate(t), "21-03-2023, 08:25");
  EXPECT_EQ(timefmt::CommentDate(1769344800), "25 January 2026 12:40");
  EXPECT_EQ(timefmt::Iso8601(t), "2023-03-21T08:25:00Z");
  EXPECT_EQ(timefmt::HttpDate(t), "Tue, 21 Mar 2023 08:25:00 GMT");
  EXPECT_EQ(timefmt::ParseHttpDate("Tue, 21 Mar 2023 08:25:00 GMT"), t);
  EXPECT_EQ(timefmt::ParseHttpDate("yesterday"), -1);
}

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = std::string(TRIBUNE_TEST_TMP) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(Config, ReadsKnownKeysAndKeepsDefaults) {
  auto c = LoadConfig(WriteFile("ok.toml", "[server]\nlisten = \"0.0.0.0:9000\"\n"
                                           "[comments]\nchallenge = false\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->server.listen, "0.0.0.0:9000");
  EXPECT_FALSE(c->comments.challenge);
  EXPECT_EQ(c->comments.per_page, 20);
}

TEST(Config, ReadsListsOfHostsAndOrigins) {
  auto c = LoadConfig(WriteFile("lists.toml",
                                "[site]\nhosts = [\"news.example\", \"a.example:8080\"]\n"
                                "[api]\ncors_origins = [\"https://b.example\", \"*\"]\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->site.hosts, (std::vector<std::string>{"news.example", "a.example:8080"}));
  EXPECT_EQ(c->api.cors_origins, (std::vector<std::string>{"https://b.example", "*"}));
  EXPECT_TRUE(c->site.base_url.empty());
}

TEST(Config, BadLinkSettingsAreNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {"[site]\nhosts = \"news.example\"\n", "site.hosts"},
      {"[site]\nhosts = [1]\n", "site.hosts"},
      {"[site]\nhosts = [\"a.example/x\"]\n", "site.hosts"},
      {"[site]\nbase_url = \"news.example\"\n", "site.base_url"},
      {"[api]\ncors_origins = [\"https://b.example/\"]\n", "api.cors_origins"},
      {"[api]\ncors_origins = [\"b.example\"]\n", "api.cors_origins"},
  };
  for (const auto& [toml, key] : cases) {
    auto c = LoadConfig(WriteFile("links.toml", toml));
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.status().message().find(key), std::string::npos) << c.status().message();
  }
}

TEST(Config, UnknownKeyIsNamed) {
  auto c = LoadConfig(WriteFile("typo.toml", "[server]\nlisten_addr = \"x\"\n"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("server.listen_addr"), std::string::npos);
}

TEST(Config, WrongTypeIsNamed) {
  auto c = LoadConfig(WriteFile("type.toml", "[comments]\nper_page = \"twenty\"\n"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("comments.per_page"), std::string::npos);
}

TEST(Config, BadValueIsNamed) {
  auto c = LoadConfig(WriteFile("neg.toml", "[server]\nbody_limit = -1\n"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("server.body_limit"), std::string::npos);
}

TEST(Config, SyntaxErrorGivesTheLine) {
  auto c = LoadConfig(WriteFile("syntax.toml", "[server]\nlisten = \n"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("line 2"), std::string::npos);
}

TEST(Config, SpamScoresTakeANumberOrAScoreAndGroup) {
  auto c = LoadConfig(WriteFile("scores.toml",
                                "[spam.scores]\nPHONE_NUMBER = 2\n"
                                "JOB_OFFER = { score = 1.0, group = \"contact\" }\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->spam.scores.at("PHONE_NUMBER").score, 2.0);
  EXPECT_EQ(c->spam.scores.at("JOB_OFFER").group, "contact");
  auto bad = LoadConfig(WriteFile("scores_bad.toml", "[spam.scores]\nX = { points = 1 }\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("spam.scores.X"), std::string::npos);
}

TEST(Config, ApiKeysNeedANameAndALongSecret) {
  EXPECT_TRUE(LoadConfig(WriteFile("k1.toml", "[api]\nkeys = [\"app:0123456789abcdef\"]\n")).ok());
  auto short_secret = LoadConfig(WriteFile("k2.toml", "[api]\nkeys = [\"app:short\"]\n"));
  ASSERT_FALSE(short_secret.ok());
  EXPECT_NE(short_secret.status().message().find("api.keys"), std::string::npos);
  EXPECT_FALSE(LoadConfig(WriteFile("k3.toml", "[api]\nkeys = [\"0123456789abcdef0123\"]\n")).ok());
}

}  // namespace
}  // namespace tribune
