// Bans: a moderator's standing decision about every comment from an address
// range, an e-mail address or domain, a name pattern, or with links to a
// domain. A banned post gets the ordinary answer (its sender learns nothing)
// and is stored as spam with the ban as its reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tribune::site {

enum class BanKind { kAddress, kEmail, kName, kDomain };

std::string_view BanKindName(BanKind k);  // "address", "email", "name", "domain"
std::optional<BanKind> ParseBanKind(std::string_view name);

struct Ban {
  int64_t id = 0;
  BanKind kind = BanKind::kAddress;
  // address: an IPv4 or IPv6 address or CIDR range ("203.0.113.0/24");
  // email: an address, or "@domain" for every address at a domain;
  // name: a case-insensitive pattern where * stands for any text;
  // domain: a registrable domain; links to it or any host under it.
  std::string pattern;
  std::string reason;
  std::string created_by;
  int64_t created_at = 0;
  int64_t expires_at = 0;  // Unix seconds; 0: never

  bool ActiveAt(int64_t now) const { return expires_at == 0 || now < expires_at; }
};

// An IPv4 or IPv6 address or CIDR range, as 16 bytes (IPv4 mapped into IPv6,
// so an IPv4 range also covers its mapped form) and how many leading bits count.
struct AddressRange {
  unsigned char bytes[16] = {};
  int bits = 128;
  bool Contains(const AddressRange& address) const;
};
// "203.0.113.0/24", "2001:db8::/32", or a single address; nullopt otherwise.
std::optional<AddressRange> ParseAddressRange(std::string_view text);

// Why `pattern` cannot be a ban of `kind`, or "" when it can.
std::string BanPatternProblem(BanKind kind, std::string_view pattern);

}  // namespace tribune::site
