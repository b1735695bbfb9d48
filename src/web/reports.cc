// Readers' reports on comments: the form under each comment's "Report" link,
// and its POST.
#include <ctime>

#include "core/utf8.h"
#include "render/misc_pages.h"
#include "site/article.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

// The page for reporting `c` with `view`'s form state; the comment's article gives the way back.
http::Response ReportPage(Context& ctx, const http::Request& req, const site::Comment& c,
                          render::ReportPageView view, int status) {
  auto article = ctx.articles.GetArticle(c.article_id);
  view.comment_id = c.id;
  view.author = c.author;
  view.text = utf8::Truncate(c.body_text, 600);
  view.article_path = article.ok() ? site::ArticlePath(*article) : "/";
  return HtmlResponse(status, render::RenderReportPage(SiteFor(ctx, req), view));
}

}  // namespace

void ReportCommentPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  if (req.QueryParam("sent") == "1") {
    render::ReportPageView view;
    view.comment_id = id;
    view.thanks = true;
    view.article_path = "/";
    auto c = ctx.comment_store.GetComment(id);
    if (c.ok()) {
      auto a = ctx.articles.GetArticle(c->article_id);
      if (a.ok()) view.article_path = site::ArticlePath(*a);
    }
    return respond(HtmlResponse(200, render::RenderReportPage(SiteFor(ctx, req), view)));
  }
  auto c = ctx.comment_store.GetComment(id);
  if (!c.ok() && c.status().code() != Code::kNotFound) return respond(StorageUnavailable(ctx));
  if (!c.ok() || c->status != site::CommentStatus::kPublished) {
    return respond(ErrorPage(ctx, req, 404, "There is no such comment."));
  }
  respond(ReportPage(ctx, req, *c, {}, 200));
}

void PostReport(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  if (!IsFormEncoded(req)) {
    return respond(ErrorPage(ctx, req, 415, "The form must be sent as "
                                       "application/x-www-form-urlencoded."));
  }
  render::ReportPageView view;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (!utf8::IsValid(v)) {
      return respond(ErrorPage(ctx, req, 400, "The report is not valid UTF-8 text; please check your "
                                         "browser's encoding."));
    }
    if (k == "reason") view.reason = std::move(v);
    else if (k == "details") view.details = std::move(v);
  }
  comments::ReportOutcome out = ctx.comments.Report(id, req.remote_addr, view.reason,
                                                    view.details, std::time(nullptr), NowMs());
  using Kind = comments::ReportOutcome::Kind;
  switch (out.kind) {
    case Kind::kRecorded:
      if (out.held) CommentChanged(ctx, out.comment);
      return respond(Redirect(303, "/comments/" + std::to_string(id) + "/report?sent=1"));
    case Kind::kNotFound: return respond(ErrorPage(ctx, req, 404, "There is no such comment."));
    case Kind::kUnavailable: return respond(StorageUnavailable(ctx));
    case Kind::kInvalid:
    case Kind::kLimited:
      view.error = out.message;
      return respond(ReportPage(ctx, req, out.comment, std::move(view),
                                out.kind == Kind::kInvalid ? 400 : 429));
  }
}

}  // namespace tribune::web
