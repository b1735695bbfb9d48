// Public pages: front page, article and comment pages, feeds, preferences,
// the protected-link interstitial.
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <functional>
#include <optional>

#include "core/html.h"
#include "http/local_path.h"
#include "render/article_page.h"
#include "render/comment_form_fields.h"
#include "render/feeds.h"
#include "render/front_page.h"
#include "render/misc_pages.h"
#include "site/pagination.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/off_loop.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

constexpr int64_t kFrontPageSize = 20;
constexpr int64_t kFeedSize = 30;
constexpr int kMinFontStep = -2;
constexpr int kMaxFontStep = 3;

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

// `path` when it is a path on this site, else "/": "//host", "/\thost" or
// "http:" would make an open redirect, a CR or LF a header of its own.
std::string LocalPath(const std::string& path) {
  return http::IsLocalPath(path) ? path : std::string("/");
}


// Serves the cached page under (scope, key), building it with `build` when
// this request was chosen to. `build` makes the page or an error response.
// Pages carry absolute links: the key gets their base when it varies.
// What a reader's page says to caches. [cache] public_pages: a shared cache
// may keep it, unless the reader chose another font size (its own page).
std::string PageCacheControl(const Context& ctx, const http::Request& req) {
  if (!ctx.config.cache.public_pages) return "";
  if (!req.Cookie("fs").empty() || !req.Cookie(kLanguageCookie).empty()) return "private, no-cache";
  return fmt::format("public, max-age=0, s-maxage={}", ctx.config.cache.shared_max_age_s);
}

ErrorWriter PageErrors(Context& ctx) {
  return [&ctx](int status, const std::string& detail) { return ErrorPage(ctx, status, detail); };
}

// On an event loop, a page that must be built (or whose per-request part
// asks Redis) is left to `again`, the handler run once more off the loop.
template <typename Build>
void ServeCached(Context& ctx, http::Request& req, int64_t scope, std::string plain_key,
                 int64_t tag, Build&& build, http::Respond& respond, LoopJob again,
                 const std::function<std::string()>& per_request = nullptr,
                 std::string_view cache_control = {}) {
  std::string key = LinkCacheKey(ctx, req, std::move(plain_key));
  // Pages come in the reader's language: caches must keep one per language.
  bool languages = ctx.languages && ctx.languages->all().size() > 1;
  auto varied = [languages](http::Response r) {
    if (!languages) return r;
    for (auto& [name, value] : r.headers) {
      if (name == "Vary") {
        value += ", Accept-Language, Cookie";
        return r;
      }
    }
    r.headers.emplace_back("Vary", "Accept-Language, Cookie");
    return r;
  };
  if (MustLeaveLoop(ctx)) {
    bool asks_redis = per_request && ctx.comments.shares_state();
    auto seen = asks_redis ? render::PageCache::Lookup{} : ctx.cache.Peek(scope, key, tag);
    if (asks_redis || seen.rebuild) {
      return OffLoop(ctx, req, respond, PageErrors(ctx), std::move(again));
    }
    return respond(varied(
        CachedResponse(req, seen.page, per_request ? per_request() : "", cache_control)));
  }
  auto found = ctx.cache.Find(scope, key, tag);
  if (!found.rebuild) {
    return respond(varied(
        CachedResponse(req, found.page, per_request ? per_request() : "", cache_control)));
  }
  std::shared_ptr<const render::CachedPage> page;
  http::Response error;
  if (!build(page, error)) {
    ctx.cache.Abandon(scope, key);
    return respond(std::move(error));
  }
  page = ctx.cache.Put(scope, found.generation, key, std::move(page));
  respond(varied(
      CachedResponse(req, std::move(page), per_request ? per_request() : "", cache_control)));
}

// Feeds speak the site's language, whoever asks.
render::SiteInfo FeedSite(const Context& ctx, const http::Request& req) {
  render::SiteInfo site = SiteFor(ctx, req);
  site.lang = ctx.site.lang;
  return site;
}

