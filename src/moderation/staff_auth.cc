#include "moderation/staff_auth.h"

#include <fmt/format.h>
#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace tribune::moderation {
namespace {

bool ParseInt(std::string_view s, int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

// Bound to the password hash and the session epoch: a new password, or
// signing out (which moves the epoch on), ends every earlier session.
std::string SessionMessage(int64_t expires, const site::Staff& staff) {
  return fmt::format("staff-session|{}|{}|{}|{}", staff.id, expires, staff.session_epoch,
                     staff.password_hash);
}

}  // namespace

std::string HashPassword(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("not enough memory to hash a password");
  }
  return out;
}

bool CheckPassword(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string GeneratePassword() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  // 32 symbols, none easily mistaken for another (no i, l, o, 0, 1).
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789A";
  static_assert(kAlphabet.size() == 32);
  std::string out;
  for (int i = 0; i < 20; ++i) out += kAlphabet[randombytes_uniform(kAlphabet.size())];
  return out;
}

std::string StaffSessions::Issue(const site::Staff& staff, int64_t expires) const {
  return fmt::format("{}.{}.{}", staff.id, expires,
                     signer_.Sign(SessionMessage(expires, staff)));
}

std::optional<int64_t> StaffSessions::StaffId(std::string_view cookie) {
  size_t dot = cookie.find('.');
  int64_t id = 0;
  if (dot == std::string_view::npos || !ParseInt(cookie.substr(0, dot), id) || id <= 0) {
    return std::nullopt;
  }
  return id;
}

bool StaffSessions::Valid(std::string_view cookie, const site::Staff& staff, int64_t now) const {
  size_t a = cookie.find('.');
  size_t b = a == std::string_view::npos ? a : cookie.find('.', a + 1);
  if (b == std::string_view::npos) return false;
  int64_t id = 0, expires = 0;
  if (!ParseInt(cookie.substr(0, a), id) || !ParseInt(cookie.substr(a + 1, b - a - 1), expires)) {
    return false;
  }
  if (id != staff.id || expires <= now || expires > now + kLifetime) return false;
  return signer_.Verify(SessionMessage(expires, staff), cookie.substr(b + 1));
}

std::string StaffSessions::FormToken(std::string_view cookie) const {
  return signer_.Sign(fmt::format("staff-form|{}", cookie));
}

bool StaffSessions::FormTokenFits(std::string_view cookie, std::string_view token) const {
  return !cookie.empty() && signer_.Verify(fmt::format("staff-form|{}", cookie), token);
}

}  // namespace tribune::moderation
