// HTTP/1.1 behaviour of the server: keep-alive, limits, malformed input and
// clients that stall.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr int kReadTimeoutMs = 500;

class HttpProtocol : public SharedServerTest<HttpProtocol> {
 public:
  static std::string ConfigToml() {
    return PostingConfigToml() + "[server]\nread_timeout_ms = " + std::to_string(kReadTimeoutMs) +
           "\n";
  }
};

TEST_F(HttpProtocol, KeepAliveServesSeveralRequestsOnOneConnection) {
  HttpConnection conn(port());
  const std::pair<const char*, int> requests[] = {{"/healthz", 200},
                                                  {"/", 200},
                                                  {"/static/css/site.css", 200},
                                                  {"/no/such/page", 404},
                                                  {"/rss.xml", 200}};
  for (const auto& [path, status] : requests) {
    Response r = conn.Get(path);
    EXPECT_EQ(r.status, status) << path;
    EXPECT_NE(r.Header("Connection").value_or(""), "close") << path;
  }
  EXPECT_EQ(conn.Get("/healthz").status, 200);
}

TEST_F(HttpProtocol, ConnectionCloseIsHonoured) {
  HttpConnection conn(port());
  Response r = conn.Get("/healthz", {{"Connection", "close"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(conn.WaitForClose(milliseconds(2000)));
}

TEST_F(HttpProtocol, OversizedHeaderIsRejected) {
  HttpConnection conn(port());
  Request req{"GET", "/", {{"X-Padding", std::string(20 * 1024, 'p')}}, ""};
  conn.SendRaw(BuildRequest(req, port()));
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r) << "closed without a response";
  EXPECT_TRUE(r->status == 431 || r->status == 400) << r->status;
}

TEST_F(HttpProtocol, HeaderJustUnderTheLimitIsServed) {
  Request req{"GET", "/healthz", {{"X-Padding", std::string(12 * 1024, 'p')}}, ""};
  EXPECT_EQ(Fetch(port(), req).status, 200);
}

TEST_F(HttpProtocol, MalformedRequestLinesGet400) {
  const char* garbage[] = {
      "THIS IS NOT HTTP\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
      "GET / HTTQ/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nBroken header line without colon\r\n\r\n",
  };
  for (const char* bytes : garbage) {
    HttpConnection conn(port());
    conn.SendRaw(bytes);
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r) << "no response to " << bytes;
    EXPECT_EQ(r->status, 400) << bytes;
  }
  EXPECT_EQ(Get(port(), "/healthz").status, 200) << "server hurt by malformed requests";
}

TEST_F(HttpProtocol, StalledClientsAreDroppedWhileOthersAreServed) {
  constexpr int kStalled = 20;
  std::vector<std::unique_ptr<HttpConnection>> stalled;
  for (int i = 0; i < kStalled; ++i) {
    stalled.push_back(std::make_unique<HttpConnection>(port()));
    ASSERT_TRUE(stalled.back()->SendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "));
  }
  auto start = Clock::now();

  // Others keep being served while the stalled ones wait.
  HttpConnection other(port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(other.Get("/healthz").status, 200);
  EXPECT_EQ(Get(port(), "/").status, 200);

  auto deadline = start + milliseconds(kReadTimeoutMs * 6);
  int still_open = 0;
  for (auto& conn : stalled) {
    auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    if (!conn->WaitForClose(std::max(left, milliseconds(1)))) ++still_open;
  }
  EXPECT_EQ(still_open, 0) << "stalled connections still open after " << kReadTimeoutMs * 6
                           << " ms";
  auto waited = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
  EXPECT_GE(waited, kReadTimeoutMs / 2) << "closed before the read timeout";
  EXPECT_EQ(Get(port(), "/healthz").status, 200);
}

// A client that sends its body a byte at a time stalls just the same.
TEST_F(HttpProtocol, SlowBodyIsDroppedAfterReadTimeout) {
  HttpConnection slow(port());
  ASSERT_TRUE(
      slow.SendRaw("POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\n"
                   "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"));
  EXPECT_TRUE(slow.WaitForClose(milliseconds(kReadTimeoutMs * 6)));
}

TEST_F(HttpProtocol, InvalidContentLengthIs400) {
  const char* requests[] = {
      "POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Content-Length: 7\r\n\r\nhello",
  };
  for (const char* bytes : requests) {
    HttpConnection conn(port());
    conn.SendRaw(bytes);
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r) << "no response to " << bytes;
    EXPECT_EQ(r->status, 400) << bytes;
  }
}

// RFC 9112 §6.1 and §6.3: a request whose body length two parsers could
// read differently is refused, and its connection closed, so nothing after
// it on the connection is read as a request of its own.
TEST_F(HttpProtocol, DoubtfulTransferEncodingIsRefusedAndTheConnectionClosed) {
  const std::string post = "POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\n"
                           "Content-Type: application/json\r\n";
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::pair<std::string, int> cases[] = {
      {post + "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello", 400},
      {post + "Content-Length: 5\r\nTransfer-Encoding: gzip\r\n\r\nhello", 400},
      {post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400},
      {post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {post + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400},
      {post + "Transfer-Encoding: gzip\r\n\r\n", 400},
      {post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400},
      {post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501},
      {"POST /api/v1/articles/1/comments HTTP/1.0\r\nHost: x\r\n"
       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400},
  };
  for (const auto& [bytes, status] : cases) {
    SCOPED_TRACE(bytes);
    HttpConnection conn(port());
    conn.SendRaw(bytes + smuggled);
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r) << "closed without a response";
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->Header("Connection").value_or(""), "close");
    EXPECT_TRUE(conn.WaitForClose(milliseconds(2000)));
  }
}

// HTTP/1.1 servers must accept chunked request bodies.
TEST_F(HttpProtocol, ChunkedRequestBodyIsAccepted) {
  ArticleRow article = articles().front();
  Response challenge = Get(port(), "/api/v1/challenge?article=" + std::to_string(article.id));
  ASSERT_EQ(challenge.status, 200);
  nlohmann::json answer = nlohmann::json::parse(challenge.body);
  nlohmann::json comment = {{"author", "Chunky"},
                            {"email", "c@example.org"},
                            {"body", "Sent in chunks."},
                            {"code", answer.value("code", "")}};
  if (answer.contains("token")) comment["token"] = answer["token"];
  std::string json = comment.dump();
  std::string half = json.substr(0, json.size() / 2), rest = json.substr(json.size() / 2);
  auto hex = [](size_t n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%zx", n);
    return std::string(buf);
  };
  std::string chunked = hex(half.size()) + "\r\n" + half + "\r\n" + hex(rest.size()) + "\r\n" +
                        rest + "\r\n0\r\n\r\n";
  Response r = Fetch(
      port(), Request{"POST",
                      "/api/v1/articles/" + std::to_string(article.id) + "/comments",
                      {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}},
                      chunked});
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(HttpProtocol, ManyConcurrentClients) {
  constexpr int kClients = 16;
  constexpr int kRequestsEach = 10;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int c = 0; c < kClients; ++c) {
    threads.emplace_back([&] {
      try {
        HttpConnection conn(port());
        for (int i = 0; i < kRequestsEach; ++i) {
          if (conn.Get("/").status == 200) ++ok;
        }
      } catch (const std::exception&) {
        // Counted as missing answers below.
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kClients * kRequestsEach);
}

}  // namespace
}  // namespace tribune::itest
