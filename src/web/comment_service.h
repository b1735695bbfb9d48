// Posting a comment: validation, the challenge, BBCode rendering, and the
// durable write. Shared by the HTML form and the JSON API.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "core/config.h"
#include "site/article.h"
#include "site/comment.h"
#include "site/comment_form.h"
#include "store/comment_writer.h"
#include "store/store.h"
#include "web/signer.h"

namespace tribune::web {

struct PostContext {
  std::string ip, user_agent;
  int64_t now = 0;
};

struct PostOutcome {
  enum class Kind { kStored, kInvalid, kNotFound, kClosed, kUnavailable };
  Kind kind = Kind::kStored;
  site::Article article;                 // set unless kNotFound
  site::StoredComment stored;            // kStored
  site::CommentForm form;                // the trimmed input, for refilling the form
  std::vector<site::FieldError> errors;  // kInvalid
  std::string message;                   // kNotFound, kClosed, kUnavailable
};

class CommentService {
 public:
  CommentService(const Config& config, store::Store& store, store::CommentWriter& writer,
                 const Signer& signer);

  // Validates and stores `form` on `article_id`; `done` runs once, on the
  // writer's thread for stored comments or on the caller's otherwise.
  void Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
            std::function<void(PostOutcome)> done);

  // The challenge the form shows, and whether `code` answers it.
  std::string ChallengeCode(int64_t article_id, int64_t now) const;
  std::string ChallengePrompt(int64_t article_id, int64_t now) const;
  bool ChallengeAccepts(int64_t article_id, int64_t now, const std::string& code) const;
  bool challenge_enabled() const { return config_.comments.challenge; }
  // The hour the challenge is valid for; pages showing it are cached per bucket.
  static int64_t ChallengeBucket(int64_t now) { return now / 3600; }

  // BBCode rendering options for guests, with protected links signed.
  bbcode::RenderOptions RenderOptionsFor(bool signed_in) const;

 private:
  const Config& config_;
  store::Store& store_;
  store::CommentWriter& writer_;
  const Signer& signer_;
};

// The signed path of the interstitial page for a protected link.
std::string LeechHref(const Signer& signer, std::string_view target);

}  // namespace tribune::web
