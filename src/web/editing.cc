// Authors editing their comments: the edit page, its POST, and the cookies
// that carry the edit key and the known-commenter pass.
#include <fmt/format.h>

#include <ctime>

#include "core/utf8.h"
#include "render/edit_page.h"
#include "render/misc_pages.h"
#include "web/handlers.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

std::string EditCookieName(int64_t comment_id) { return fmt::format("ce{}", comment_id); }

http::Response EditPage(Context& ctx, const http::Request& req, int status,
                        const comments::EditOutcome& out, const std::string& key) {
  render::EditPageView view;
  view.article = &out.article;
  view.comment = &out.comment;
  view.body = out.body;
  view.key = key;
  view.editable_until = ctx.comments.EditableUntil(out.comment);
  view.body_max = ctx.config.comments.max_length;
  view.font_step = FontStep(req);
  using Kind = comments::EditOutcome::Kind;
  std::vector<site::FieldError> errors = out.errors;
  if (out.kind == Kind::kLimited || out.kind == Kind::kUnavailable) {
    errors.push_back({"", out.message});  // worth sending again: the form stays
  } else if (out.kind != Kind::kEdited && out.kind != Kind::kInvalid) {
    view.refusal = out.message;
  }
  view.errors = &errors;
  http::Response r = HtmlResponse(status, render::RenderEditPage(ctx.site, view));
  r.headers.emplace_back("X-Robots-Tag", "noindex");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddAuthorCookies(Context& ctx, const site::Comment& c, http::Response& r) {
  int64_t now = std::time(nullptr);
  std::string_view secure = SecureCookieAttribute(ctx);
  int64_t left = ctx.comments.EditableUntil(c) - now;
  bool editable = c.status == site::CommentStatus::kPublished ||
                  c.status == site::CommentStatus::kHeld;
  if (editable && left > 0) {
    r.headers.emplace_back("Set-Cookie",
                           fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
                                       EditCookieName(c.id), ctx.comments.EditKey(c), left,
                                       secure));
  }
  std::string pass = ctx.comments.CommenterCookie(c, now);
  if (!pass.empty()) {
    r.headers.emplace_back("Set-Cookie",
                           fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
                                       comments::CommenterPass::kCookie, pass,
                                       int64_t{ctx.config.spam.trust_days} * 86400, secure));
  }
}

std::string EditLinkFor(Context& ctx, const http::Request& req, const site::Comment& c,
                        const site::Article& a) {
  if (!ctx.comments.KeyFits(c, req.Cookie(EditCookieName(c.id)))) return {};
  std::string why;
  bool can = ctx.comments.Editable(c, a, std::time(nullptr), &why) == comments::EditOutcome::Kind::kEdited;
  return can ? render::CommentEditPath(c.id) : std::string();
}

void CommentChanged(Context& ctx, const site::Comment& c) {
  ctx.cache.Invalidate(c.article_id);
  ctx.cache.Invalidate(render::PageCache::kSiteScope);  // the front page shows comment counts
}

void EditCommentPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  std::string key = req.Cookie(EditCookieName(id));
  comments::EditOutcome out = ctx.comments.OpenEdit(id, key, std::time(nullptr));
  using Kind = comments::EditOutcome::Kind;
  switch (out.kind) {
    case Kind::kEdited: return respond(EditPage(ctx, req, 200, out, key));
    case Kind::kNotFound: return respond(ErrorPage(ctx, req, 404, out.message));
    case Kind::kUnavailable: return respond(StorageUnavailable(ctx));
    case Kind::kForbidden:
      if (out.article.id == 0) return respond(ErrorPage(ctx, req, 403, out.message));
      out.body.clear();  // not the author's browser: the text is not theirs to copy
      return respond(EditPage(ctx, req, 403, out, ""));
    default: return respond(EditPage(ctx, req, 403, out, ""));
  }
}

void PostCommentEdit(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  if (!IsFormEncoded(req)) {
    return respond(ErrorPage(ctx, req, 415, "The form must be sent as "
                                       "application/x-www-form-urlencoded."));
  }
  std::string body, key;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (!utf8::IsValid(v)) {
      return respond(ErrorPage(ctx, req, 400, "The form is not valid UTF-8 text; please check your "
                                         "browser's encoding."));
    }
    if (k == "body") body = std::move(v);
    else if (k == "k") key = std::move(v);
  }
  // The key must come in the form (the edit page puts it there), never from
  // the cookie alone: a form on another site could send the cookie too.
  comments::PostContext pc{req.remote_addr, std::string(req.Header("user-agent")), std::time(nullptr),
                 NowMs(), {}};
  comments::EditOutcome out = ctx.comments.Edit(id, key, std::move(body), pc);
  using Kind = comments::EditOutcome::Kind;
  switch (out.kind) {
    case Kind::kEdited: {
      CommentChanged(ctx, out.comment);
      return respond(Redirect(303, fmt::format("{}?posted={}#c{}", site::ArticlePath(out.article),
                                               out.comment.id, out.comment.id)));
    }
    case Kind::kInvalid: return respond(EditPage(ctx, req, 422, out, key));
    case Kind::kNotFound: return respond(ErrorPage(ctx, req, 404, out.message));
    case Kind::kLimited: {
      http::Response r = EditPage(ctx, req, 429, out, key);
      r.headers.emplace_back("Retry-After", "60");
      return respond(std::move(r));
    }
    case Kind::kUnavailable:
      if (out.article.id == 0) {
        // Not even the comment could be read: the page can still hand back the text.
        return respond(HtmlResponse(
            503, render::RenderErrorPage(ctx.site, 503, "Not saved",
                                         "Your edit could not be saved just now. Here is your "
                                         "text, to send again in a moment:",
                                         out.body)));
      }
      out.message = "Your edit could not be saved just now; it is still in the form below, "
                    "please send it again.";
      return respond(EditPage(ctx, req, 503, out, key));
    case Kind::kForbidden:
    case Kind::kClosed:
      if (out.article.id == 0) return respond(ErrorPage(ctx, req, 403, out.message));
      return respond(EditPage(ctx, req, 403, out, key));
  }
}

}  // namespace tribune::web
