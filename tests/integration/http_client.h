// A small blocking HTTP/1.1 client over POSIX sockets, for talking to a real
// `tribune serve` on the loopback interface. It is deliberately independent
// of the server's HTTP stack so that a bug there cannot hide itself.
//
// Errors that make a test meaningless (connect refused, timeout, malformed
// response) throw std::runtime_error; GoogleTest reports them as failures.
// Not thread-safe: use one HttpConnection per thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tribune::itest {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method = "GET";
  std::string target = "/";
  HeaderList headers;  // Host and Content-Length are added unless present
  std::string body;
};

struct Response {
  int status = 0;
  std::string reason;
  HeaderList headers;
  std::string body;  // de-chunked, but not decompressed
  bool chunked = false;

  // The first header named `name` (case-insensitive), if any.
  std::optional<std::string> Header(std::string_view name) const;
  // Every header named `name`, in order (Set-Cookie may repeat).
  std::vector<std::string> AllHeaders(std::string_view name) const;
  // The body, gunzipped when Content-Encoding is gzip.
  std::string DecodedBody() const;
};

// Serialises `request` for a server on 127.0.0.1:`port`.
std::string BuildRequest(const Request& request, int port);

class HttpConnection {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

  // Connects to 127.0.0.1:`port`; throws if that fails. Every later read
  // waits at most `io_timeout` for the next bytes. `from`, when given, is the
  // loopback address to connect from (any of 127.0.0.0/8: one network per
  // /24 as the server counts them).
  explicit HttpConnection(int port, std::chrono::milliseconds io_timeout = kDefaultTimeout,
                          const std::string& from = "");
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends `request` and reads its response.
  Response Send(const Request& request);
  Response Get(const std::string& target, const HeaderList& headers = {});

  // Writes bytes as they are (malformed requests, partial headers).
  // Returns false when the peer has closed or reset the connection.
  bool SendRaw(std::string_view bytes);

  // Reads one response. nullopt when the peer closed before sending a byte;
  // throws on timeout or on a malformed response. `head` marks the answer to
  // a HEAD request (no body whatever the headers say).
  std::optional<Response> ReadResponse(bool head = false);

  // Waits up to `timeout` for the peer to close; true if it did. Bytes that
  // arrive meanwhile are discarded.
  bool WaitForClose(std::chrono::milliseconds timeout);

  int port() const { return port_; }

 private:
  // Appends at least one byte to buffer_; false on orderly close or reset.
  bool Fill();
  std::string ReadLine();
  std::string ReadExact(size_t n);
  std::string ReadChunkedBody();

  int fd_ = -1;
  int port_;
  std::chrono::milliseconds io_timeout_;
  std::string buffer_;  // received but not yet consumed
};

// One request on a fresh connection.
Response Fetch(int port, const Request& request);
Response Get(int port, const std::string& target, const HeaderList& headers = {});

// application/x-www-form-urlencoded body from name/value pairs.
std::string FormEncode(const HeaderList& fields);
std::string PercentEncode(std::string_view text);

// Cookies set by responses, sent back on later requests. Tracks name=value
// only (paths, expiry and domains do not matter for a single local host);
// Max-Age=0 or an empty value deletes.
class CookieJar {
 public:
  void Store(const Response& response);
  std::optional<std::string> Get(const std::string& name) const;
  // The value of a Cookie request header; empty when the jar is empty.
  std::string HeaderValue() const;

 private:
  std::vector<std::pair<std::string, std::string>> cookies_;
};

// Inflates a gzip stream; throws if it is not one.
std::string Gunzip(std::string_view data);

}  // namespace tribune::itest
