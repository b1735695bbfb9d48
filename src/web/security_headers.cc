#include "web/security_headers.h"

#include <algorithm>
#include <cctype>

namespace tribune::web {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

void AddUnlessSet(http::Response& r, std::string_view name, std::string_view value) {
  for (const auto& [k, v] : r.headers) {
    if (SameName(k, name)) return;
  }
  r.headers.emplace_back(name, value);
}

bool IsHtml(const http::Response& r) {
  constexpr std::string_view kHtml = "text/html";
  return SameName(std::string_view(r.content_type).substr(0, kHtml.size()), kHtml);
}

}  // namespace

void AddSecurityHeaders(http::Response& r) {
  AddUnlessSet(r, "X-Content-Type-Options", "nosniff");
  if (!IsHtml(r)) return;
  AddUnlessSet(r, "Content-Security-Policy", kPagePolicy);
  AddUnlessSet(r, "Referrer-Policy", "strict-origin-when-cross-origin");
  AddUnlessSet(r, "X-Frame-Options", "SAMEORIGIN");
}

}  // namespace tribune::web
