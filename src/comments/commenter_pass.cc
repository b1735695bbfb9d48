#include "comments/commenter_pass.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

namespace tribune::comments {

std::string CommenterPass::Hash(std::string_view email) const {
  if (email.empty()) return {};
  std::string lower(email);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return signer_.Sign("commenter:" + lower).substr(0, 16);
}

std::string CommenterPass::Issue(std::string_view email, int64_t expires) const {
  std::string payload = fmt::format("{}-{}", Hash(email), expires);
  return payload + "-" + signer_.Sign("pass:" + payload);
}

std::string CommenterPass::Verify(std::string_view cookie, int64_t now) const {
  size_t first = cookie.find('-');
  size_t last = cookie.rfind('-');
  if (first == std::string_view::npos || first == last || first == 0) return {};
  std::string_view payload = cookie.substr(0, last);
  std::string_view expires_text = cookie.substr(first + 1, last - first - 1);
  int64_t expires = 0;
  auto [p, ec] = std::from_chars(expires_text.data(), expires_text.data() + expires_text.size(),
                                 expires);
  if (ec != std::errc() || p != expires_text.data() + expires_text.size() || expires < now) {
    return {};
  }
  if (!signer_.Verify("pass:" + std::string(payload), cookie.substr(last + 1))) return {};
  return std::string(cookie.substr(0, first));
}

}  // namespace tribune::comments
