#include "web/comment_service.h"

#include <fmt/format.h>

#include "core/html.h"

namespace tribune::web {

std::string LeechHref(const Signer& signer, std::string_view target) {
  return fmt::format("/go?u={}&s={}", html::UrlEncode(target), signer.Sign(target));
}

CommentService::CommentService(const Config& config, store::Store& store,
                               store::CommentWriter& writer, const Signer& signer)
    : config_(config), store_(store), writer_(writer), signer_(signer) {}

std::string CommentService::ChallengeCode(int64_t article_id, int64_t now) const {
  return signer_.ChallengeCode(article_id, ChallengeBucket(now));
}

std::string CommentService::ChallengePrompt(int64_t article_id, int64_t now) const {
  if (!challenge_enabled()) return {};
  return "Type the digits " + ChallengeCode(article_id, now);
}

bool CommentService::ChallengeAccepts(int64_t article_id, int64_t now,
                                      const std::string& code) const {
  if (!challenge_enabled()) return true;
  // The code of the previous hour still counts, so a reader who started
  // writing before the hour turned is not turned away.
  int64_t bucket = ChallengeBucket(now);
  return code == signer_.ChallengeCode(article_id, bucket) ||
         code == signer_.ChallengeCode(article_id, bucket - 1);
}

bbcode::RenderOptions CommentService::RenderOptionsFor(bool signed_in) const {
  bbcode::RenderOptions o;
  o.viewer_signed_in = signed_in;
  const Signer* signer = &signer_;
  o.leech_href = [signer](std::string_view target) { return LeechHref(*signer, target); };
  return o;
}

void CommentService::Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
                          std::function<void(PostOutcome)> done) {
  PostOutcome out;
  auto article = store_.GetArticle(article_id);
  if (!article.ok()) {
    out.kind = article.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                          : PostOutcome::Kind::kUnavailable;
    out.message = article.status().message();
    return done(std::move(out));
  }
  out.article = *article;
  if (!out.article.comments_open) {
    out.kind = PostOutcome::Kind::kClosed;
    out.message = "Comments are closed for this article.";
    out.form = std::move(form);
    return done(std::move(out));
  }
  site::CommentLimits limits;
  limits.body_max = static_cast<size_t>(config_.comments.max_length);
  out.errors = site::ValidateCommentForm(form, limits);
  if (!ChallengeAccepts(article_id, ctx.now, form.code)) {
    out.errors.push_back({"code", "The code does not match: please type the digits shown."});
  }
  if (!out.errors.empty()) {
    out.kind = PostOutcome::Kind::kInvalid;
    out.form = std::move(form);
    return done(std::move(out));
  }

  site::NewComment nc;
  nc.article_id = article_id;
  nc.status = site::CommentStatus::kPublished;
  nc.author = form.name;
  nc.email = form.email;
  nc.body_source = form.body;
  bbcode::Document doc = bbcode::Parse(form.body);
  nc.body_html = bbcode::RenderHtml(doc, RenderOptionsFor(false));
  nc.body_html_member = bbcode::RenderHtml(doc, RenderOptionsFor(true));
  nc.body_text = bbcode::RenderText(doc);
  nc.ip = ctx.ip;
  nc.user_agent = ctx.user_agent.substr(0, 512);
  nc.created_at = ctx.now;
  nc.dedupe_after = ctx.now - config_.comments.dedupe_window_s;
  out.form = std::move(form);
  writer_.Submit(std::move(nc), [out = std::move(out), done = std::move(done)](
                                    Result<site::StoredComment> r) mutable {
    if (r.ok()) {
      out.kind = PostOutcome::Kind::kStored;
      out.stored = std::move(r).value();
    } else {
      out.kind = r.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                      : PostOutcome::Kind::kUnavailable;
      out.message = r.status().message();
    }
    done(std::move(out));
  });
}

}  // namespace tribune::web
