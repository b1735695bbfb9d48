#include "bbcode/url.h"

#include <algorithm>
#include <cstdint>

#include "bbcode/ascii.h"
#include "core/utf8.h"

namespace tribune::bbcode {
namespace {

using ascii::IsAlpha;
using ascii::IsDigit;

// Bytes no URL we link to may contain: browsers drop tabs and newlines
// inside a scheme ("java\tscript:"), and the rest either break out of an
// attribute or get reinterpreted ("\" is "/" to a browser).
bool IsForbiddenByte(char c) {
  auto u = static_cast<uint8_t>(c);
  return u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`';
}

// Length of the scheme before ':' (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" /
// "-" / "." )), or 0 when `url` does not start with one.
size_t SchemeLength(std::string_view url) {
  if (url.empty() || !IsAlpha(url[0])) return 0;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i;
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

bool IsHostByte(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' ||
         static_cast<uint8_t>(c) >= 0x80;
}

// `rest` is what follows "http:"; checks "//host[:port]" up to the path.
bool IsValidWebAuthority(std::string_view rest) {
  if (rest.substr(0, 2) != "//") return false;
  std::string_view authority = rest.substr(2);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  size_t colon = authority.rfind(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), IsDigit)) return false;
  }
  if (host.empty() || host.front() == '.' || host.front() == '-') return false;
  return std::all_of(host.begin(), host.end(), IsHostByte);
}

bool IsValidMailto(std::string_view rest) {
  size_t at = rest.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < rest.size();
}

}  // namespace

std::string SanitizeUrl(std::string_view raw, UrlSchemes schemes) {
  if (!utf8::IsValid(raw)) return {};
  std::string_view url = utf8::Trim(raw);
  if (url.empty() || url.size() > kMaxUrlLength) return {};
  for (char c : url) {
    if (IsForbiddenByte(c)) return {};
  }
  std::string result;
  size_t scheme_length = SchemeLength(url);
  if (scheme_length == 0) {
    if (!ascii::StartsWithNoCase(url, "www.")) return {};
    result = "http://";
    result.append(url);
    return IsValidWebAuthority(std::string_view(result).substr(5)) ? result : std::string();
  }
  for (size_t i = 0; i < scheme_length; ++i) result.push_back(ascii::ToLower(url[i]));
  std::string_view rest = url.substr(scheme_length + 1);
  bool ok = false;
  if (result == "http" || result == "https") {
    ok = IsValidWebAuthority(rest);
  } else if (result == "mailto" && schemes == UrlSchemes::kWebAndMail) {
    ok = IsValidMailto(rest);
  }
  if (!ok) return {};
  result.push_back(':');
  result.append(rest);
  return result;
}

}  // namespace tribune::bbcode
