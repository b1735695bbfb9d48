#include "web/cors.h"

#include <algorithm>
#include <cctype>

namespace tribune::web {
namespace {

// Request headers a cross-origin read may ask to send (lower case).
constexpr std::string_view kAllowedRequestHeaders[] = {"if-none-match", "if-modified-since"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsAllowedRequestHeader(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(std::begin(kAllowedRequestHeaders), std::end(kAllowedRequestHeaders), lower) !=
         std::end(kAllowedRequestHeaders);
}

// Whether every name in the comma-separated `list` may be sent.
bool RequestHeadersAllowed(std::string_view list) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view name = Trim(list.substr(0, comma));
    if (!name.empty() && !IsAllowedRequestHeader(name)) return false;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return true;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {
  any_ = std::find(origins_.begin(), origins_.end(), "*") != origins_.end();
}

std::string CorsPolicy::AllowedOrigin(std::string_view origin) const {
  if (any_) return "*";
  if (origin.empty()) return {};
  bool listed = std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
  return listed ? std::string(origin) : std::string();
}

void CorsPolicy::AddReadHeaders(std::string_view origin, http::Response& r) const {
  if (!enabled()) return;
  if (!any_) r.headers.emplace_back("Vary", "Origin");
  std::string allowed = AllowedOrigin(origin);
  if (allowed.empty()) return;
  r.headers.emplace_back("Access-Control-Allow-Origin", allowed);
  r.headers.emplace_back("Access-Control-Expose-Headers", "ETag");
}

http::Response CorsPolicy::Preflight(const http::Request& req, const std::string& allow) const {
  http::Response r;
  r.status = 204;
  r.content_type.clear();
  r.headers.emplace_back("Allow", allow);
  r.headers.emplace_back("Vary",
                         "Origin, Access-Control-Request-Method, "
                         "Access-Control-Request-Headers");
  std::string allowed = AllowedOrigin(req.Header("origin"));
  std::string_view method = req.Header("access-control-request-method");
  bool read = method == "GET" || method == "HEAD";
  if (allowed.empty() || !read ||
      !RequestHeadersAllowed(req.Header("access-control-request-headers"))) {
    return r;
  }
  r.headers.emplace_back("Access-Control-Allow-Origin", allowed);
  r.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD");
  r.headers.emplace_back("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
  r.headers.emplace_back("Access-Control-Max-Age", std::to_string(kPreflightMaxAgeSeconds));
  return r;
}

}  // namespace tribune::web
