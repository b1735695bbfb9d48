// Absolute links (API urls, feed links, canonical links) point where the
// site is really served: base_url when configured, else a listed Host, else
// the address the server listens on. A non-loopback address served without
// base_url is warned about at start-up.
#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using nlohmann::json;

// Every absolute link the site gives out for `article`, fetched with `headers`.
std::vector<std::string> LinksGivenOut(int port, const ArticleRow& article,
                                       const HeaderList& headers = {}) {
  std::vector<std::string> links;
  json list = json::parse(Get(port, "/api/v1/articles", headers).body);
  for (const json& a : list.at("articles")) links.push_back(a.at("url").get<std::string>());
  links.push_back(
      json::parse(Get(port, "/api/v1/articles/" + std::to_string(article.id), headers).body)
          .at("url")
          .get<std::string>());
  for (const std::string& feed : {std::string("/rss.xml"), article.Base() + "/comments.rss"}) {
    for (const std::string& l : AllMatches(Get(port, feed, headers).body, "<link>([^<]*)</link>")) {
      links.push_back(l);
    }
  }
  for (const std::string& page : {std::string("/"), article.PagePath()}) {
    auto canonical =
        FirstMatch(Get(port, page, headers).body, R"re(<link rel="canonical" href="([^"]*)")re");
    links.push_back(canonical.value_or("(no canonical link on " + page + ")"));
  }
  return links;
}

void ExpectAllUnder(const std::vector<std::string>& links, const std::string& base) {
  ASSERT_GE(links.size(), 5u);
  for (const std::string& link : links) EXPECT_EQ(link.rfind(base + "/", 0), 0u) << link;
}

class Links : public SharedServerTest<Links> {};

TEST_F(Links, WithoutBaseUrlLinksUseTheListenAddressAndPort) {
  ExpectAllUnder(LinksGivenOut(port(), articles()[0]),
                 "http://127.0.0.1:" + std::to_string(port()));
}

class LinkHosts : public SharedServerTest<LinkHosts> {
 public:
  static std::string ConfigToml() {
    return "[site]\nhosts = [\"news.example\", \"alt.example:8080\"]\n";
  }
};

TEST_F(LinkHosts, ALinkUsesAListedHostAndNeverAnUnlistedOne) {
  ExpectAllUnder(LinksGivenOut(port(), articles()[0], {{"Host", "news.example"}}),
                 "http://news.example");
  ExpectAllUnder(LinksGivenOut(port(), articles()[0], {{"Host", "ALT.example:8080"}}),
                 "http://alt.example:8080");
  ExpectAllUnder(LinksGivenOut(port(), articles()[0], {{"Host", "evil.example"}}),
                 "http://news.example");
}

class LinkBaseUrl : public SharedServerTest<LinkBaseUrl> {
 public:
  static std::string ConfigToml() {
    return "[site]\nbase_url = \"https://news.example/\"\nhosts = [\"other.example\"]\n";
  }
};

TEST_F(LinkBaseUrl, AConfiguredBaseUrlWins) {
  ExpectAllUnder(LinksGivenOut(port(), articles()[0], {{"Host", "other.example"}}),
                 "https://news.example");
}

TEST(LinkWarnings, AWildcardAddressWithoutBaseUrlIsWarnedAboutAndLinksFollowTheConnection) {
  TempDir dir;
  TribuneServer server(dir.path());
  server.ListenOn("0.0.0.0");
  server.Start();
  ExpectAllUnder(LinksGivenOut(server.port(), ListArticles(server.db(), dir.path())[0]),
                 "http://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_NE(server.Logs().find("without [site] base_url"), std::string::npos) << server.Logs();
  EXPECT_EQ(server.Stop(), 0);
}

TEST(LinkWarnings, ALoopbackAddressIsNotWarnedAbout) {
  TempDir dir;
  TribuneServer server(dir.path());
  server.Start();
  EXPECT_EQ(server.Logs().find("base_url"), std::string::npos) << server.Logs();
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
