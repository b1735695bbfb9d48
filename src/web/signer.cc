#include "web/signer.h"

#include <fmt/format.h>
#include <sodium.h>

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

Signer::Signer(std::string key) : key_(std::move(key)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string Signer::Sign(std::string_view message) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return Hex(mac, kSignatureBytes);
}

bool Signer::Verify(std::string_view message, std::string_view signature) const {
  std::string expected = Sign(message);
  if (signature.size() != expected.size()) return false;
  return sodium_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

std::string RandomSecret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return Hex(buf, sizeof buf);
}

}  // namespace tribune::web
