#include "comments/signer.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace tribune::comments {
namespace {
constexpr size_t kSignatureBytes = 16;

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2, '\0');
  sodium_bin2hex(out.data(), out.size() + 1, data, n);
  return out;
}
}  // namespace

Signer::Signer(std::string key) : hmac_(key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  sodium_memzero(key.data(), key.size());
}

Signer::Mac Signer::Digest(std::string_view message) const { return hmac_.Of(message); }

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

}  // namespace tribune::comments
