// Posting a comment: validation, request integrity (form token, proof of
// work or code, honeypot), rate limits, the spam engine's verdict, BBCode
// rendering, and the durable write. Shared by the HTML form and the JSON API.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "comments/bans.h"
#include "comments/commenter_pass.h"
#include "comments/form_guard.h"
#include "comments/rate_limiter.h"
#include "comments/signer.h"
#include "comments/word_lists.h"
#include "core/config.h"
#include "core/histogram.h"
#include "i18n/i18n.h"
#include "site/article.h"
#include "site/comment.h"
#include "site/comment_form.h"
#include "spam/engine.h"
#include "spam/symbols.h"
#include "store/comment_writer.h"
#include "store/store.h"

namespace tribune::comments {

struct PostContext {
  std::string ip, user_agent;
  int64_t now = 0;      // Unix seconds
  int64_t now_ms = 0;   // a monotonic-enough clock for rate limits
  FormProof proof;      // proof.page_form: sent to the page's form, not the API
  std::string api_key;  // the name of a valid API key the client carried ([api] keys)
  // The signed-in reader (a confirmed account) who posts: the comment takes
  // their name and address, and their form needs no challenge.
  std::optional<site::Reader> reader;
};

struct PostOutcome {
  enum class Kind { kStored, kInvalid, kLimited, kNotFound, kClosed, kUnavailable };
  Kind kind = Kind::kStored;
  site::Article article;                 // set unless kNotFound
  site::StoredComment stored;            // kStored
  // kStored: whoever sent this post wrote the comment (a new comment, or the
  // same form sent again); false for an identical text from another form,
  // whose sender must not get the author's edit key or pass.
  bool sent_by_author = false;
  site::CommentForm form;                // the trimmed input, for refilling the form
  std::vector<site::FieldError> errors;  // kInvalid
  std::string message;                   // kLimited, kNotFound, kClosed, kUnavailable
  // kInvalid: only the form's token was missing, as it is from a cached page
  // sent without JavaScript ([cache] public_pages): the form comes back with
  // one, to be confirmed with the code; nothing was wrong.
  bool confirm = false;
};

// The outcome of an author's edit (or of checking that one may be made).
struct EditOutcome {
  enum class Kind { kEdited, kInvalid, kForbidden, kNotFound, kClosed, kLimited, kUnavailable };
  Kind kind = Kind::kEdited;
  site::Article article;                 // set unless kNotFound
  site::Comment comment;                 // after the edit when kEdited; as stored otherwise
  std::string body;                      // the text sent, for refilling the form
  std::vector<site::FieldError> errors;  // kInvalid
  std::string message;                   // every other kind but kEdited
};

// A reason the service adds to the engine's verdict.
struct ExtraReason {
  std::string symbol;
  double score = 0;
  std::string evidence;
};

// The parts of the store the service reads (comments are written through the
// CommentWriter); one backend gives all three.
struct CommentStores {
  store::ArticleStore& articles;
  store::CommentStore& comments;
  store::SpentTokenLog& spent_tokens;
  store::BanStore& bans;
  store::ReportStore& reports;
  // Accounts, whose names guests may not post under (null: none reserved).
  store::ReaderStore* readers = nullptr;
};

// The outcome of a reader's report on a comment.
struct ReportOutcome {
  enum class Kind { kRecorded, kInvalid, kLimited, kNotFound, kUnavailable };
  Kind kind = Kind::kRecorded;
  site::Comment comment;  // as it is after the report (set unless kNotFound)
  int64_t reporters = 0;  // distinct readers who reported it
  bool held = false;      // this report held it: its pages must be refreshed
  std::string message;    // kInvalid, kLimited, kUnavailable
};

class CommentService {
 public:
  // `engine` may be null: no content screening (every valid comment publishes).
  CommentService(const Config& config, CommentStores stores, store::CommentWriter& writer,
                 const Signer& signer, std::shared_ptr<const spam::Engine> engine);

