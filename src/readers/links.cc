#include "readers/links.h"

#include <fmt/format.h>

#include "core/numbers.h"

namespace tribune::readers {
namespace {

std::string ReaderMessage(std::string_view purpose, const site::Reader& r, int64_t expires) {
  return fmt::format("reader-link:{}:{}:{}:{}:{}", purpose, r.id, expires, r.link_epoch,
                     r.email);
}

}  // namespace

std::string MailBase(const Config& config) {
  if (!config.site.base_url.empty()) {
    std::string base = config.site.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
  }
  std::string listen = config.server.listen;
  if (listen.starts_with("0.0.0.0:")) listen = "127.0.0.1" + listen.substr(7);
  if (listen.starts_with("[::]:")) listen = "[::1]" + listen.substr(4);
  return "http://" + listen;
}

std::string ReaderToken(const comments::Signer& signer, std::string_view purpose,
                        const site::Reader& r, int64_t expires) {
  return fmt::format("{}.{}.{}", r.id, expires, signer.Sign(ReaderMessage(purpose, r, expires)));
}

std::optional<int64_t> ReaderTokenId(std::string_view token) {
  size_t dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return ParseWhole(token.substr(0, dot));
}

bool ReaderTokenFits(const comments::Signer& signer, std::string_view purpose,
                     const site::Reader& r, std::string_view token, int64_t now) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos) return false;
  std::optional<int64_t> id = ParseWhole(token.substr(0, first));
  std::optional<int64_t> expires = ParseWhole(token.substr(first + 1, second - first - 1));
  if (!id || !expires || *id != r.id || *expires < now) return false;
  return signer.Verify(ReaderMessage(purpose, r, *expires), token.substr(second + 1));
}

std::string SubscriptionSignature(const comments::Signer& signer, std::string_view action,
                                  int64_t id) {
  return signer.Sign(fmt::format("subscription:{}:{}", action, id));
}

std::string AddressSignature(const comments::Signer& signer, std::string_view action,
                             std::string_view email_key) {
  return signer.Sign(fmt::format("address:{}:{}", action, email_key));
}

bool SubscriptionSignatureFits(const comments::Signer& signer, std::string_view action, int64_t id,
                               std::string_view signature) {
  return signer.Verify(fmt::format("subscription:{}:{}", action, id), signature);
}

bool AddressSignatureFits(const comments::Signer& signer, std::string_view action,
                          std::string_view email_key, std::string_view signature) {
  return signer.Verify(fmt::format("address:{}:{}", action, email_key), signature);
}

std::string DataToken(const comments::Signer& signer, std::string_view email_key, int64_t expires) {
  return fmt::format("{}.{}", expires, signer.Sign(fmt::format("data:{}:{}", email_key, expires)));
}

bool DataTokenFits(const comments::Signer& signer, std::string_view email_key,
                   std::string_view token, int64_t now) {
  size_t dot = token.find('.');
  if (dot == std::string_view::npos) return false;
  std::optional<int64_t> expires = ParseWhole(token.substr(0, dot));
  if (!expires || *expires < now) return false;
  return signer.Verify(fmt::format("data:{}:{}", email_key, *expires), token.substr(dot + 1));
}

}  // namespace tribune::readers
