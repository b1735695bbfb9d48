// /newsroom/articles: editors write, preview, publish and change articles.
// Saving runs on the desk's worker (a store write and an audit entry); the
// site's cached pages are dropped at once, so readers see the change on
// their next page.
#include "render/newsroom_articles.h"

#include <fmt/format.h>

#include <ctime>

#include "core/numbers.h"
#include "core/time_format.h"
#include "moderation/editorial.h"
#include "site/pagination.h"
#include "web/handlers.h"
#include "web/link_base.h"
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
  v.categories = ctx.site.categories;
  return v;
}

// What the editor's form sent. `do`: draft, publish or unpublish picks the
// state; a time or a number the form could not have sent is refused with the
// field named (and the text kept).
moderation::ArticleInput InputOf(FormMap& f, site::ArticleState was,
                                 std::vector<site::FieldError>& errors) {
  moderation::ArticleInput in{f["title"], f["slug"],   f["lead"],
                              f["body"],  f["source"], f["comments_open"] == "1"};
  in.byline = f["byline"];
  in.category = f["category"];
  std::string days = f["comments_close_days"];
  std::optional<int64_t> d =
      days.empty() || days == "0" ? std::optional<int64_t>(0) : ParsePositive(days);
  if (!d) errors.push_back({"comments_close_days", "The days must be a whole number from 0."});
  in.comments_close_days = d.value_or(0);
  if (!f["publish_at"].empty()) {
    in.publish_at = timefmt::ParseDateTimeLocal(f["publish_at"]);
    if (in.publish_at < 0) {
      errors.push_back({"publish_at", "The publication time must be a date and time."});
      in.publish_at = 0;
    }
  }
  const std::string& action = f["do"];
  in.state = action == "draft"       ? site::ArticleState::kDraft
             : action == "publish"   ? site::ArticleState::kPublished
             : action == "unpublish" ? site::ArticleState::kUnpublished
                                     : was;
  return in;
}

void Refill(render::ArticleEditView& v, const moderation::ArticleInput& in) {
  v.title = in.title;
  v.slug = in.slug;
  v.lead = in.lead;
  v.body = in.body;
  v.source = in.source;
  v.byline = in.byline;
  v.category = in.category;
  v.comments_open = in.comments_open;
  v.comments_close_days = std::to_string(in.comments_close_days);
  v.publish_at = in.publish_at > 0 ? timefmt::DateTimeLocal(in.publish_at) : "";
}

http::Response EditPage(const render::SiteInfo& site, const render::ArticleEditView& v,
                        int status) {
  return Private(HtmlResponse(status, render::RenderArticleEditPage(site, v)));
}

}  // namespace

void ArticleListPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  std::optional<int64_t> page = req.PositiveParam("page", 1);
  if (!page)
    return respond(Private(ErrorPage(ctx, req, 400, "The page must be a whole number from 1.")));
  auto count = ctx.articles.CountArticles();
  auto list =
      ctx.articles.ListArticles(site::PageOffset(*page, kArticlesPerPage), kArticlesPerPage);
  if (!count.ok() || !list.ok()) return respond(Private(StorageUnavailable(SiteFor(ctx, req))));
  render::ArticleListView v;
  v.staff_name = member->name;
  v.role = member->role;
  v.form_token = StaffFormToken(ctx, req);
  v.articles = std::move(list).value();
  v.now = std::time(nullptr);
  v.page = *page;
  v.pages = site::PageCount(*count, kArticlesPerPage);
  if (*page > v.pages) return respond(Private(ErrorPage(ctx, req, 404, "There is no such page.")));
  respond(Private(HtmlResponse(200, render::RenderArticleListPage(SiteFor(ctx, req), v))));
}

void NewArticlePage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  respond(EditPage(site, EditViewFor(ctx, req, *member), 200));
}

void ArticleEditorPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  auto a = ctx.articles.GetArticle(id);
  if (!a.ok()) {
    return respond(Private(a.status().code() == Code::kNotFound
                               ? ErrorPage(ctx, req, 404, "There is no such article.")
                               : StorageUnavailable(SiteFor(ctx, req))));
  }
  render::ArticleEditView v = EditViewFor(ctx, req, *member);
  v.id = id;
  Refill(v, moderation::InputOf(*a));
  v.state = a->state;
  v.scheduled = a->state == site::ArticleState::kPublished && a->published_at > std::time(nullptr);
  if (site::IsPublic(*a, std::time(nullptr))) v.public_path = site::ArticlePath(*a);
  std::string done = req.QueryParam("done");
  if (done == "published") v.notice = "The article is published.";
  if (done == "scheduled") v.notice = "The article is scheduled: readers see it from its time.";
  if (done == "saved") v.notice = "The changes are saved and on the site.";
  if (done == "draft") v.notice = "The draft is saved; readers do not see it.";
  if (done == "unpublished") v.notice = "The article is taken off the site.";
  respond(EditPage(site, v, 200));
}

void SaveArticle(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond, Need::kEditArticles);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  site::ArticleState was = site::ArticleState::kDraft;
  if (id != 0) {
    auto stored = ctx.articles.GetArticle(id);
    if (!stored.ok()) {
      return respond(Private(stored.status().code() == Code::kNotFound
                                 ? ErrorPage(ctx, req, 404, "There is no such article.")
                                 : StorageUnavailable(SiteFor(ctx, req))));
    }
    was = stored->state;
  }
  std::vector<site::FieldError> form_errors;
  moderation::ArticleInput in = moderation::NormalizedArticle(InputOf(fields, was, form_errors));
  render::ArticleEditView v = EditViewFor(ctx, req, *member);
  v.id = id;
  v.state = was;
  Refill(v, in);
  v.errors = moderation::CheckArticle(in, ctx.site.categories);
  v.errors.insert(v.errors.begin(), form_errors.begin(), form_errors.end());
  if (fields["do"] == "preview") {
    v.preview = v.errors.empty();
    v.images = ImagesOf(ctx, v.body);
    return respond(EditPage(site, v, v.errors.empty() ? 200 : 422));
  }
  if (!v.errors.empty()) return respond(EditPage(site, v, 422));
  auto task = [&ctx, site, id, in = std::move(in),
               by = moderation::Actor{member->name, req.remote_addr}, v = std::move(v),
               respond]() mutable {
    int64_t now = std::time(nullptr);
    Result<site::Article> saved =
        id == 0
            ? moderation::CreateArticle(ctx.articles, ctx.audit, by, in, ctx.site.categories, now)
            : moderation::UpdateArticle(ctx.articles, ctx.audit, by, id, in, ctx.site.categories,
                                        now);
    if (!saved.ok()) {
      if (saved.status().code() == Code::kNotFound) {
        return respond(Private(ErrorPage(site, 404, "There is no such article.")));
      }
      if (saved.status().code() == Code::kInvalidArgument) {
        v.errors.push_back({"", saved.status().message()});
        return respond(EditPage(site, v, 422));
      }
      return respond(Private(StorageUnavailable(site)));
    }
    // Every page may show it (the front page, its own pages, the feeds).
    ctx.cache.InvalidateAll();
    const char* done = saved->state == site::ArticleState::kDraft         ? "draft"
                       : saved->state == site::ArticleState::kUnpublished ? "unpublished"
                       : saved->published_at > now                        ? "scheduled"
                       : in.state != v.state || id == 0                   ? "published"
                                                                          : "saved";
    respond(Private(Redirect(303, fmt::format("/newsroom/articles/{}?done={}", saved->id, done))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

}  // namespace tribune::web