  // Replaces the spam engine (a new model learned from moderators); posts
  // being screened finish with the one they started with.
  void SetEngine(std::shared_ptr<const spam::Engine> engine);
  // The live engine's model version; "" when there is none.
  std::string engine_version() const;
  // A candidate model that screens every comment beside the real one: its
  // verdict is stored with the reasons (SHADOW) and decides nothing.
  void SetShadowEngine(std::shared_ptr<const spam::Engine> engine);

  // Rate limits, the spam-wave signal and form-token claims are kept in
  // `shared` for every node of the site (see RateCounter::Share). Call once,
  // before serving.
  void ShareState(shared::SharedState* shared, int nodes);
  // Whether its counters live in shared state: issuing a form then asks Redis.
  bool shares_state() const { return shares_state_; }

  // The site's word and pattern lists (the newsroom's); null: none.
  void SetWordLists(std::shared_ptr<const WordLists> lists);
  std::shared_ptr<const WordLists> word_lists() const;

  // For /metrics: new comments stored since start, by the status they got;
  // and how long the spam engine took over each.
  uint64_t stored(site::CommentStatus status) const {
    return stored_[static_cast<size_t>(status)].load(std::memory_order_relaxed);
  }
  const Histogram& screen_seconds() const { return screen_seconds_; }

  // Validates, screens and stores `form` on `article_id`; `done` runs once,
  // on the writer's thread for stored comments or on the caller's otherwise.
  void Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
            std::function<void(PostOutcome)> done);

  // Editing by the author, within [comments] edit_window_s of posting. The
  // key is given to the author when the comment is stored (a cookie for the
  // form, a field for the API); it is bound to the comment.
  std::string EditKey(const site::Comment& c) const;
  int64_t EditableUntil(const site::Comment& c) const;
  // Whether `key` is the edit key of `c`.
  bool KeyFits(const site::Comment& c, std::string_view key) const;
  // Whether `c`, on `a`, can still be edited at `now` (kEdited), or why not
  // (kForbidden, kClosed, with the reason in `why`). The key is not checked.
  EditOutcome::Kind Editable(const site::Comment& c, const site::Article& a, int64_t now,
                             std::string* why) const;
  // Whether `key` may edit comment `id` at `now`: kEdited (with the comment
  // and its article, nothing changed) when it may.
  EditOutcome OpenEdit(int64_t id, std::string_view key, int64_t now);
  // Validates the new text, screens it again (the whole verdict, plus
  // EDITED and EDIT_NEW_LINKS) and stores it durably. An edit can take a
  // comment down (held, spam) but never publishes one that was not.
  EditOutcome Edit(int64_t id, std::string_view key, std::string body, const PostContext& ctx);

  // Known good commenters (see CommenterPass): the commenter hash in a
  // cookie value, or "" when it is not a valid pass.
  std::string KnownCommenter(std::string_view cookie, int64_t now) const;
  // The pass a just-stored comment earns its author: only a published
  // comment with an e-mail address does. "" when none.
  std::string CommenterCookie(const site::Comment& c, int64_t now) const;
  // Whether the pass `known` (a commenter hash) belongs to `email`.
  bool SameCommenter(std::string_view known, std::string_view email) const;

  // The per-request part of a comment form: token, honeypot, proof-of-work
  // parameters and the code, as HTML inputs. Empty when the challenge is off.
  // `known` is the commenter hash of a reader with a valid pass: a spam wave
  // does not raise their work.
  std::string FormFieldsHtml(int64_t article_id, const std::string& ip, int64_t now,
                             int64_t now_ms, std::string_view known = {},
                             const i18n::Language* lang = nullptr);
  // The same for API clients.
  IssuedForm IssueForm(int64_t article_id, const std::string& ip, int64_t now, int64_t now_ms,
                       std::string_view known = {});
  bool challenge_enabled() const { return config_.comments.challenge; }
  const FormGuard& guard() const { return guard_; }
  const std::string& honeypot_name() const { return guard_.honeypot_name(); }

