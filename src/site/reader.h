// Readers who chose an account, what they asked to be told about, and the
// outbox of mail and webhooks that tells them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::site {

struct Reader {
  int64_t id = 0;
  std::string name;           // shown with their comments; reserved for them
  std::string name_key;       // the name folded (look-alike letters, case, spaces): unique
  std::string email;          // as given
  std::string password_hash;  // crypto_pwhash_str output; "" until they choose one
  int64_t confirmed_at = 0;   // when the e-mail address was confirmed; 0: not yet
  int64_t session_epoch = 0;  // sessions signed under an older epoch have ended
  int64_t link_epoch = 0;     // sign-in and confirmation links of an older epoch are spent
  int64_t created_at = 0;
};

// The longest reader name, in characters of the comment form's name field.
inline constexpr size_t kMaxReaderName = 60;

// The key e-mail addresses are compared by: ASCII letters lower-cased.
std::string EmailKey(std::string_view email);

// What an address asked to be told about on one article.
enum class SubscriptionKind { kReplies, kThread };
std::string_view SubscriptionKindName(SubscriptionKind k);
bool ParseSubscriptionKind(std::string_view name, SubscriptionKind* out);

struct Subscription {
  int64_t id = 0;
  std::string email;          // EmailKey form
  int64_t article_id = 0;
  SubscriptionKind kind = SubscriptionKind::kReplies;
  bool confirmed = false;     // a guest's address confirms by a link first
  bool digest = false;        // gathered into one mail a day instead of one a comment
  int64_t created_at = 0;
};

// One message to deliver, or one event to expand into messages.
//   kind "event":   payload {"comment": ID, "article": ID, "status": "...", "was": "..."}
//   kind "mail":    target the address; payload the whole RFC 5322 message
//   kind "webhook": target the URL; payload the JSON body
//   kind "digest":  target the address; payload one line for its daily digest
//                   (never claimed by the worker: a daily job gathers them)
struct OutboxItem {
  int64_t id = 0;
  std::string kind;
  std::string target;
  std::string topic;          // what limits count by ("article:12"); may be ""
  std::string payload;
  std::string state = "pending";  // "pending", "sent", "failed"
  int attempts = 0;
  int64_t due_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  int64_t sent_at = 0;
};

}  // namespace tribune::site
