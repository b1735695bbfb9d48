// Static files, conditional requests, compression, path traversal.
#include "server_fixture.h"

namespace tribune::itest {
namespace {

class StaticFiles : public SharedServerTest<StaticFiles> {};

TEST_F(StaticFiles, CssHasCachingHeaders) {
  Response r = Get(port(), "/static/css/site.css");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.Header("Content-Type").value_or("").find("text/css"), std::string::npos);
  EXPECT_TRUE(r.Header("ETag"));
  EXPECT_TRUE(r.Header("Last-Modified"));
  EXPECT_TRUE(r.Header("Cache-Control"));
  EXPECT_EQ(r.body, ReadFile(StaticDir() / "css" / "site.css"));
}

TEST_F(StaticFiles, MatchingEtagGives304) {
  Response r = Get(port(), "/static/css/site.css");
  ASSERT_EQ(r.status, 200);
  std::string etag = r.Header("ETag").value_or("");
  ASSERT_FALSE(etag.empty());
  Response again = Get(port(), "/static/css/site.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  Response other = Get(port(), "/static/css/site.css", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(other.status, 200);
}

TEST_F(StaticFiles, MissingFileIs404) {
  EXPECT_EQ(Get(port(), "/static/css/no-such-file.css").status, 404);
}

TEST_F(StaticFiles, GzipWhenAskedForIt) {
  Response plain = Get(port(), "/");
  Response zipped = Get(port(), "/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(plain.status, 200);
  ASSERT_EQ(zipped.status, 200);
  EXPECT_FALSE(plain.Header("Content-Encoding"));
  ASSERT_EQ(zipped.Header("Content-Encoding").value_or(""), "gzip");
  EXPECT_LT(zipped.body.size(), plain.body.size());
  // Caches must keep the two apart.
  EXPECT_NE(zipped.Header("Vary").value_or("").find("Accept-Encoding"), std::string::npos);
  EXPECT_EQ(Gunzip(zipped.body), plain.body);
}

TEST_F(StaticFiles, PathTraversalNeverServesFiles) {
  const char* attempts[] = {
      "/static/../CMakeLists.txt",
      "/static/../../CMakeLists.txt",
      "/static/css/../../../CMakeLists.txt",
      "/static/%2e%2e/%2e%2e/CMakeLists.txt",
      "/static/%2e%2e%2f%2e%2e%2fCMakeLists.txt",
      "/static/..%2f..%2fCMakeLists.txt",
      "/static/%2E%2E/%2E%2E/CMakeLists.txt",
      "/static/....//....//CMakeLists.txt",
      "/static/%252e%252e/%252e%252e/CMakeLists.txt",
      "/static/..\\..\\CMakeLists.txt",
      "/static//etc/passwd",
      "/static/%00../../CMakeLists.txt",
  };
  for (const char* path : attempts) {
    Response r = Get(port(), path);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << path << " answered " << r.status;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("root:x:0:0"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace tribune::itest
