// Cross-origin reads of the API (CORS, the Fetch standard), off unless the
// configuration lists origins ([api] cors_origins). Only reads are shared:
// GET and HEAD of the paths a RouteTable marks SharedAcrossOrigins. Posting
// and editing stay same-origin: a comment form's token is bound to the
// reader's network and an edit key is a secret, so no other site's script
// should send them from its visitors' browsers. No credentials are ever
// allowed (the API reads need none).
//
// Immutable after construction: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace tribune::web {

class CorsPolicy {
 public:
  // How long a browser may keep a preflight's answer.
  static constexpr int kPreflightMaxAgeSeconds = 600;

  // `origins`: exact origins as browsers send them ("https://example.org",
  // "http://localhost:3000"), or "*" for any. Empty: off.
  explicit CorsPolicy(std::vector<std::string> origins);

  bool enabled() const { return !origins_.empty(); }

  // On the answer to a GET or HEAD carrying `origin` (the Origin header, ""
  // when absent): Access-Control-Allow-Origin and Expose-Headers when the
  // origin is allowed, and Vary: Origin whenever the answer depends on it.
  void AddReadHeaders(std::string_view origin, http::Response& r) const;

  // The answer to OPTIONS on a shared path whose methods are `allow`: 204
  // with Allow, plus the CORS preflight headers when the request comes from
  // an allowed origin, asks for GET or HEAD, and asks for no header beyond
  // If-None-Match and If-Modified-Since. Otherwise no CORS header, so the
  // browser refuses the request it was asking about.
  http::Response Preflight(const http::Request& req, const std::string& allow) const;

 private:
  // The Access-Control-Allow-Origin value for `origin`; "" when not allowed.
  std::string AllowedOrigin(std::string_view origin) const;

  std::vector<std::string> origins_;
  bool any_ = false;
};

}  // namespace tribune::web
