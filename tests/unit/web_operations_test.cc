// The reader's address behind proxies, /metrics' route labels and text form.
#include <gtest/gtest.h>

#include "web/client_address.h"
#include "web/operations.h"

namespace tribune::web {
namespace {

TEST(ClientAddress, OnlyTrustedProxiesAreBelievedAndTheNearestOtherHopIsTheReader) {
  auto ca = ClientAddress::Make({"127.0.0.1", "10.0.0.0/8"});
  ASSERT_TRUE(ca.ok());
  // Not from a proxy: the header is the sender's own claim.
  EXPECT_EQ(ca->Of("203.0.113.5", "192.0.2.1"), "203.0.113.5");
  // From the proxy: the reader it names.
  EXPECT_EQ(ca->Of("127.0.0.1", "198.51.100.7"), "198.51.100.7");
  // A reader's forged entry stays left of the one the proxy added.
  EXPECT_EQ(ca->Of("127.0.0.1", "192.0.2.1, 198.51.100.7"), "198.51.100.7");
  // Two proxies in a row: skipped from the right.
  EXPECT_EQ(ca->Of("127.0.0.1", "198.51.100.7, 10.1.2.3"), "198.51.100.7");
  // Garbage ends the walk at the last good hop.
  EXPECT_EQ(ca->Of("127.0.0.1", "198.51.100.7, not-an-address"), "127.0.0.1");
  EXPECT_EQ(ca->Of("127.0.0.1", "2001:db8::1"), "2001:db8::1");
  EXPECT_EQ(ca->Of("127.0.0.1", ""), "127.0.0.1");
  EXPECT_FALSE(ClientAddress::Make({"10.0.0.0/99"}).ok());
  EXPECT_FALSE(ClientAddress::Make({"proxy.example"}).ok());
  EXPECT_TRUE(ClientAddress::Make({})->empty());
}

TEST(Metrics, RoutesAreAFewLabels) {
  EXPECT_EQ(RouteLabel("GET", "/"), "front");
  EXPECT_EQ(RouteLabel("GET", "/news/3-a-b.html?x=1"), "article");
  EXPECT_EQ(RouteLabel("GET", "/news/3-a-b/comments/page/2"), "comments_page");
  EXPECT_EQ(RouteLabel("POST", "/news/3-a-b/comments"), "comment_post");
  EXPECT_EQ(RouteLabel("GET", "/news/3-a-b/comments.rss"), "feed");
  EXPECT_EQ(RouteLabel("GET", "/api/v1/articles"), "api");
  EXPECT_EQ(RouteLabel("GET", "/newsroom/queue"), "newsroom");
  EXPECT_EQ(RouteLabel("GET", "/static/site.css"), "static");
  EXPECT_EQ(RouteLabel("GET", "/wp-login.php"), "other");
}

TEST(Metrics, RenderedInPrometheusTextForm) {
  Metrics m;
  m.Record("GET", "/", 200, 120);
  m.Record("GET", "/", 200, 5000);
  m.Record("GET", "/", 304, 80);
  m.Add("tribune_x_total", "counter", "An x.", "kind=\"a\"", [] { return 3.0; });
  m.Add("tribune_x_total", "counter", "An x.", "kind=\"b\"", [] { return 4.0; });
  std::string text = m.Render();
  EXPECT_NE(text.find("tribune_http_requests_total{route=\"front\",status=\"200\"} 2\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("tribune_http_requests_total{route=\"front\",status=\"304\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("tribune_http_request_duration_seconds_bucket{route=\"front\",le=\"0.0001\"} 1\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("tribune_http_request_duration_seconds_bucket{route=\"front\",le=\"+Inf\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("tribune_http_request_duration_seconds_count{route=\"front\"} 3\n"),
            std::string::npos);
  // One HELP and TYPE per family, then its lines.
  EXPECT_NE(text.find("# HELP tribune_x_total An x.\n# TYPE tribune_x_total counter\n"
                      "tribune_x_total{kind=\"a\"} 3\ntribune_x_total{kind=\"b\"} 4\n"),
            std::string::npos) << text;
}

}  // namespace
}  // namespace tribune::web
