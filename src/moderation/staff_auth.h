// Newsroom sign-in: password hashes (libsodium's Argon2id), the signed
// session cookie, and the per-session token every newsroom form carries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "comments/signer.h"
#include "site/staff.h"

namespace tribune::moderation {

// Argon2id at libsodium's "interactive" cost (about 0.1 s and 64 MiB).
// Throws std::runtime_error when the memory cannot be had.
std::string HashPassword(std::string_view password);
bool CheckPassword(const std::string& hash, std::string_view password);
// 20 characters from a 32-letter alphabet without look-alikes (100 bits).
std::string GeneratePassword();
// The shortest password a staff member may choose.
inline constexpr size_t kMinPasswordLength = 10;

class StaffSessions {
 public:
  static constexpr std::string_view kCookie = "tn";
  static constexpr int64_t kLifetime = 12 * 3600;

  explicit StaffSessions(const comments::Signer& signer) : signer_(signer) {}

  // The cookie value for `staff`, valid until `expires`. It is bound to the
  // member's password hash and session epoch: a new password, or signing
  // out, ends every session.
  std::string Issue(const site::Staff& staff, int64_t expires) const;
  // The staff id a cookie names (unchecked), or nullopt when malformed.
  static std::optional<int64_t> StaffId(std::string_view cookie);
  // Whether `cookie` is a live session of `staff` at `now`.
  bool Valid(std::string_view cookie, const site::Staff& staff, int64_t now) const;
  // The form token of a session: forms of the newsroom must carry it, so
  // that a page on another site cannot act with a moderator's cookie.
  std::string FormToken(std::string_view cookie) const;
  bool FormTokenFits(std::string_view cookie, std::string_view token) const;

 private:
  const comments::Signer& signer_;
};

}  // namespace tribune::moderation
