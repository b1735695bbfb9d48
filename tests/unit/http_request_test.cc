#include <gtest/gtest.h>

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
