// HMAC signatures with the site's secret: protected-link redirects, form
// tokens and their codes.
//
// Thread-safe: the key's HMAC state is computed once, at construction (see
// HmacSha256), and every signature starts from a copy of it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "comments/hmac_sha256.h"

namespace tribune::comments {

class Signer {
 public:
  explicit Signer(std::string key);

  // The whole HMAC-SHA256 of a message. Its first half is what Sign shows;
  // the second half is never shown, so a value derived from it is as hard
  // to forge as the signature.
  using Mac = HmacSha256::Mac;

  // A URL-safe signature (hex, 32 characters) of `message`.
  std::string Sign(std::string_view message) const;
  // The whole MAC of `message`, and its signature as Sign writes it.
  Mac Digest(std::string_view message) const;
  static std::string Shown(const Mac& mac);
  // Constant-time check of `signature` against Sign(message). When it
  // matches and `mac` is not null, *mac is set to the whole MAC.
  bool Verify(std::string_view message, std::string_view signature, Mac* mac = nullptr) const;

 private:
  HmacSha256 hmac_;
};

// A fresh random secret, hex-encoded (64 characters).
std::string RandomSecret();

}  // namespace tribune::comments
