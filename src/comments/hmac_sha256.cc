#include "comments/hmac_sha256.h"

// The SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, whose
// per-call setup costs more than hashing a form token.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace tribune::comments {
namespace {

constexpr size_t kBlock = SHA256_CBLOCK;  // 64

// The state after absorbing `key` (at most one block) xor `pad`, padded out.
SHA256_CTX PaddedKeyState(const unsigned char* key, size_t size, unsigned char pad) {
  unsigned char block[kBlock];
  std::memset(block, pad, kBlock);
  for (size_t i = 0; i < size; ++i) block[i] = key[i] ^ pad;
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, block, kBlock);
  OPENSSL_cleanse(block, kBlock);
  return ctx;
}

void Store(unsigned char* to, SHA256_CTX& ctx) {
  std::memcpy(to, &ctx, sizeof ctx);
  OPENSSL_cleanse(&ctx, sizeof ctx);
}

SHA256_CTX Load(const unsigned char* from) {
  SHA256_CTX ctx;
  std::memcpy(&ctx, from, sizeof ctx);
  return ctx;
}

}  // namespace

HmacSha256::HmacSha256(std::string_view key) {
  static_assert(sizeof(SHA256_CTX) <= kStateBytes);
  unsigned char hashed[SHA256_DIGEST_LENGTH];
  const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
  size_t size = key.size();
  if (size > kBlock) {  // RFC 2104: a key longer than a block is hashed first
    SHA256(bytes, size, hashed);
    bytes = hashed;
    size = sizeof hashed;
  }
  SHA256_CTX inner = PaddedKeyState(bytes, size, 0x36);
  SHA256_CTX outer = PaddedKeyState(bytes, size, 0x5c);
  OPENSSL_cleanse(hashed, sizeof hashed);
  Store(inner_, inner);
  Store(outer_, outer);
}

HmacSha256::~HmacSha256() {
  OPENSSL_cleanse(inner_, sizeof inner_);
  OPENSSL_cleanse(outer_, sizeof outer_);
}

HmacSha256::Mac HmacSha256::Of(std::string_view message) const {
  unsigned char inner_hash[SHA256_DIGEST_LENGTH];
  SHA256_CTX ctx = Load(inner_);
  SHA256_Update(&ctx, message.data(), message.size());
  SHA256_Final(inner_hash, &ctx);
  ctx = Load(outer_);
  SHA256_Update(&ctx, inner_hash, sizeof inner_hash);
  Mac mac;
  SHA256_Final(mac.data(), &ctx);
  OPENSSL_cleanse(&ctx, sizeof ctx);
  return mac;
}

}  // namespace tribune::comments
