#include "comments/api_keys.h"

#include <sodium.h>

namespace tribune::comments {

std::string ApiKeyName(const Config& config, std::string_view authorization, bool* known) {
  *known = true;
  if (authorization.empty()) return {};
  constexpr std::string_view kBearer = "Bearer ";
  *known = false;
  if (authorization.substr(0, kBearer.size()) != kBearer) return {};
  std::string_view secret = authorization.substr(kBearer.size());
  std::string name;
  for (const std::string& key : config.api.keys) {
    size_t colon = key.find(':');
    std::string_view mine = std::string_view(key).substr(colon + 1);
    bool same = mine.size() == secret.size() &&
                sodium_memcmp(mine.data(), secret.data(), secret.size()) == 0;
    if (same && name.empty()) name = key.substr(0, colon);
  }
  *known = !name.empty();
  return name;
}

}  // namespace tribune::comments