http::Response BadPageParameter(Context& ctx, const http::Request& req) {
  return ErrorPage(ctx, req, 400, "The 'page' parameter must be a whole number from 1.");
}

}  // namespace

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int FontStep(const http::Request& req) {
  std::string v = req.Cookie("fs");
  int step = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), step);
  if (ec != std::errc()) return 0;
  return std::clamp(step, kMinFontStep, kMaxFontStep);
}

void FrontPage(Context& ctx, http::Request& req, http::Respond respond) {
  std::optional<int64_t> page_param = req.PositiveParam("page", 1);
  if (!page_param) return respond(BadPageParameter(ctx, req));
  int64_t page = *page_param;
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    store::ArticleFilter shown{Now(), ""};
    auto count = ctx.articles.CountArticles(shown);
    if (!count.ok()) return error = StorageUnavailable(ctx), false;
    int64_t pages = site::PageCount(*count, kFrontPageSize);
    if (page > pages) return error = ErrorPage(ctx, req, 404, "There is no such page."), false;
    auto articles = ctx.articles.ListArticles(site::PageOffset(page, kFrontPageSize),
                                              kFrontPageSize, shown);
    if (!articles.ok()) return error = StorageUnavailable(ctx), false;
    out = render::MakeCachedPage(render::RenderFrontPage(SiteFor(ctx, req), *articles, page, pages),
                                 "text/html; charset=utf-8", 0, Now());
    return true;
  };
  ServeCached(ctx, req, render::PageCache::kSiteScope, fmt::format("front:{}", page), 0, build,
              respond, [&ctx](http::Request& r, const http::Respond& out) { FrontPage(ctx, r, out); },
              nullptr, PageCacheControl(ctx, req));
}

