#include "site/ban.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
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

bool Printable(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::optional<AddressRange> ParseAddressRange(std::string_view text) {
  AddressRange r;
  std::string_view addr = text;
  int bits = -1;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    addr = text.substr(0, slash);
    std::string_view b = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    if (b.empty() || ec != std::errc() || end != b.data() + b.size()) return std::nullopt;
  }
  std::string a(addr);
  unsigned char v4[4];
  if (inet_pton(AF_INET, a.c_str(), v4) == 1) {
    if (bits > 32) return std::nullopt;
    r.bytes[10] = r.bytes[11] = 0xff;
    std::memcpy(r.bytes + 12, v4, 4);
    r.bits = 96 + (bits < 0 ? 32 : bits);
    return r;
  }
  if (inet_pton(AF_INET6, a.c_str(), r.bytes) == 1) {
    if (bits > 128) return std::nullopt;
    r.bits = bits < 0 ? 128 : bits;
    return r;
  }
  return std::nullopt;
}

bool AddressRange::Contains(const AddressRange& address) const {
  int full = bits / 8, rest = bits % 8;
  if (std::memcmp(bytes, address.bytes, full) != 0) return false;
  if (rest == 0) return true;
  auto mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (bytes[full] & mask) == (address.bytes[full] & mask);
}

std::string BanPatternProblem(BanKind kind, std::string_view pattern) {
  if (pattern.empty()) return "a ban needs a pattern";
  if (pattern.size() > 256) return "a ban's pattern is at most 256 bytes";
  if (!Printable(pattern)) return "a ban's pattern cannot hold control characters";
  switch (kind) {
    case BanKind::kAddress:
      return ParseAddressRange(pattern) ? "" : "an address ban is an IPv4 or IPv6 address or range "
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
