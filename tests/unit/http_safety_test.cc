// What the HTTP layer refuses to send (header values with control
// characters, redirects off the site) and to read (doubtful request framing),
// and the one parser of numbers in requests.
#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <string>

#include "core/numbers.h"
#include "http/framing.h"
#include "http/header_safety.h"
#include "http/local_path.h"

namespace tribune::http {
namespace {

TEST(LocalPath, PathsOnThisSiteAreKept) {
  for (const char* target :
       {"/", "/news/1-a.html", "/news/1-a.html?posted=2#c2", "/news/1-a/comments/page/3",
        "/%09/evil.example/", "/a%0d%0ab", "/newsroom/queue?show=spam&done=approve&id=3&n=1"}) {
    EXPECT_TRUE(IsLocalPath(target)) << target;
  }
}

TEST(LocalPath, AnythingABrowserCouldTakeToAnotherOriginIsRefused) {
  const std::string targets[] = {
      "",
      "//evil.example/",
      "/\\evil.example/",
      "\\\\evil.example",
      "/\t/evil.example/",  // the URL parser drops the tab: //evil.example/
      "/\n/evil.example/",
      "/\r\n/evil.example/",
      "/x\r\nSet-Cookie: a=b",
      std::string("/x\0y", 4),
      "/x\x7f",
      "/a b",
      "/a\\b",
      "http://evil.example/",
      "https:evil.example",
      "javascript:alert(1)",
      "evil.example",
      "./x",
      "?x=1",
      "/caf\xc3\xa9",
      std::string("/") + std::string(kMaxLocalPath, 'a')};
  for (const std::string& target : targets) {
    EXPECT_FALSE(IsLocalPath(target)) << Printable(target);
  }
}

TEST(HeaderSafety, NamesAreTokensAndValuesHaveNoControlCharacters) {
  EXPECT_TRUE(IsHeaderName("Set-Cookie"));
  EXPECT_FALSE(IsHeaderName(""));
  EXPECT_FALSE(IsHeaderName("Set Cookie"));
  EXPECT_FALSE(IsHeaderName("X:Y"));
  EXPECT_FALSE(IsHeaderName("X\r\nY"));
  EXPECT_TRUE(IsSafeHeaderValue("fs=1; Path=/; Max-Age=31536000; SameSite=Lax"));
  EXPECT_TRUE(IsSafeHeaderValue("caf\xc3\xa9"));  // obs-text is not a control character
  for (char c = 0; c < 0x20; ++c) {
    EXPECT_FALSE(IsSafeHeaderValue(std::string("a") + c + "b")) << int(c);
  }
  EXPECT_FALSE(IsSafeHeaderValue("a\x7f"));
}

TEST(HeaderSafety, TheFirstUnsafeHeaderIsNamed) {
  Response r;
  r.headers = {{"Location", "/"}, {"Cache-Control", "no-store"}};
  EXPECT_EQ(UnsafeHeader(r), "");
  r.headers.emplace_back("Location", "/\r\nSet-Cookie: tn=x");
  EXPECT_EQ(UnsafeHeader(r), "Location");
  r.headers = {{"X-Bad\r\nName", "v"}};
  EXPECT_EQ(UnsafeHeader(r), "X-Bad??Name");
  r.headers.clear();
  r.content_type = "text/html\r\nX-Injected: 1";
  EXPECT_EQ(UnsafeHeader(r), "Content-Type");
}

struct FramingCase {
  const char* name;
  std::vector<std::string_view> transfer_encodings;
  bool content_length;
  unsigned version;
  int status;
};

TEST(Framing, RequestsWhoseBodyLengthIsInDoubtAreRefused) {
  const FramingCase cases[] = {
      {"no body framing", {}, false, 11, 0},
      {"content length alone", {}, true, 11, 0},
      {"chunked", {"chunked"}, false, 11, 0},
      {"chunked, any case", {"Chunked"}, false, 11, 0},
      {"chunked with content length", {"chunked"}, true, 11, 400},
      {"gzip with content length", {"gzip"}, true, 11, 400},
      {"gzip last", {"gzip"}, false, 11, 400},
      {"chunked then gzip", {"chunked, gzip"}, false, 11, 400},
      {"chunked twice", {"chunked", "chunked"}, false, 11, 400},
      {"chunked twice in one field", {"chunked,chunked"}, false, 11, 400},
      {"empty coding", {""}, false, 11, 400},
      {"gzip then chunked", {"gzip, chunked"}, false, 11, 501},
      {"gzip then chunked in two fields", {"gzip", "chunked"}, false, 11, 501},
      {"HTTP/1.0 chunked", {"chunked"}, false, 10, 400},
      {"empty list elements", {" , chunked ,"}, false, 11, 0},
  };
  for (const auto& c : cases) {
    FramingProblem p = CheckFraming(c.transfer_encodings, c.content_length, c.version);
    EXPECT_EQ(p.status, c.status) << c.name << ": " << p.reason;
    EXPECT_EQ(p.reason.empty(), c.status == 0) << c.name;
  }
}

TEST(Numbers, OneParserForEveryNumberInARequest) {
  EXPECT_EQ(ParseWhole("0"), 0);
  EXPECT_EQ(ParseWhole("42"), 42);
  EXPECT_EQ(ParsePositive("9223372036854775807"), std::numeric_limits<int64_t>::max());
  for (const char* bad : {"", "+1", "-1", " 1", "1 ", "1.0", "1e3", "0x10", "١",
                          "9223372036854775808", "99999999999999999999"}) {
    EXPECT_FALSE(ParseWhole(bad)) << bad;
  }
  EXPECT_FALSE(ParsePositive("0"));
  EXPECT_TRUE(IsDigits("99999999999999999999"));
  EXPECT_FALSE(IsDigits(""));
}

TEST(Numbers, QueryParametersAreAbsentValidOrInvalid) {
  Request r;
  r.query = "page=3&empty=&big=99999999999999999999&neg=-2&zero=0";
  EXPECT_EQ(r.PositiveParam("page", 1), 3);
  EXPECT_EQ(r.PositiveParam("missing", 1), 1);
  EXPECT_EQ(r.PositiveParam("empty", 1), 1);
  EXPECT_FALSE(r.PositiveParam("big", 1));
  EXPECT_FALSE(r.PositiveParam("neg", 1));
  EXPECT_FALSE(r.PositiveParam("zero", 1));
}

}  // namespace
}  // namespace tribune::http
