// HMAC-SHA256 (RFC 2104) under one fixed key, with the key's inner and outer
// pads absorbed once: a MAC of a message under 56 bytes costs two SHA-256
// blocks. SHA-256 comes from OpenSSL's libcrypto, which uses the CPU's SHA
// instructions where it has them (several times faster than portable code;
// every page with a comment form is signed).
//
// Thread-safe: MAC only reads the precomputed state.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace tribune::comments {

class HmacSha256 {
 public:
  using Mac = std::array<unsigned char, 32>;

  explicit HmacSha256(std::string_view key);
  ~HmacSha256();  // wipes the key state
  HmacSha256(const HmacSha256&) = default;
  HmacSha256& operator=(const HmacSha256&) = default;

  Mac Of(std::string_view message) const;

 private:
  // Two OpenSSL SHA256_CTX (inner, outer), kept opaque to includers.
  static constexpr size_t kStateBytes = 128;
  alignas(16) unsigned char inner_[kStateBytes];
  alignas(16) unsigned char outer_[kStateBytes];
};

}  // namespace tribune::comments
