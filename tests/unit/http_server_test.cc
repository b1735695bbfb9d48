// The server itself, in this process, on a loopback port: whatever a handler
// puts in a header, no control character reaches the socket.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "http/server.h"

namespace tribune::http {
namespace {

// Sends `request` to 127.0.0.1:`port` and returns every byte until the server closes.
std::string Exchange(uint16_t port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "connect failed";
  }
  ::send(fd, request.data(), request.size(), 0);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, n);
  ::close(fd);
  return out;
}

class ServerHeaderTest : public ::testing::Test {
 protected:
  void Serve(Handler handler) {
    ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<Server>(options, std::move(handler));
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (!server_) return;
    server_->Stop();
    thread_.join();
  }
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerHeaderTest, AHeaderWithALineBreakIsNeverSentAndTheAnswerIs500) {
  Serve([](Request& req, Respond respond) {
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", req.QueryParam("back"));
    r.body = "see other";
    respond(std::move(r));
  });
  std::string sent = Exchange(server_->port(),
                              "GET /?back=/x%0d%0aSet-Cookie:%20tn=evil%0d%0a%0d%0aHTTP/1.1%20200 "
                              "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(sent.rfind("HTTP/1.1 500 ", 0), 0u) << sent;
  EXPECT_EQ(sent.find("Set-Cookie"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("tn=evil"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("Location"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("HTTP/1.1 200"), std::string::npos) << sent;
}

TEST_F(ServerHeaderTest, EveryControlCharacterAndBadNameIsRefused) {
  Serve([](Request& req, Respond respond) {
    Response r;
    std::string which = req.QueryParam("c");
    if (which == "name") {
      r.headers.emplace_back("X-A: b\r\nX-C", "d");
    } else if (which == "type") {
      r.content_type = "text/html\nX-Injected: 1";
    } else {
      r.headers.emplace_back("X-Value",
                             "a" + std::string(1, static_cast<char>(std::stoi(which))) + "b");
    }
    respond(std::move(r));
  });
  std::vector<std::string> cases = {"name", "type", "0", "9", "10", "13", "27", "127"};
  for (const std::string& c : cases) {
    std::string sent = Exchange(server_->port(), "GET /?c=" + c + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(sent.rfind("HTTP/1.1 500 ", 0), 0u) << c << ": " << sent;
    // None of the handler's headers (the server's own request id stays).
    for (const char* h : {"X-A", "X-C", "X-Injected", "X-Value"}) {
      EXPECT_EQ(sent.find(h), std::string::npos) << c << ": " << sent;
    }
    EXPECT_NE(sent.find("X-Request-Id: "), std::string::npos) << sent;
  }
  std::string fine = Exchange(server_->port(),
                              "GET /?c=65 HTTP/1.1\r\nHost: x\r\nConnection: "
                              "close\r\n\r\n");
  EXPECT_EQ(fine.rfind("HTTP/1.1 200 ", 0), 0u) << fine;
  EXPECT_NE(fine.find("X-Value: aAb\r\n"), std::string::npos) << fine;
}

}  // namespace
}  // namespace tribune::http
