// The comment form's POST: validate, store durably, redirect (PRG); on any
// problem the form comes back with the reader's text in it.
#include <fmt/format.h>

#include <ctime>

#include "core/numbers.h"
#include "core/utf8.h"
#include "render/article_page.h"
#include "site/pagination.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

// The article page (comments page 1) with the form refilled and its errors.
http::Response FormAgain(Context& ctx, const render::SiteInfo& site, const comments::PostOutcome& out,
                         int status, int font, const std::string& ip, const std::string& known,
                         const site::Reader* reader) {
  auto comments = ctx.comment_store.ListPublishedComments(out.article.id, 0, ctx.config.comments.per_page);
  std::vector<site::Comment> list = comments.ok() ? std::move(comments).value()
                                                  : std::vector<site::Comment>{};
  render::ArticlePageView view;
  view.article = &out.article;
  view.comments = &list;
  view.pages = site::PageCount(out.article.comment_count, ctx.config.comments.per_page);
  view.font_step = font;
  // A known commenter's pass spares work only for the e-mail it was given for.
  bool same = ctx.comments.SameCommenter(known, out.form.email);
  view.form_fields = ctx.comments.FormFieldsHtml(out.article.id, ip, std::time(nullptr), NowMs(),
                                                 same ? known : std::string(), site.lang);
  view.body_max = ctx.config.comments.max_length;
  view.form = &out.form;
  view.errors = &out.errors;
  view.reader = reader;
  view.signed_in = reader != nullptr;
  if (reader) view.form_fields.clear();  // a signed-in reader's form has no challenge
  return HtmlResponse(status, render::RenderArticlePage(site, view));
}

}  // namespace

void PostCommentForm(Context& ctx, http::Request& req, const ArticleRoute& route,
                     http::Respond respond) {
  if (!IsFormEncoded(req)) {
    return respond(ErrorPage(ctx, req, 415, "The form must be sent as "
                                       "application/x-www-form-urlencoded."));
  }
  site::CommentForm form;
  comments::FormProof proof;
  proof.honeypot_sent = false;
  proof.page_form = true;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (!utf8::IsValid(v)) {
      return respond(ErrorPage(ctx, req, 400, fmt::format("The field '{}' is not valid UTF-8 text; "
                                                     "please check your browser's encoding.",
                                                     utf8::IsValid(k) ? k : "?")));
    }
    if (k == "name") form.name = std::move(v);
    else if (k == "email") form.email = std::move(v);
    else if (k == "body") form.body = std::move(v);
    else if (k == "code") proof.code = std::move(v);
    else if (k == "reply_to") form.reply_to = ParseWhole(v).value_or(0);
    else if (k == "notify_replies") form.notify_replies = v == "1";
    else if (k == "notify_thread") form.notify_thread = v == "1";
    else if (k == "t") proof.token = std::move(v);
    else if (k == "pow") proof.pow = std::move(v);
    else if (k == ctx.comments.honeypot_name()) {
      proof.honeypot = std::move(v);
      proof.honeypot_sent = true;
    }
  }
  comments::PostContext pc{req.remote_addr, std::string(req.Header("user-agent")), std::time(nullptr),
                 NowMs(), std::move(proof)};
  if (ctx.accounts) pc.reader = ctx.accounts->Current(req.Cookie(readers::Accounts::kCookie), pc.now);
  int font = FontStep(req);
  std::string ip = req.remote_addr;
  std::string known = ctx.comments.KnownCommenter(req.Cookie(comments::CommenterPass::kCookie), pc.now);
  // The callback may run on the writer's thread after this returns: it owns its copies.
  auto again = [&ctx, site = SiteFor(ctx, req), font, ip, known, reader = pc.reader](
                   const comments::PostOutcome& out, int status) {
    return FormAgain(ctx, site, out, status, font, ip, known, reader ? &*reader : nullptr);
  };
  bool confirmed = pc.reader.has_value();
  ctx.comments.Post(route.id, std::move(form), pc, [&ctx, respond, again, confirmed](
                                                       comments::PostOutcome out) {
    using Kind = comments::PostOutcome::Kind;
    switch (out.kind) {
      case Kind::kStored: {
        const site::Comment& c = out.stored.comment;
        bool kept = c.status == site::CommentStatus::kPublished ||
                    c.status == site::CommentStatus::kHeld;
        if (ctx.accounts && out.sent_by_author && kept) {
          ctx.accounts->Follow(c.email, c.article_id, out.form.notify_replies,
                               out.form.notify_thread, confirmed, c.created_at);
        }
        http::Response r = Redirect(303, fmt::format("{}?posted={}#c{}",
                                                     site::ArticlePath(out.article), c.id, c.id));
        if (out.sent_by_author) AddAuthorCookies(ctx, c, r);
        return respond(std::move(r));
      }
      case Kind::kInvalid:
        return respond(again(out, out.confirm ? 200 : 422));
      case Kind::kLimited: {
        out.errors.push_back({"", out.message});
        http::Response r = again(out, 429);
        r.headers.emplace_back("Retry-After", "60");
        return respond(std::move(r));
      }
      case Kind::kClosed:
        return respond(again(out, 403));
      case Kind::kNotFound:
        return respond(ErrorPage(ctx, 404, "There is no such article."));
      case Kind::kUnavailable: {
        out.errors.push_back({"", "Your comment could not be saved just now; it is still in "
                                  "the form below, please send it again."});
        http::Response r = again(out, 503);
        r.headers.emplace_back("Retry-After", "5");  // a store coming back takes seconds
        return respond(std::move(r));
      }
    }
  });
}

}  // namespace tribune::web