void ArticlePage(Context& ctx, http::Request& req, const ArticleRoute& route, int64_t page,
                 http::Respond respond) {
  int64_t now = Now();
  int font = FontStep(req);
  std::optional<int64_t> posted = req.PositiveParam("posted", 0);
  if (!posted) return respond(ErrorPage(ctx, req, 400, "The 'posted' parameter must be a comment id."));
  std::optional<int64_t> reply = req.PositiveParam("reply", 0);
  if (!reply) return respond(ErrorPage(ctx, req, 400, "The 'reply' parameter must be a comment id."));
  // A signed-in reader's page is their own: members' text, their name on the form.
  bool member_cookie = ctx.accounts && !req.Cookie(readers::Accounts::kCookie).empty();
  int64_t per_page = ctx.config.comments.per_page;
  bool challenge = ctx.comments.challenge_enabled();
  auto form_fields = [&] {
    // A known good commenter's pass keeps a spam wave's extra work off their form.
    std::string pass = req.Cookie(comments::CommenterPass::kCookie);
    return ctx.comments.FormFieldsHtml(route.id, req.remote_addr, now, NowMs(),
                                       ctx.comments.KnownCommenter(pass, now),
                                       LanguageFor(ctx, req));
  };

  // Builds the page; `notice` makes it the reader's own (not cached).
  // `posted`: the reader's own comment, whose author may get a link to edit it.
  std::optional<site::Reader> reader;
  auto render = [&](std::string& html, http::Response& error, const std::string& notice,
                    const site::Comment* posted) {
    auto article = store::GetPublicArticle(ctx.articles, route.id, now);
    if (!article.ok()) {
      error = article.status().code() == Code::kNotFound
                  ? ErrorPage(ctx, req, 404, "There is no such article.")
                  : StorageUnavailable(ctx);
      return false;
    }
    if (article->slug != route.slug) {
      std::string canonical = site::CommentsPagePath(*article, page);
      // The query goes along only when it keeps the target a plain local path.
      if (!req.query.empty() && http::IsLocalPath("/?" + req.query)) canonical += "?" + req.query;
      return error = Redirect(301, canonical), false;
    }
    int64_t pages = site::PageCount(article->comment_count, per_page);
    if (page > pages) return error = ErrorPage(ctx, req, 404, "There is no such comment page."), false;
    article->comments_open = site::TakesComments(*article, now);
    auto comments = ctx.comment_store.ListPublishedComments(
        route.id, site::PageOffset(page, per_page), per_page);
    if (!comments.ok()) return error = StorageUnavailable(ctx), false;
    std::vector<site::Image> images = ImagesOf(ctx, article->body);
    std::vector<int64_t> ids;
    for (const site::Comment& c : *comments) ids.push_back(c.id);
    auto replies = ctx.comment_store.ListReplies(ids);
    if (!replies.ok()) return error = StorageUnavailable(ctx), false;
    render::ArticlePageView view;
    view.article = &*article;
    view.comments = &*comments;
    view.replies = &*replies;
    view.reader = reader ? &*reader : nullptr;
    view.signed_in = reader.has_value();
    if (*reply > 0) {
      auto answered = ctx.comment_store.GetComment(*reply);
      if (answered.ok() && answered->article_id == route.id &&
          answered->status == site::CommentStatus::kPublished) {
        view.reply_to = answered->id;
        view.reply_to_number = answered->number;
      }
    }
    view.images = &images;
    view.page = page;
    view.pages = pages;
    view.font_step = font;
    view.body_max = ctx.config.comments.max_length;
    view.notice = notice;
    render::SiteInfo site = SiteFor(ctx, req);
    if (posted) {
      view.notice_edit_href = EditLinkFor(ctx, req, *posted, *article);
      if (!view.notice_edit_href.empty()) {
        view.notice += ' ';
        view.notice += site.F("You can edit it for {minutes, plural, one {# minute} other {# minutes}}.",
                              {{"minutes", (ctx.comments.EditableUntil(*posted) - now + 59) / 60}});
      }
    }
    if (reader) {
      // A signed-in reader's form needs no challenge.
    } else if (challenge && notice.empty() && ctx.config.cache.public_pages) {
      // The same page for every reader: the form fetches its fields when the
      // reader starts to write.
      std::string base = site::ArticlePath(*article);  // "/news/{id}-{slug}.html"
      base.resize(base.size() - std::string_view(".html").size());
      view.form_fields = render::DeferredFormFields(base + "/form-fields", LanguageFor(ctx, req));
    } else if (challenge) {
      view.form_fields = notice.empty() ? std::string(render::kPerRequestMarker) : form_fields();
    }
    html = render::RenderArticlePage(site, view);
    return true;
  };

  LoopJob again = [&ctx, route, page](http::Request& r, const http::Respond& out) {
    ArticlePage(ctx, r, route, page, out);
  };
  bool personal = *posted > 0 || *reply > 0 || member_cookie;
  if (personal && MustLeaveLoop(ctx)) {
    return OffLoop(ctx, req, respond, PageErrors(ctx), std::move(again));
  }
  if (member_cookie) reader = ctx.accounts->Current(req.Cookie(readers::Accounts::kCookie), now);
  if (personal && *posted == 0) {
    std::string html;
    http::Response error;
    if (!render(html, error, "", nullptr)) return respond(std::move(error));
    http::Response r = HtmlResponse(200, std::move(html));  // no-store: this reader's own
    r.headers.emplace_back("X-Robots-Tag", "noindex");
    return respond(std::move(r));
  }
  if (*posted > 0) {
    auto c = ctx.comment_store.GetComment(*posted);
    render::SiteInfo site = SiteFor(ctx, req);
    std::string notice = site.T("Your comment was received.");
    const site::Comment* own = nullptr;
    if (c.ok() && c->article_id == route.id) {
      notice = c->status == site::CommentStatus::kPublished
                   ? site.F("Thank you: your comment #{number} is published.", {{"number", c->number}})
                   : site.T("Thank you: your comment is waiting for a moderator.");
      own = &*c;
    }
    std::string html;
    http::Response error;
    if (!render(html, error, notice, own)) return respond(std::move(error));
    http::Response r = HtmlResponse(200, std::move(html));
    r.headers.emplace_back("X-Robots-Tag", "noindex");
    return respond(std::move(r));
  }
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    std::string html;
    if (!render(html, error, "", nullptr)) return false;
    out = render::MakeCachedPage(std::move(html), "text/html; charset=utf-8", 0, Now());
    return true;
  };
  std::string key = fmt::format("{}|{}|{}", route.slug, page, font);
  bool spliced = challenge && !ctx.config.cache.public_pages;
  ServeCached(ctx, req, route.id, key, 0, build, respond, std::move(again),
              spliced ? std::function<std::string()>(form_fields) : nullptr,
              PageCacheControl(ctx, req));
}

