// Editing a comment by its author: the key, the window, a whole new verdict.
#include "comments/comment_service.h"

#include <fmt/format.h>

#include <cmath>

#include "comments/comment_service_internal.h"
#include "comments/reputation.h"
#include "core/html.h"
#include "core/utf8.h"
#include "spam/verdict.h"

namespace tribune::comments {

using internal::StatusFor;
using internal::kMaxEdits;
using internal::kEditGraceS;

namespace {

size_t LinkCount(std::string_view html) {
  size_t n = 0;
  for (size_t at = html.find("<a "); at != std::string_view::npos; at = html.find("<a ", at + 3)) {
    ++n;
  }
  return n;
}

}  // namespace

std::string CommentService::EditKey(const site::Comment& c) const {
  return signer_.Sign(fmt::format("edit:{}:{}", c.id, c.created_at));
}

bool CommentService::KeyFits(const site::Comment& c, std::string_view key) const {
  return !key.empty() && signer_.Verify(fmt::format("edit:{}:{}", c.id, c.created_at), key);
}

EditOutcome::Kind CommentService::Editable(const site::Comment& c, const site::Article& a,
                                           int64_t now, std::string* why) const {
  using Kind = EditOutcome::Kind;
  if (c.status != site::CommentStatus::kPublished && c.status != site::CommentStatus::kHeld) {
    *why = "This comment was removed and can no longer be edited.";
    return Kind::kForbidden;
  }
  if (config_.comments.edit_window_s == 0 || now > EditableUntil(c)) {
    *why = fmt::format("Comments can be edited for {} minutes after they are sent; that time has "
                       "passed.",
                       config_.comments.edit_window_s / 60);
    return Kind::kForbidden;
  }
  if (!a.comments_open) {
    *why = "Comments are closed for this article.";
    return Kind::kClosed;
  }
  return Kind::kEdited;
}

int64_t CommentService::EditableUntil(const site::Comment& c) const {
  return c.created_at + config_.comments.edit_window_s;
}

EditOutcome CommentService::OpenEdit(int64_t id, std::string_view key, int64_t now) {
  using Kind = EditOutcome::Kind;
  EditOutcome out;
  auto comment = comment_store_.GetComment(id);
  if (!comment.ok()) {
    out.kind = comment.status().code() == Code::kNotFound ? Kind::kNotFound : Kind::kUnavailable;
    out.message = comment.status().code() == Code::kNotFound ? "There is no such comment."
                                                              : comment.status().message();
    return out;
  }
  out.comment = std::move(comment).value();
  out.body = out.comment.body_source;
  // Only the author holds the key; without it, the comment's state is not told.
  if (!KeyFits(out.comment, key)) {
    out.kind = Kind::kForbidden;
    out.message = "Only the author can edit this comment, from the browser it was sent from.";
    return out;
  }
  auto article = articles_.GetArticle(out.comment.article_id);
  if (!article.ok()) {
    out.kind = Kind::kUnavailable;
    out.message = article.status().message();
    return out;
  }
  out.article = std::move(article).value();
  out.kind = Editable(out.comment, out.article, now, &out.message);
  return out;
}

EditOutcome CommentService::Edit(int64_t id, std::string_view key, std::string body,
                                 const PostContext& ctx) {
  using Kind = EditOutcome::Kind;
  // A form opened just before the window closed can still be sent.
  EditOutcome out =
      OpenEdit(id, key, ctx.now - std::min<int64_t>(kEditGraceS, config_.comments.edit_window_s));
  out.body = std::move(body);
  if (out.kind != Kind::kEdited) return out;
  const site::Comment before = out.comment;
  site::CommentForm form{before.author, before.email, out.body};
  site::CommentLimits limits;
  limits.body_max = static_cast<size_t>(config_.comments.max_length);
  out.errors = site::ValidateCommentForm(form, limits);
  if (!out.errors.empty()) {
    out.kind = Kind::kInvalid;
    return out;
  }
  auto revisions = comment_store_.ListRevisions(id);
  if (revisions.ok() && revisions->size() >= static_cast<size_t>(kMaxEdits)) {
    out.kind = Kind::kForbidden;
    out.message = fmt::format("A comment can be edited {} times at most.", kMaxEdits);
    return out;
  }
  if (prefix_rate_.Add(FormGuard::AddressPrefix(ctx.ip), ctx.now_ms) >
      config_.limits.per_prefix_per_minute) {
    out.kind = Kind::kLimited;
    out.message = "Too many comments and edits from your network just now; please wait a minute "
                  "and send it again.";
    return out;
  }

  site::CommentEdit edit;
  edit.body_source = out.body;
  RenderBody(out.body, edit.body_html, edit.body_html_member, edit.body_text);
  std::vector<ExtraReason> extra;
  extra.push_back({"EDITED", symbols_.Score("EDITED"),
                   fmt::format("edited {} s after posting; was {} ({:.2f})",
                               ctx.now - before.created_at, before.screening.action,
                               before.screening.score)});
  size_t links_before = LinkCount(before.body_html), links_after = LinkCount(edit.body_html);
  if (links_after > links_before) {
    extra.push_back({"EDIT_NEW_LINKS", symbols_.Score("EDIT_NEW_LINKS"),
                     fmt::format("{} links, {} before the edit", links_after, links_before)});
  }
  // Trust comes from the author's other comments, not from this one's publication.
  Reputation reputation = ReputationOf(before.email, ctx.now, before.id);
  GuardVerdict no_guard;  // the edit key is the proof; no new form was served
  std::optional<ExtraReason> banned =
      BanReason(before.author, before.email, ctx.ip, edit.body_text, ctx.now, ctx.now_ms);
  if (banned) extra.push_back(*banned);
  std::optional<ExtraReason> listed = WordListReason(before.author, edit.body_text);
  if (listed) extra.push_back(*listed);
  bool rejected = banned || (listed && listed->symbol == "WORD_REJECT");
  edit.screening = Screen(out.article, form, edit.body_text, ctx, no_guard, reputation, extra);
  edit.status = rejected ? site::CommentStatus::kSpam
                         : StatusFor(spam::ActionFor(edit.screening.score, policy_));
  if (listed && listed->symbol == "WORD_HOLD" && edit.status == site::CommentStatus::kPublished) {
    edit.status = site::CommentStatus::kHeld;
  }
  if (edit.status == site::CommentStatus::kSpam || edit.status == site::CommentStatus::kDeleted) {
    spam_wave_.Add("site", ctx.now_ms);
  }
  edit.edited_at = ctx.now;
  auto stored = comment_store_.EditComment(id, edit);
  if (!stored.ok()) {
    out.kind = Kind::kUnavailable;
    out.message = stored.status().message();
    return out;
  }
  out.comment = std::move(stored).value();
  return out;
}

}  // namespace tribune::comments

