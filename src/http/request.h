// HTTP requests and responses as the rest of Tribune sees them: plain data,
// no Beast types, so handlers compile fast and test without a socket.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tribune::http {

// The id of the request the calling thread is handling now ("" between
// requests): log lines a handler writes carry it.
const std::string& CurrentRequestId();

// Makes `id` the calling thread's current request id until destruction: the
// server sets it around a handler, and so does code that runs a request's
// work on another thread.
class RequestIdScope {
 public:
  explicit RequestIdScope(const std::string& id);
  ~RequestIdScope();
  RequestIdScope(const RequestIdScope&) = delete;
  RequestIdScope& operator=(const RequestIdScope&) = delete;
};

struct Request {
  std::string method;       // "GET", "POST", ...
  std::string target;       // as sent: path and query
  std::string path;         // the part before '?', still percent-encoded
  std::string query;        // the part after '?', without it
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_addr;
  // The address and port the client connected to, as a URL authority
  // ("127.0.0.1:8080", "[::1]:8080"); "" when unknown.
  std::string local_endpoint;
  // This request's id in the logs: the X-Request-Id it came with (letters,
  // digits, '.', '_', '-'; up to 64), or one the server made.
  std::string id;

  // The first header named `name` (lower case), or "" when absent.
  std::string_view Header(std::string_view name) const;
  // The value of query parameter `name`, form-decoded; "" when absent.
  std::string QueryParam(std::string_view name) const;
  // Query parameter `name` as a positive whole number (tribune::ParsePositive):
  // `absent` when the parameter is missing or empty; nullopt when it is
  // present but not such a number, too large ones included (answer 400).
  std::optional<int64_t> PositiveParam(std::string_view name, int64_t absent) const;
  // The value of cookie `name`, or "" when absent.
  std::string Cookie(std::string_view name) const;
  // True when the client accepts gzip.
  bool AcceptsGzip() const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;
  // A body made of pieces, sent in order instead of `body` when not empty.
  // Each piece points into memory kept alive by `shared_owner` (a cached
  // page) or `extra` (per-request bytes); neither moves with the Response.
  std::vector<std::string_view> pieces;
  std::shared_ptr<const void> shared_owner;
  std::shared_ptr<std::string> extra;
  bool close = false;       // close the connection after this response

  size_t BodySize() const;
};

// The reason phrase of a status code.
std::string_view StatusText(int status);

// Answers a request exactly once, from any thread.
using Respond = std::function<void(Response)>;
using Handler = std::function<void(Request&, Respond)>;

// Parses "a=1&b=two" into decoded pairs.
std::vector<std::pair<std::string, std::string>> ParseForm(std::string_view body);

}  // namespace tribune::http
