// /newsroom/articles: editors write, preview, publish and change articles.
// Saving runs on the desk's worker (a store write and an audit entry); the
// site's cached pages are dropped at once, so readers see the change on
// their next page.
#include <fmt/format.h>

#include <ctime>

#include "core/numbers.h"
#include "moderation/editorial.h"
#include "render/newsroom_articles.h"
#include "site/pagination.h"
#include "web/handlers.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

constexpr int64_t kArticlesPerPage = 50;

render::ArticleEditView EditViewFor(Context& ctx, const http::Request& req,
                                    const site::Staff& member) {
  render::ArticleEditView v;
  v.staff_name = member.name;
  v.role = member.role;
  v.form_token = StaffFormToken(ctx, req);
  return v;
}

moderation::ArticleInput InputOf(FormMap& f) {
  return {f["title"], f["slug"], f["lead"], f["body"], f["source"], f["comments_open"] == "1"};
}

void Refill(render::ArticleEditView& v, const moderation::ArticleInput& in) {
  v.title = in.title;
  v.slug = in.slug;
  v.lead = in.lead;
  v.body = in.body;
  v.source = in.source;
  v.comments_open = in.comments_open;
}

http::Response EditPage(Context& ctx, const render::ArticleEditView& v, int status) {
  return Private(HtmlResponse(status, render::RenderArticleEditPage(ctx.site, v)));
}

}  // namespace

void ArticleListPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  std::optional<int64_t> page = req.PositiveParam("page", 1);
  if (!page) return respond(Private(ErrorPage(ctx, 400, "The page must be a whole number from 1.")));
  auto count = ctx.articles.CountArticles();
  auto list = ctx.articles.ListArticles(site::PageOffset(*page, kArticlesPerPage), kArticlesPerPage);
  if (!count.ok() || !list.ok()) return respond(Private(StorageUnavailable(ctx)));
  render::ArticleListView v;
  v.staff_name = member->name;
  v.role = member->role;
  v.form_token = StaffFormToken(ctx, req);
  v.articles = std::move(list).value();
  v.page = *page;
  v.pages = site::PageCount(*count, kArticlesPerPage);
  if (*page > v.pages) return respond(Private(ErrorPage(ctx, 404, "There is no such page.")));
  respond(Private(HtmlResponse(200, render::RenderArticleListPage(ctx.site, v))));
}

void NewArticlePage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  respond(EditPage(ctx, EditViewFor(ctx, req, *member), 200));
}

void ArticleEditorPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  auto a = ctx.articles.GetArticle(id);
  if (!a.ok()) {
    return respond(Private(a.status().code() == Code::kNotFound
                               ? ErrorPage(ctx, 404, "There is no such article.")
                               : StorageUnavailable(ctx)));
  }
  render::ArticleEditView v = EditViewFor(ctx, req, *member);
  v.id = id;
  Refill(v, {a->title, a->slug, a->lead, a->body, a->source, a->comments_open});
  v.public_path = site::ArticlePath(*a);
  std::string done = req.QueryParam("done");
  if (done == "published") v.notice = "The article is published.";
  if (done == "saved") v.notice = "The changes are saved and on the site.";
  respond(EditPage(ctx, v, 200));
}

void SaveArticle(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond, Need::kEditArticles);
  if (!member) return;
  moderation::ArticleInput in = moderation::NormalizedArticle(InputOf(fields));
  render::ArticleEditView v = EditViewFor(ctx, req, *member);
  v.id = id;
  Refill(v, in);
  v.errors = moderation::CheckArticle(in);
  if (fields["do"] == "preview") {
    v.preview = v.errors.empty();
    return respond(EditPage(ctx, v, v.errors.empty() ? 200 : 422));
  }
  if (!v.errors.empty()) return respond(EditPage(ctx, v, 422));
  auto task = [&ctx, id, in = std::move(in), by = moderation::Actor{member->name, req.remote_addr},
               v = std::move(v), respond]() mutable {
    int64_t now = std::time(nullptr);
    Result<site::Article> saved =
        id == 0 ? moderation::CreateArticle(ctx.articles, ctx.audit, by, in, now)
                : moderation::UpdateArticle(ctx.articles, ctx.audit, by, id, in, now);
    if (!saved.ok()) {
      if (saved.status().code() == Code::kNotFound) {
        return respond(Private(ErrorPage(ctx, 404, "There is no such article.")));
      }
      if (saved.status().code() == Code::kInvalidArgument) {
        v.errors.push_back({"", saved.status().message()});
        return respond(EditPage(ctx, v, 422));
      }
      return respond(Private(StorageUnavailable(ctx)));
    }
    // Every page may show it (the front page, its own pages, the feeds).
    ctx.cache.InvalidateAll();
    respond(Private(Redirect(303, fmt::format("/newsroom/articles/{}?done={}", saved->id,
                                              id == 0 ? "published" : "saved"))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(ctx));
}

}  // namespace tribune::web
