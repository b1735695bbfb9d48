#include "site/reader.h"

namespace tribune::site {

std::string EmailKey(std::string_view email) {
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view SubscriptionKindName(SubscriptionKind k) {
  return k == SubscriptionKind::kThread ? "thread" : "replies";
}

bool ParseSubscriptionKind(std::string_view name, SubscriptionKind* out) {
  if (name == "replies") return *out = SubscriptionKind::kReplies, true;
  if (name == "thread") return *out = SubscriptionKind::kThread, true;
  return false;
}

}  // namespace tribune::site
