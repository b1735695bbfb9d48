// ReadRequest: bytes to Request exactly as the server reads a connection.
#include <gtest/gtest.h>

#include "http/request_reader.h"

namespace tribune::http {
namespace {

using Kind = ReadOutcome::Kind;

TEST(ReadRequest, SplitsTargetAndLowersHeaderNames) {
  ReadOutcome r =
      ReadRequest("GET /news/1-a.html?page=2 HTTP/1.1\r\nHost: x\r\nCookie: fs=1\r\n\r\n");
  ASSERT_EQ(r.kind, Kind::kRequest);
  EXPECT_EQ(r.request.method, "GET");
  EXPECT_EQ(r.request.path, "/news/1-a.html");
  EXPECT_EQ(r.request.query, "page=2");
  EXPECT_EQ(r.request.Header("cookie"), "fs=1");
  EXPECT_EQ(r.request.Cookie("fs"), "1");
  EXPECT_TRUE(r.keep_alive);
}

TEST(ReadRequest, ReadsABodyAndStopsAtThePipelinedNext) {
  std::string first = "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na=b";
  ReadOutcome r = ReadRequest(first + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(r.kind, Kind::kRequest);
  EXPECT_EQ(r.request.body, "a=b");
  EXPECT_EQ(r.consumed, first.size());
}

TEST(ReadRequest, ChunkedBody) {
  ReadOutcome r = ReadRequest(
      "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
  ASSERT_EQ(r.kind, Kind::kRequest);
  EXPECT_EQ(r.request.body, "abc");
}

TEST(ReadRequest, IncompleteHeaderOrBody) {
  EXPECT_EQ(ReadRequest("GET / HTTP/1.1\r\nHost: x\r\n").kind, Kind::kIncomplete);
  EXPECT_EQ(ReadRequest("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab").kind, Kind::kIncomplete);
}

TEST(ReadRequest, RefusesWhatTheServerRefuses) {
  ReadOutcome smuggled =
      ReadRequest("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(smuggled.kind, Kind::kRefused);
  EXPECT_EQ(smuggled.status, 400);
  EXPECT_EQ(ReadRequest("GET / HTTP/1.1\r\nX: \x01\r\n\r\n").status, 400);
  RequestLimits small{64, 4};
  EXPECT_EQ(ReadRequest("GET / HTTP/1.1\r\nX: " + std::string(100, 'a') + "\r\n\r\n", small).status,
            431);
  EXPECT_EQ(ReadRequest("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde", small).status, 413);
}

}  // namespace
}  // namespace tribune::http
