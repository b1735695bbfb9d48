#include "web/client_address.h"

#include <fmt/format.h>

namespace tribune::web {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A single address (no range), as an entry of the header must be.
bool IsAddress(std::string_view s) {
  if (s.empty() || s.find('/') != std::string_view::npos) return false;
  auto r = site::ParseAddressRange(s);
  return r.has_value();
}

}  // namespace

Result<ClientAddress> ClientAddress::Make(const std::vector<std::string>& trusted) {
  ClientAddress out;
  for (const std::string& t : trusted) {
    auto r = site::ParseAddressRange(t);
    if (!r) {
      return InvalidArgument(fmt::format(
          "key 'server.trusted_proxies': '{}' is not an address or a range such as 10.0.0.0/8",
          t.substr(0, 60)));
    }
    out.trusted_.push_back(*r);
  }
  return out;
}

bool ClientAddress::Trusted(std::string_view address) const {
  auto a = site::ParseAddressRange(address);
  if (!a) return false;
  for (const auto& r : trusted_) {
    if (r.Contains(*a)) return true;
  }
  return false;
}

std::string ClientAddress::Of(std::string_view peer, std::string_view forwarded_for) const {
  if (trusted_.empty() || forwarded_for.empty() || !Trusted(peer)) return std::string(peer);
  std::string_view hop = peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    size_t comma = rest.rfind(',');
    std::string_view entry = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!IsAddress(entry)) break;
    hop = entry;
    if (!Trusted(entry)) break;
  }
  return std::string(hop);
}

}  // namespace tribune::web
