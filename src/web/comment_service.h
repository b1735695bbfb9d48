// Posting a comment: validation, request integrity (form token, proof of
// work or code, honeypot), rate limits, the spam engine's verdict, BBCode
// rendering, and the durable write. Shared by the HTML form and the JSON API.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "core/config.h"
#include "site/article.h"
#include "site/comment.h"
#include "site/comment_form.h"
#include "spam/engine.h"
#include "store/comment_writer.h"
#include "store/store.h"
#include "web/form_guard.h"
#include "web/rate_limiter.h"
#include "web/signer.h"

namespace tribune::web {

struct PostContext {
  std::string ip, user_agent;
  int64_t now = 0;      // Unix seconds
  int64_t now_ms = 0;   // a monotonic-enough clock for rate limits
  FormProof proof;
};

struct PostOutcome {
  enum class Kind { kStored, kInvalid, kLimited, kNotFound, kClosed, kUnavailable };
  Kind kind = Kind::kStored;
  site::Article article;                 // set unless kNotFound
  site::StoredComment stored;            // kStored
  site::CommentForm form;                // the trimmed input, for refilling the form
  std::vector<site::FieldError> errors;  // kInvalid
  std::string message;                   // kLimited, kNotFound, kClosed, kUnavailable
};

class CommentService {
 public:
  // `engine` may be null: no content screening (every valid comment publishes).
  CommentService(const Config& config, store::Store& store, store::CommentWriter& writer,
                 const Signer& signer, std::shared_ptr<const spam::Engine> engine);

  // Replaces the spam engine (a new model learned from moderators); posts
  // being screened finish with the one they started with.
  void SetEngine(std::shared_ptr<const spam::Engine> engine);
  // A candidate model that screens every comment beside the real one: its
  // verdict is stored with the reasons (SHADOW) and decides nothing.
  void SetShadowEngine(std::shared_ptr<const spam::Engine> engine);

  // Validates, screens and stores `form` on `article_id`; `done` runs once,
  // on the writer's thread for stored comments or on the caller's otherwise.
  void Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
            std::function<void(PostOutcome)> done);

  // The per-request part of a comment form: token, honeypot, proof-of-work
  // parameters and the code, as HTML inputs. Empty when the challenge is off.
  std::string FormFieldsHtml(int64_t article_id, const std::string& ip, int64_t now,
                             int64_t now_ms);
  // The same for API clients.
  IssuedForm IssueForm(int64_t article_id, const std::string& ip, int64_t now, int64_t now_ms);
  bool challenge_enabled() const { return config_.comments.challenge; }
  const std::string& honeypot_name() const { return guard_.honeypot_name(); }

  // BBCode rendering options, with protected links signed.
  bbcode::RenderOptions RenderOptionsFor(bool signed_in) const;

 private:
  int ExtraPowBits(const std::string& ip, int64_t now_ms) const;
  std::string LimitExceeded(const site::CommentForm& form, const std::string& ip, int64_t article,
                            int64_t now_ms);
  site::Screening Screen(const site::Article& article, const site::CommentForm& form,
                         const std::string& body_text, const PostContext& ctx,
                         const GuardVerdict& guard) const;

  const Config& config_;
  store::Store& store_;
  store::CommentWriter& writer_;
  const Signer& signer_;
  mutable std::mutex engine_mu_;
  std::shared_ptr<const spam::Engine> engine_;
  std::shared_ptr<const spam::Engine> shadow_;
  FormGuard guard_;
  RateCounter prefix_rate_, email_rate_, name_rate_, article_rate_;
  RateCounter spam_wave_;  // site-wide: comments screened as spam
};

// The signed path of the interstitial page for a protected link.
std::string LeechHref(const Signer& signer, std::string_view target);

}  // namespace tribune::web
