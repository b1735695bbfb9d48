#include "site/ban.h"

#include <arpa/inet.h>

#include <charconv>
#include <string>

namespace tribune::site {

std::string_view BanKindName(BanKind k) {
  switch (k) {
    case BanKind::kAddress: return "address";
    case BanKind::kEmail: return "email";
    case BanKind::kName: return "name";
    case BanKind::kDomain: return "domain";
  }
  return "address";
}

std::optional<BanKind> ParseBanKind(std::string_view name) {
  for (BanKind k : {BanKind::kAddress, BanKind::kEmail, BanKind::kName, BanKind::kDomain}) {
    if (BanKindName(k) == name) return k;
  }
  return std::nullopt;
}

namespace {

bool ValidRange(std::string_view pattern) {
  std::string_view addr = pattern;
  int bits = -1;
  if (size_t slash = pattern.find('/'); slash != std::string_view::npos) {
    addr = pattern.substr(0, slash);
    std::string_view b = pattern.substr(slash + 1);
    auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    if (ec != std::errc() || end != b.data() + b.size() || b.empty()) return false;
  }
  std::string a(addr);
  unsigned char buf[16];
  if (inet_pton(AF_INET, a.c_str(), buf) == 1) return bits <= 32;
  if (inet_pton(AF_INET6, a.c_str(), buf) == 1) return bits <= 128;
  return false;
}

bool Printable(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::string BanPatternProblem(BanKind kind, std::string_view pattern) {
  if (pattern.empty()) return "a ban needs a pattern";
  if (pattern.size() > 256) return "a ban's pattern is at most 256 bytes";
  if (!Printable(pattern)) return "a ban's pattern cannot hold control characters";
  switch (kind) {
    case BanKind::kAddress:
      return ValidRange(pattern) ? "" : "an address ban is an IPv4 or IPv6 address or range "
                                        "(203.0.113.0/24, 2001:db8::/32)";
    case BanKind::kEmail:
      return pattern.find('@') != std::string_view::npos
                 ? ""
                 : "an e-mail ban is an address, or @domain for every address there";
    case BanKind::kName:
      return pattern.find_first_not_of('*') != std::string_view::npos
                 ? ""
                 : "a name pattern must name something besides *";
    case BanKind::kDomain:
      return pattern.find('.') != std::string_view::npos &&
                     pattern.find_first_of("/:@ ") == std::string_view::npos
                 ? ""
                 : "a domain ban is a domain such as example.com";
  }
  return "unknown kind of ban";
}

}  // namespace tribune::site
