// Posting a comment: validation, screening, rendering, the durable write.
#include "comments/comment_service.h"

#include <fmt/format.h>

#include <cmath>

#include "comments/comment_service_internal.h"
#include "comments/reader_names.h"
#include "comments/reputation.h"
#include "core/html.h"
#include "core/utf8.h"
#include "spam/verdict.h"

namespace tribune::comments {

using internal::StatusFor;

void CommentService::Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
                          std::function<void(PostOutcome)> done) {
  PostOutcome out;
  auto article = store::GetPublicArticle(articles_, article_id, ctx.now);
  if (!article.ok()) {
    out.kind = article.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                          : PostOutcome::Kind::kUnavailable;
    out.message = article.status().message();
    return done(std::move(out));
  }
  out.article = *article;
  if (!site::TakesComments(out.article, ctx.now)) {
    out.article.comments_open = false;
    out.kind = PostOutcome::Kind::kClosed;
    out.message = "Comments are closed for this article.";
    out.form = std::move(form);
    return done(std::move(out));
  }
  if (ctx.reader) {
    // A signed-in reader posts under their own name and address.
    form.name = ctx.reader->name;
    form.email = ctx.reader->email;
  }
  site::CommentLimits limits;
  limits.body_max = static_cast<size_t>(config_.comments.max_length);
  out.errors = site::ValidateCommentForm(form, limits);
  if (!ctx.reader && readers_ && !form.name.empty()) {
    auto owner = readers_->GetReaderByNameKey(ReaderNameKey(form.name));
    if (owner.ok() && owner->confirmed_at != 0) {
      out.errors.push_back({"name", "This name belongs to a registered reader. Sign in to use "
                                    "it, or choose another name."});
    }
  }
  int64_t reply_to_number = 0;
  if (form.reply_to != 0) {
    auto answered = comment_store_.GetComment(form.reply_to);
    if (answered.ok() && answered->article_id == article_id &&
        answered->status == site::CommentStatus::kPublished) {
      reply_to_number = answered->number;
    } else if (answered.ok() || answered.status().code() == Code::kNotFound) {
      out.errors.push_back({"body", "The comment you answer is no longer on this article; your "
                                    "text is below, to send as a comment of its own."});
      form.reply_to = 0;
    } else {
      out.kind = PostOutcome::Kind::kUnavailable;
      out.message = answered.status().message();
      out.form = std::move(form);
      return done(std::move(out));
    }
  }
  GuardVerdict guard;
  if (ctx.reader) {
    guard.symbol = "READER_SIGNED_IN";
    guard.message = fmt::format("signed in as reader {}", ctx.reader->id);
  } else if (challenge_enabled()) {
    guard = guard_.Verify(article_id, ctx.ip, ctx.now, ctx.proof);
    if (guard.kind == GuardVerdict::Kind::kRetry && guard.symbol == "TOKEN_MISSING" &&
        config_.cache.public_pages) {
      out.confirm = out.errors.empty();
      out.errors.push_back({"code", "One more step: type the digits shown below and send your "
                                    "comment again."});
    } else if (guard.kind == GuardVerdict::Kind::kRetry) {
      out.errors.push_back({guard.symbol.rfind("CODE", 0) == 0 ? "code" : "", guard.message});
    }
  }
  Reputation reputation = ReputationOf(form.email, ctx.now);
  if (guard.kind == GuardVerdict::Kind::kPass && !guard.known.empty() &&
      (!SameCommenter(guard.known, form.email) || reputation.published == 0)) {
    // The form was spared a spam wave's extra work for a known commenter.
    out.errors.push_back({"", "This form was prepared for a known commenter with another e-mail "
                              "address; please send your comment again."});
  }
  if (!out.errors.empty()) {
    out.kind = PostOutcome::Kind::kInvalid;
    out.form = std::move(form);
    return done(std::move(out));
  }
  if (guard.kind == GuardVerdict::Kind::kReplay && guard.earlier_comment != 0) {
    // The same form sent twice (a double click, a reload): the comment it made.
    auto earlier = comment_store_.GetComment(guard.earlier_comment);
    if (earlier.ok()) {
      out.kind = PostOutcome::Kind::kStored;
      out.stored = {*earlier, true};
      out.sent_by_author = true;  // the same single-use form: the same browser
      return done(std::move(out));
    }
  }
  std::string limited = LimitExceeded(form, ctx.ip, article_id, ctx.now_ms);
  if (!limited.empty()) {
    out.kind = PostOutcome::Kind::kLimited;
    out.message = fmt::format("Too many comments from {} just now; please wait a minute and "
                              "send yours again.", limited);
    out.form = std::move(form);
    return done(std::move(out));
  }
  // Spent only now that nothing can refuse the post: a form refused above
  // (429) can be sent again. Lost to a post that claimed it meanwhile: a replay.
  if (guard.kind == GuardVerdict::Kind::kPass && !guard.nonce.empty() &&
      !guard_.Claim(guard.nonce, ctx.now)) {
    guard = guard_.Verify(article_id, ctx.ip, ctx.now, ctx.proof);
    if (guard.kind == GuardVerdict::Kind::kPass) {
      // Claimed on another node, whose comment is not stored yet.
      guard.kind = GuardVerdict::Kind::kReplay;
      guard.symbol = "TOKEN_REPLAYED";
      guard.message = "the form token was used before";
    }
  }

  site::NewComment nc;
  nc.article_id = article_id;
  nc.author = form.name;
  nc.email = form.email;
  nc.body_source = form.body;
  nc.reply_to = form.reply_to;
  nc.reply_to_number = reply_to_number;
  nc.reader_id = ctx.reader ? ctx.reader->id : 0;
  RenderBody(form.body, nc.body_html, nc.body_html_member, nc.body_text);
  std::vector<ExtraReason> extra;
  if (guard.kind == GuardVerdict::Kind::kPass && guard.symbol == "CODE_TYPED" &&
      WavePowBits(ctx.now_ms) > 0 && reputation.published == 0) {
    // The typed code is the fallback for readers without JavaScript, and a
    // script can read it off the page: during a wave, newcomers who use it
    // wait for a moderator instead of being refused.
    extra.push_back({"CODE_DURING_WAVE", symbols_.Score("CODE_DURING_WAVE"),
                     "typed the code instead of solving the proof of work during a spam wave"});
  }
  std::optional<ExtraReason> banned =
      BanReason(form.name, form.email, ctx.ip, nc.body_text, ctx.now, ctx.now_ms);
  if (banned) extra.push_back(*banned);
  std::optional<ExtraReason> premoderated = PremoderationReason(reputation, ctx.now_ms);
  if (premoderated) extra.push_back(*premoderated);
  std::optional<ExtraReason> listed = WordListReason(form.name, nc.body_text);
  if (listed) extra.push_back(*listed);
  bool rejected = banned || (listed && listed->symbol == "WORD_REJECT");
  bool held = premoderated || (listed && listed->symbol == "WORD_HOLD");
  nc.screening = Screen(out.article, form, nc.body_text, ctx, guard, reputation, extra);
  // A banned or rejected post is spam whatever else its score says:
  // moderators find it there.
  nc.status = rejected ? site::CommentStatus::kSpam
                       : StatusFor(spam::ActionFor(nc.screening.score, policy_));
  if (held && nc.status == site::CommentStatus::kPublished) nc.status = site::CommentStatus::kHeld;
  if (nc.status != site::CommentStatus::kPublished && nc.status != site::CommentStatus::kHeld) {
    spam_wave_.Add("site", ctx.now_ms);
  }
  nc.ip = ctx.ip;
  nc.user_agent = ctx.user_agent.substr(0, 512);
  nc.created_at = ctx.now;
  // Identical resubmissions are one comment, except from a bot: its copy of
  // someone's text is kept apart (and discarded), not answered with theirs.
  nc.dedupe_after = guard.kind == GuardVerdict::Kind::kBot
                        ? 0
                        : ctx.now - config_.comments.dedupe_window_s;
  out.form = std::move(form);
  std::string nonce = guard.kind == GuardVerdict::Kind::kPass ? guard.nonce : std::string();
  nc.form_nonce = nonce;
  nc.form_nonce_expires = ctx.now + config_.comments.token_max_age_s;
  writer_.Submit(std::move(nc), [this, nonce, now = ctx.now, out = std::move(out),
                                 done = std::move(done)](Result<site::StoredComment> r) mutable {
    if (r.ok()) {
      out.kind = PostOutcome::Kind::kStored;
      out.stored = std::move(r).value();
      out.sent_by_author = !out.stored.duplicate;
      if (!out.stored.duplicate) {
        stored_[static_cast<size_t>(out.stored.comment.status)].fetch_add(
            1, std::memory_order_relaxed);
      }
      if (!nonce.empty()) guard_.MarkUsed(nonce, out.stored.comment.id, now);
    } else {
      if (!nonce.empty()) guard_.Forget(nonce);
      out.kind = r.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                      : PostOutcome::Kind::kUnavailable;
      out.message = r.status().message();
    }
    done(std::move(out));
  });
}

}  // namespace tribune::comments
