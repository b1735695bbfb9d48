#include "http/request.h"

#include "core/html.h"
#include "core/numbers.h"

namespace tribune::http {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

thread_local std::string current_request_id;

}  // namespace

const std::string& CurrentRequestId() { return current_request_id; }

RequestIdScope::RequestIdScope(const std::string& id) { current_request_id = id; }
RequestIdScope::~RequestIdScope() { current_request_id.clear(); }

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> ParseForm(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view part = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    out.emplace_back(html::FormDecode(key), html::FormDecode(value));
  }
  return out;
}

std::string Request::QueryParam(std::string_view name) const {
  for (auto& [k, v] : ParseForm(query)) {
    if (k == name) return v;
  }
  return {};
}

std::optional<int64_t> Request::PositiveParam(std::string_view name, int64_t absent) const {
  std::string text = QueryParam(name);
  if (text.empty()) return absent;
  return ParsePositive(text);
}

std::string Request::Cookie(std::string_view name) const {
  std::string_view all = Header("cookie");
  while (!all.empty()) {
    size_t semi = all.find(';');
    std::string_view part = TrimSpaces(all.substr(0, semi));
    all = semi == std::string_view::npos ? std::string_view() : all.substr(semi + 1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

bool Request::AcceptsGzip() const {
  std::string_view ae = Header("accept-encoding");
  while (!ae.empty()) {
    size_t comma = ae.find(',');
    std::string_view item = TrimSpaces(ae.substr(0, comma));
    ae = comma == std::string_view::npos ? std::string_view() : ae.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view coding = TrimSpaces(item.substr(0, semi));
    if (!IEquals(coding, "gzip")) continue;
    if (semi == std::string_view::npos) return true;
    std::string_view q = TrimSpaces(item.substr(semi + 1));
    return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000");
  }
  return false;
}

size_t Response::BodySize() const {
  if (pieces.empty()) return body.size();
  size_t n = 0;
  for (auto p : pieces) n += p.size();
  return n;
}

std::string_view StatusText(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

}  // namespace tribune::http
