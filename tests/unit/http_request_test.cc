#include <gtest/gtest.h>

#include "http/multipart.h"
#include "http/request.h"

namespace tribune::http {
namespace {

TEST(Request, QueryCookiesAndHeaders) {
  Request r;
  r.query = "page=3&back=%2Fnews%2F1-a.html&q=a+b";
  r.headers = {{"cookie", "a=1; fs=2;  other=x"}, {"accept-encoding", "br, gzip;q=0.5"}};
  EXPECT_EQ(r.QueryParam("page"), "3");
  EXPECT_EQ(r.QueryParam("back"), "/news/1-a.html");
  EXPECT_EQ(r.QueryParam("q"), "a b");
  EXPECT_EQ(r.QueryParam("missing"), "");
  EXPECT_EQ(r.Cookie("fs"), "2");
  EXPECT_EQ(r.Cookie("other"), "x");
  EXPECT_EQ(r.Cookie("f"), "");
  EXPECT_TRUE(r.AcceptsGzip());
  EXPECT_EQ(r.Header("accept-encoding"), "br, gzip;q=0.5");
}

TEST(Request, GzipRefusedWithQZeroOrAbsent) {
  Request r;
  r.headers = {{"accept-encoding", "gzip;q=0, br"}};
  EXPECT_FALSE(r.AcceptsGzip());
  r.headers = {{"accept-encoding", "identity"}};
  EXPECT_FALSE(r.AcceptsGzip());
  r.headers = {{"accept-encoding", "GZIP"}};
  EXPECT_TRUE(r.AcceptsGzip());
}

TEST(Request, ParseFormKeepsOrderAndDecodes) {
  auto f = ParseForm("name=Nino&body=line1%0D%0Aline2&&empty=&flag");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[1].second, "line1\r\nline2");
  EXPECT_EQ(f[2].first, "empty");
  EXPECT_EQ(f[3].first, "flag");
}

}  // namespace
}  // namespace tribune::http

namespace tribune::http {
namespace {

TEST(Multipart, PartsWithNamesFilesAndBytes) {
  using namespace std::string_literals;
  std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\ntoken-1\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".png\"\r\n"
      "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x00\x01--X\r\n--XyZ--\r\n"s;
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "t");
  EXPECT_EQ((*parts)[0].data, "token-1");
  EXPECT_EQ((*parts)[1].filename, "a \"b\".png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].data.substr(0, 4), "\x89PNG");
  EXPECT_NE((*parts)[1].data.find("--X"), std::string::npos);  // a near-boundary stays data
}

TEST(Multipart, MalformedBodiesAreRefused) {
  EXPECT_FALSE(ParseMultipart("application/x-www-form-urlencoded", "a=b").ok());
  EXPECT_FALSE(ParseMultipart("multipart/form-data", "--x\r\n").ok());
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=x",
                              "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nno end")
                   .ok());
  // A bare line feed (or NUL) in a part's head: not a browser's, refused.
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=x",
                              "--x\r\nContent-Disposition: form-data; name=\"a\nb\"\r\n\r\nv\r\n--x--")
                   .ok());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "--b\r\nContent-Disposition: form-data; name=p\r\n\r\nv\r\n";
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=b", many + "--b--").ok());
}

}  // namespace
}  // namespace tribune::http
