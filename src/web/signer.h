// HMAC signatures with the site's secret: protected-link redirects, form
// tokens and their codes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::web {

class Signer {
 public:
  explicit Signer(std::string key);

  // A URL-safe signature (hex, 32 characters) of `message`.
  std::string Sign(std::string_view message) const;
  // Constant-time check of `signature` against Sign(message).
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  std::string key_;
};

// A fresh random secret, hex-encoded (64 characters).
std::string RandomSecret();

}  // namespace tribune::web