  // A reader's report on published comment `id` from `ip`: `reason` one of
  // site::kReportReasons. A reader (network) counts once per comment; when
  // [comments] reports_to_hold readers have reported it, it is held for a
  // moderator. Reports from one network are rate-limited.
  ReportOutcome Report(int64_t id, const std::string& ip, const std::string& reason,
                       std::string details, int64_t now, int64_t now_ms);

  // A ban was added or removed here: posts are checked against it at once
  // (changes made elsewhere are read within seconds).
  void BansChanged() { bans_.Changed(); }

  // BBCode rendering options, with protected links signed.
  bbcode::RenderOptions RenderOptionsFor(bool signed_in) const;

 private:
  IssuedForm Issue(int64_t article_id, const std::string& ip, int64_t now, int64_t now_ms,
                   std::string_view known, bool honeypot);
  // One parse of a comment's BBCode, rendered for guests, members and as text.
  void RenderBody(const std::string& source, std::string& html, std::string& html_member,
                  std::string& text) const;
  int PrefixPowBits(const std::string& ip, int64_t now_ms) const;
  int WavePowBits(int64_t now_ms) const;
  std::string LimitExceeded(const site::CommentForm& form, const std::string& ip, int64_t article,
                            int64_t now_ms);
  // Reputation: the author's published comments under `email` (other than
  // `exclude`), each worth less as it ages, capped.
  struct Reputation {
    int64_t published = 0;  // counted, up to a bound
    double trust = 0;       // taken off the score
  };
  Reputation ReputationOf(const std::string& email, int64_t now, int64_t exclude = 0) const;
  // PREMODERATED when the site holds this post for a moderator whatever its
  // score ([comments] premoderation).
  // WORD_REJECT or WORD_HOLD when the site's lists match the name or text.
  std::optional<ExtraReason> WordListReason(const std::string& name, const std::string& text) const;
  std::optional<ExtraReason> PremoderationReason(const Reputation& reputation,
                                                 int64_t now_ms) const;
  // BANNED when a ban covers a post by `name` <`email`> from `ip` with this text.
  std::optional<ExtraReason> BanReason(const std::string& name, const std::string& email,
                                       const std::string& ip, const std::string& body_text,
                                       int64_t now, int64_t now_ms);
  site::Screening Screen(const site::Article& article, const site::CommentForm& form,
                         const std::string& body_text, const PostContext& ctx,
                         const GuardVerdict& guard, const Reputation& reputation,
                         const std::vector<ExtraReason>& extra = {}) const;

  const Config& config_;
  spam::EngineOptions policy_;  // the thresholds: score to action (spam::ActionFor)
  spam::SymbolTable symbols_;   // request-level scores ([spam.scores] applied)
  store::ArticleStore& articles_;
  store::CommentStore& comment_store_;
  store::ReportStore& reports_;
  store::ReaderStore* readers_;
  store::CommentWriter& writer_;
  const Signer& signer_;
  mutable std::mutex engine_mu_;
  std::shared_ptr<const spam::Engine> engine_;
  std::shared_ptr<const spam::Engine> shadow_;
  FormGuard guard_;
  std::array<std::atomic<uint64_t>, 4> stored_{};  // by site::CommentStatus
  mutable Histogram screen_seconds_;
  CommenterPass pass_;
  RateCounter prefix_rate_, email_rate_, name_rate_, article_rate_;
  RateCounter spam_wave_;  // site-wide: comments screened as spam
  RateCounter report_rate_;  // reports per network
  BanList bans_;
  bool shares_state_ = false;
  mutable std::mutex word_lists_mu_;
  std::shared_ptr<const WordLists> word_lists_;
};

// The signed path of the interstitial page for a protected link.
std::string LeechHref(const Signer& signer, std::string_view target);

}  // namespace tribune::comments
