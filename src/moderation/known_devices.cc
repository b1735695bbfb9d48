#include "moderation/known_devices.h"

#include <fmt/format.h>
#include <sodium.h>

#include <vector>

#include "core/numbers.h"

namespace tribune::moderation {
namespace {

// d1.{staff id}.{expires}.{device}.{mac}
constexpr std::string_view kVersion = "d1";
constexpr size_t kDeviceBytes = 12;

std::string Message(std::string_view payload) { return fmt::format("staff-device|{}", payload); }

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> parts;
  for (size_t dot; (dot = s.find('.')) != std::string_view::npos; s.remove_prefix(dot + 1)) {
    parts.push_back(s.substr(0, dot));
  }
  parts.push_back(s);
  return parts;
}

}  // namespace

std::string KnownDevices::Issue(int64_t staff_id, int64_t expires) const {
  unsigned char id[kDeviceBytes];
  randombytes_buf(id, sizeof id);
  char hex[kDeviceBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, id, sizeof id);
  std::string payload = fmt::format("{}.{}.{}.{}", kVersion, staff_id, expires, hex);
  return payload + "." + signer_.Sign(Message(payload));
}

std::string KnownDevices::Verify(std::string_view cookie, int64_t now) const {
  std::vector<std::string_view> parts = Split(cookie);
  if (parts.size() != 5 || parts[0] != kVersion || parts[3].size() != kDeviceBytes * 2) return {};
  std::optional<int64_t> expires = ParseWhole(parts[2]);
  if (!ParsePositive(parts[1]) || !expires || *expires <= now || *expires > now + kLifetime) {
    return {};
  }
  std::string_view payload = cookie.substr(0, cookie.size() - parts[4].size() - 1);
  if (!signer_.Verify(Message(payload), parts[4])) return {};
  return std::string(parts[3]);
}

}  // namespace tribune::moderation