void FormFields(Context& ctx, http::Request& req, const ArticleRoute& route,
                http::Respond respond) {
  int64_t now = Now();
  auto article = store::GetPublicArticle(ctx.articles, route.id, now);
  if (!article.ok()) {
    return respond(article.status().code() == Code::kNotFound
                       ? ErrorPage(ctx, req, 404, "There is no such article.")
                       : StorageUnavailable(ctx));
  }
  std::string pass = req.Cookie(comments::CommenterPass::kCookie);
  http::Response r;
  r.body = ctx.comments.FormFieldsHtml(route.id, req.remote_addr, now, NowMs(),
                                       ctx.comments.KnownCommenter(pass, now),
                                       LanguageFor(ctx, req));
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Robots-Tag", "noindex");
  respond(std::move(r));
}

void SiteFeed(Context& ctx, http::Request& req, http::Respond respond) {
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    auto articles = ctx.articles.ListArticles(0, kFeedSize, {Now(), ""});
    if (!articles.ok()) return error = StorageUnavailable(ctx), false;
    out = render::MakeCachedPage(render::RenderSiteFeed(FeedSite(ctx, req), *articles),
                                 "application/rss+xml; charset=utf-8", 0,
                                 Now());
    return true;
  };
  ServeCached(ctx, req, render::PageCache::kSiteScope, "rss", 0, build, respond,
              [&ctx](http::Request& r, const http::Respond& out) { SiteFeed(ctx, r, out); });
}

void CommentsFeed(Context& ctx, http::Request& req, const ArticleRoute& route,
                  http::Respond respond) {
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    auto article = store::GetPublicArticle(ctx.articles, route.id, Now());
    if (!article.ok() && article.status().code() != Code::kNotFound) {
      return error = StorageUnavailable(ctx), false;
    }
    if (!article.ok() || article->slug != route.slug) {
      return error = ErrorPage(ctx, req, 404, "There is no such article."), false;
    }
    auto comments = ctx.comment_store.ListPublishedComments(route.id, 0, kFeedSize);
    if (!comments.ok()) return error = StorageUnavailable(ctx), false;
    out = render::MakeCachedPage(render::RenderCommentsFeed(FeedSite(ctx, req), *article, *comments,
                                                            ctx.config.comments.per_page),
                                 "application/rss+xml; charset=utf-8", 0,
                                 Now());
    return true;
  };
  ServeCached(ctx, req, route.id, "rss|" + route.slug, 0, build, respond,
              [&ctx, route](http::Request& r, const http::Respond& out) {
                CommentsFeed(ctx, r, route, out);
              });
}

// The name of the site's category whose slug is `slug`; "" when none is.
std::string CategoryNamed(const Context& ctx, const std::string& slug) {
  for (const std::string& name : ctx.site.categories) {
    if (render::CategoryPath(name) == "/category/" + slug) return name;
  }
  return {};
}

