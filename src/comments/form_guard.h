// Request integrity for comment forms: a signed, single-use token per form
// (binding the article, the issue time, a nonce and the client's address
// prefix), a honeypot field, a proof-of-work puzzle solved by the browser,
// and a typed code as the fallback for readers without JavaScript.
//
// Single use across restarts: a token is claimed in memory while its post is
// in flight, and its nonce is stored with the comment (store::SpentTokenLog)
// in the comment's own transaction. With such a log, memory holds only the
// posts in flight, however many tokens are spent or refused.
//
// Thread-safe.
#pragma once

#include "shared/shared_state.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "comments/signer.h"
#include "store/store.h"

namespace tribune::comments {

// The most proof-of-work bits a form is ever issued with, extra work included.
inline constexpr int kMaxPowBits = 24;

struct FormGuardOptions {
  int min_seconds = 3;       // a post sooner after the form was issued is a bot
  int max_age_s = 4 * 3600;  // tokens older than this have expired
  int pow_bits = 12;         // leading zero bits each solution needs (base difficulty)
  int pow_solutions = 4;     // how many distinct solutions a post carries
};

struct IssuedForm {
  std::string token;
  std::string code;      // the digits readers without JavaScript type
  int pow_bits = 0;
  int pow_solutions = 0;
};

// What a post presents.
struct FormProof {
  std::string token, code, pow, honeypot;
  bool honeypot_sent = true;  // the honeypot field was in the post at all (even empty)
  bool page_form = false;     // sent to the page's form handler (not the API)
};

// How a form is issued.
struct IssueOptions {
  int extra_bits = 0;          // more proof-of-work difficulty (risky traffic, spam waves)
  std::string_view known;      // the commenter hash of a known good commenter spared a
                               // wave's extra work: a post must come from them
  bool honeypot = false;       // the form renders the honeypot field: a post without the
                               // field did not come from the page (GuardVerdict::form_skipped)
};

struct GuardVerdict {
  enum class Kind {
    kPass,      // a valid token with a valid proof of work or code
    kRetry,     // fixable by the reader: expired, too fast, wrong code; show a fresh form
    kReplay,    // the token was used before: the earlier comment is `earlier_comment`
    kBot,       // hard evidence of automation (forged token, honeypot filled)
  };
  Kind kind = Kind::kPass;
  std::string symbol;   // UPPER_SNAKE reason, e.g. TOKEN_FORGED
  std::string message;  // for the reader (kRetry) or the moderator
  int64_t earlier_comment = 0;
  std::string nonce;    // of a valid token: pass to MarkUsed
  std::string known;    // the commenter hash the form was issued to, if it was spared work
  // Not posted from the page: a page form's honeypot field was missing, or
  // the page's form handler got a form issued without one (an API token).
  bool form_skipped = false;
};

class FormGuard {
 public:
  // `spent` (may be null: memory only, for tests) knows the tokens spent on
  // stored comments; it must outlive the guard.
  FormGuard(const Signer& signer, FormGuardOptions options,
            store::SpentTokenLog* spent = nullptr);

  // A fresh form for `article` served to `ip`.
  IssuedForm Issue(int64_t article, std::string_view ip, int64_t now,
                   const IssueOptions& options = {}) const;

  // Checks a post; the token is not consumed until MarkUsed.
  GuardVerdict Verify(int64_t article, std::string_view ip, int64_t now,
                      const FormProof& proof) const;

  // Spends a verified token's nonce for a post about to be stored; false
  // when it is spent already (another post got there first). Call it only
  // once nothing else can refuse the post (rate limits come first), so that
  // a refused post may be sent again with the same form.
  bool Claim(const std::string& nonce, int64_t now);
  // The post's comment `comment_id` is stored, and with it the nonce (when
  // there is a SpentTokenLog: the claim in memory goes). Without a log the
  // nonce stays in memory until its token expires; also how a test marks a
  // nonce spent on a comment.
  void MarkUsed(const std::string& nonce, int64_t comment_id, int64_t now);
  // Makes a claimed nonce usable again (its comment could not be stored).
  void Forget(const std::string& nonce);
  // Claims also go to `shared` (the nodes of one site), so that a token is
  // spent once on all of them even when two of them get it at once. Call
  // before the guard is used. Unreachable, claims are local as before.
  void Share(shared::SharedState* shared) { shared_ = shared; }
  // How many nonces memory holds (claims in flight; without a log, spent ones too).
  size_t remembered() const;

  // The honeypot's field name: random-looking, fixed per site.
  const std::string& honeypot_name() const { return honeypot_name_; }

  // The address prefix a token is bound to: /24 for IPv4, /64 for IPv6.
  static std::string AddressPrefix(std::string_view ip);
  // True when SHA-256(token ":" solution) starts with `bits` zero bits;
  // false for `bits` outside 0..256.
  static bool PowSolves(std::string_view token, std::string_view solution, int bits);

 private:
  shared::SharedState* shared_ = nullptr;
  // The code of a t1 or t2 token (t3 codes come from the token's MAC).
  std::string CodeFor(std::string_view token) const;
  static std::string ParsedPrefix(std::string_view ip);  // AddressPrefix, computed
  std::string PrefixHash(std::string_view ip) const;
  // The comment a nonce was spent on (0 while in flight), from memory or the log.
  std::optional<int64_t> SpentOn(const std::string& nonce) const;

  const Signer& signer_;
  FormGuardOptions options_;
  store::SpentTokenLog* spent_;
  std::string honeypot_name_;
  uint64_t id_;  // distinguishes guards (and their signers) in per-thread memos
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::pair<int64_t, int64_t>> used_;  // nonce -> (comment, time)
  int64_t last_prune_ = 0;
};

}  // namespace tribune::comments
