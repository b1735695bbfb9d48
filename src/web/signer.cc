#include "web/signer.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace tribune::web {
namespace {
constexpr size_t kSignatureBytes = 16;

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2, '\0');
  sodium_bin2hex(out.data(), out.size() + 1, data, n);
  return out;
}
}  // namespace

Signer::Signer(std::string key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  static_assert(sizeof(crypto_auth_hmacsha256_state) <= kStateBytes);
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  std::memcpy(keyed_, &st, sizeof st);
  sodium_memzero(&st, sizeof st);
  sodium_memzero(key.data(), key.size());
}

Signer::~Signer() { sodium_memzero(keyed_, sizeof keyed_); }

Signer::Mac Signer::Digest(std::string_view message) const {
  static_assert(sizeof(Mac) == crypto_auth_hmacsha256_BYTES);
  Mac mac;
  crypto_auth_hmacsha256_state st;
  std::memcpy(&st, keyed_, sizeof st);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&st, mac.data());
  sodium_memzero(&st, sizeof st);
  return mac;
}

std::string Signer::Shown(const Mac& mac) { return Hex(mac.data(), kSignatureBytes); }

std::string Signer::Sign(std::string_view message) const { return Shown(Digest(message)); }

bool Signer::Verify(std::string_view message, std::string_view signature, Mac* mac) const {
  Mac computed = Digest(message);
  std::string expected = Shown(computed);
  if (signature.size() != expected.size()) return false;
  if (sodium_memcmp(expected.data(), signature.data(), expected.size()) != 0) return false;
  if (mac) *mac = computed;
  return true;
}

std::string RandomSecret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return Hex(buf, sizeof buf);
}

}  // namespace tribune::web