void CategoryPage(Context& ctx, http::Request& req, const std::string& slug,
                  http::Respond respond) {
  std::string name = CategoryNamed(ctx, slug);
  if (name.empty()) return respond(ErrorPage(ctx, req, 404, "There is no such section."));
  std::optional<int64_t> page_param = req.PositiveParam("page", 1);
  if (!page_param) return respond(BadPageParameter(ctx, req));
  int64_t page = *page_param;
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    store::ArticleFilter shown{Now(), name};
    auto count = ctx.articles.CountArticles(shown);
    if (!count.ok()) return error = StorageUnavailable(ctx), false;
    int64_t pages = site::PageCount(*count, kFrontPageSize);
    if (page > pages) return error = ErrorPage(ctx, req, 404, "There is no such page."), false;
    auto articles = ctx.articles.ListArticles(site::PageOffset(page, kFrontPageSize),
                                              kFrontPageSize, shown);
    if (!articles.ok()) return error = StorageUnavailable(ctx), false;
    render::Listing listing{name, render::CategoryPath(name), render::CategoryPath(name) + "/rss.xml"};
    out = render::MakeCachedPage(
        render::RenderFrontPage(SiteFor(ctx, req), *articles, page, pages, listing),
        "text/html; charset=utf-8", 0, Now());
    return true;
  };
  ServeCached(ctx, req, render::PageCache::kSiteScope, fmt::format("category:{}:{}", slug, page),
              0, build, respond,
              [&ctx, slug](http::Request& r, const http::Respond& out) {
                CategoryPage(ctx, r, slug, out);
              },
              nullptr, PageCacheControl(ctx, req));
}

void CategoryFeed(Context& ctx, http::Request& req, const std::string& slug,
                  http::Respond respond) {
  std::string name = CategoryNamed(ctx, slug);
  if (name.empty()) return respond(ErrorPage(ctx, req, 404, "There is no such section."));
  auto build = [&](std::shared_ptr<const render::CachedPage>& out, http::Response& error) {
    auto articles = ctx.articles.ListArticles(0, kFeedSize, {Now(), name});
    if (!articles.ok()) return error = StorageUnavailable(ctx), false;
    out = render::MakeCachedPage(render::RenderSiteFeed(FeedSite(ctx, req), *articles, name),
                                 "application/rss+xml; charset=utf-8", 0, Now());
    return true;
  };
  ServeCached(ctx, req, render::PageCache::kSiteScope, "rss|category:" + slug, 0, build, respond,
              [&ctx, slug](http::Request& r, const http::Respond& out) {
                CategoryFeed(ctx, r, slug, out);
              });
}

void LanguagePreference(Context& ctx, http::Request& req, http::Respond respond) {
  std::string code = req.QueryParam("l");
  if (!ctx.languages || !ctx.languages->Offers(code)) {
    return respond(ErrorPage(ctx, req, 400, "This site is not offered in that language."));
  }
  http::Response r = Redirect(303, LocalPath(req.QueryParam("back")));
  r.headers.emplace_back("Set-Cookie", fmt::format("{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                                                   kLanguageCookie, code));
  respond(std::move(r));
}

void FontPreference(Context&, http::Request& req, http::Respond respond) {
  std::string step = req.QueryParam("step");
  int font = FontStep(req);
  if (step == "up") font = std::min(font + 1, kMaxFontStep);
  else if (step == "down") font = std::max(font - 1, kMinFontStep);
  else font = 0;
  http::Response r = Redirect(303, LocalPath(req.QueryParam("back")));
  r.headers.emplace_back("Set-Cookie",
                         fmt::format("fs={}; Path=/; Max-Age=31536000; SameSite=Lax", font));
  respond(std::move(r));
}

void LeavingPage(Context& ctx, http::Request& req, http::Respond respond) {
  std::string target = req.QueryParam("u");
  if (target.empty() || !ctx.signer.Verify(target, req.QueryParam("s"))) {
    return respond(ErrorPage(ctx, req, 400, "This link is not valid: its signature does not match."));
  }
  http::Response r = HtmlResponse(200, render::RenderLeavingPage(ctx.site, target));
  r.headers.emplace_back("X-Robots-Tag", "noindex, nofollow");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  respond(std::move(r));
}

}  // namespace tribune::web
