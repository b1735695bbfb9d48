// Reader accounts: sign-up with a name and an e-mail address confirmed by a
// link, sign-in by password (Argon2id) or by a one-time link, sessions in a
// signed cookie (bound to the password and an epoch that "sign out
// everywhere" moves on), and what a reader may do with their data.
//
// Nothing here tells a stranger whether an address has an account: sign-up
// with a taken address and a link asked for an unknown one answer as if sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comments/rate_limiter.h"
#include "comments/signer.h"
#include "core/config.h"
#include "core/status.h"
#include "readers/notifier.h"
#include "site/comment_form.h"
#include "site/reader.h"
#include "store/store.h"

namespace tribune::readers {

struct AccountStores {
  store::ReaderStore& readers;
  store::OutboxStore& outbox;
  store::CommentStore& comments;
};

// A reader's answer: done, or the fields to fix, or the store is unavailable.
struct AccountOutcome {
  enum class Kind { kDone, kInvalid, kLimited, kUnavailable };
  Kind kind = Kind::kDone;
  std::vector<site::FieldError> errors;  // kInvalid
  std::string message;                   // kLimited, kUnavailable
  site::Reader reader;                   // kDone, when it signs someone in
};

class Accounts {
 public:
  static constexpr std::string_view kCookie = "tr";
  static constexpr size_t kMinPassword = 10;

  Accounts(const Config& config, AccountStores stores, const comments::Signer& signer,
           Notifier& notifier);

  // The key names are reserved by: look-alike letters folded, case and
  // spaces ignored ("N i n o" and "NINO" are "nino").
  static std::string NameKey(std::string_view name);

  // A new account (unconfirmed) and a confirmation link by e-mail. A name
  // already taken is an error; an address already taken gets a sign-in link
  // instead, and the answer is the same. `password` may be empty (links only).
  AccountOutcome SignUp(std::string name, std::string email, const std::string& password,
                        const std::string& ip, int64_t now, int64_t now_ms);
  // The confirmation link: the address is confirmed and the reader signed in.
  AccountOutcome Confirm(std::string_view token, int64_t now);
  AccountOutcome SignIn(const std::string& email, const std::string& password,
                        const std::string& ip, int64_t now, int64_t now_ms);
  // A one-time sign-in link by e-mail to the account of `email`, if any.
  AccountOutcome SendSignInLink(const std::string& email, const std::string& ip, int64_t now,
                                int64_t now_ms);
  AccountOutcome UseSignInLink(std::string_view token, int64_t now);
  // A link to the data kept under `email`, for a guest (no account needed).
  AccountOutcome SendDataLink(const std::string& email, const std::string& ip, int64_t now,
                              int64_t now_ms);

  // What a commenter asked to follow when posting on `article_id`: replies
  // to their comments there, and every new comment. A signed-in reader's
  // address is known; a guest's gets a mail with links to confirm first.
  void Follow(const std::string& email, int64_t article_id, bool replies, bool thread,
              bool confirmed, int64_t now);

  // Sessions.
  std::string SessionCookie(const site::Reader& r, int64_t now) const;
  static std::optional<int64_t> SessionReader(std::string_view cookie);
  bool SessionValid(std::string_view cookie, const site::Reader& r, int64_t now) const;
  // The signed-in reader `cookie` names, or nullopt (no cookie, or not valid).
  std::optional<site::Reader> Current(std::string_view cookie, int64_t now);
  std::string FormToken(std::string_view cookie) const;
  bool FormTokenFits(std::string_view cookie, std::string_view token) const;
  int64_t session_seconds() const { return int64_t{config_.accounts.session_days} * 86400; }

  Status SignOutEverywhere(site::Reader r);
  AccountOutcome ChangePassword(site::Reader r, const std::string& password);

  // Everything kept about `email` (and the reader `reader_id`, 0 for a
  // guest): comments, subscriptions, the account, mail sent. JSON.
  Result<std::string> Export(const std::string& email, int64_t reader_id);
  // Erasure, as [accounts] erasure says: comments removed or anonymised,
  // subscriptions and the account (if any) deleted. Returns the comments erased.
  Result<int64_t> Erase(const std::string& email, int64_t reader_id);
  bool erasure_removes() const { return config_.accounts.erasure == "remove"; }

 private:
  bool Limited(const std::string& ip, int64_t now_ms);
  void MailLink(const site::Reader& r, std::string_view purpose, int64_t now);

  const Config& config_;
  AccountStores stores_;
  const comments::Signer& signer_;
  Notifier& notifier_;
  comments::RateCounter attempts_{60'000};
};

}  // namespace tribune::readers
