#include "web/router.h"

#include <spdlog/spdlog.h>

#include <memory>

#include "web/cors.h"
#include "web/handlers.h"
#include "web/off_loop.h"
#include "web/responses.h"
#include "web/route_table.h"

namespace tribune::web {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void Healthz(http::Request&, const PathArgs&, const http::Respond& respond) {
  http::Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "ok\n";
  respond(std::move(r));
}

// 200 "ready", or 503 with what keeps the node from serving (one per line).
void Readyz(Context& ctx, const http::Respond& respond) {
  http::Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Cache-Control", "no-store");
  std::vector<std::string> problems = ctx.ops->problems ? ctx.ops->problems()
                                                        : std::vector<std::string>();
  if (problems.empty()) {
    r.body = "ready\n";
  } else {
    r.status = 503;
    r.headers.emplace_back("Retry-After", "5");
    for (const std::string& p : problems) r.body += p + "\n";
  }
  respond(std::move(r));
}

void MetricsPage(Context& ctx, http::Request& req, const http::Respond& respond) {
  http::Response r;
  r.headers.emplace_back("Cache-Control", "no-store");
  r.content_type = "text/plain; charset=utf-8";
  if (!ctx.ops->MayReadMetrics(req)) {
    r.status = 403;
    r.body = "The metrics are for the site's operators ([ops] metrics_allow, metrics_token).\n";
    return respond(std::move(r));
  }
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.ops->metrics.Render();
  respond(std::move(r));
}

ArticleRoute ArticleOf(const PathArgs& args) { return {args.id, args.slug}; }

// The public site: pages, feeds, forms, static files.
RouteTable SiteRoutes(Context& ctx) {
  RouteTable t(
      [&ctx](int status, const std::string& detail) { return ErrorPage(ctx, status, detail); },
      "There is no page at this address.");
  using Args = const PathArgs&;
  using R = http::Request&;
  using Out = http::Respond;
  t.Add("/healthz").Get(Healthz).OnLoop();
  if (ctx.ops) {
    t.Add("/readyz").Get([&ctx](R, Args, Out respond) { Readyz(ctx, respond); });
    t.Add("/metrics").Get([&ctx](R req, Args, Out respond) { MetricsPage(ctx, req, respond); });
  }
  t.Add("/static/{*}").Get([&ctx](R req, Args a, Out respond) {
    respond(ctx.static_files.Serve(req, a.rest));
  }).OnLoop();
  // Cached pages leave the loop themselves when they must be built.
  t.Add("/").Get([&ctx](R req, Args, Out respond) { FrontPage(ctx, req, respond); }).OnLoop();
  t.Add("/rss.xml").Get([&ctx](R req, Args, Out respond) { SiteFeed(ctx, req, respond); }).OnLoop();
  t.Add("/category/{slug}/rss.xml").Get([&ctx](R req, Args a, Out respond) {
    CategoryFeed(ctx, req, a.slug, respond);
  }).OnLoop();
  t.Add("/category/{slug}").Get([&ctx](R req, Args a, Out respond) {
    CategoryPage(ctx, req, a.slug, respond);
  }).OnLoop();
  t.Add("/prefs/lang")
      .Get([&ctx](R req, Args, Out respond) { LanguagePreference(ctx, req, respond); })
      .OnLoop();
  t.Add("/prefs/font")
      .Get([&ctx](R req, Args, Out respond) { FontPreference(ctx, req, respond); })
      .OnLoop();
  t.Add("/go").Get([&ctx](R req, Args, Out respond) { LeavingPage(ctx, req, respond); }).OnLoop();
  t.Add("/media/{id}-{page}.webp").Get([&ctx](R, Args a, Out respond) {
    MediaFile(ctx, a.id, static_cast<int>(std::min<int64_t>(a.page, 100000)), respond);
  });
  t.Add("/comments/{id}/report")
      .Get([&ctx](R req, Args a, Out respond) { ReportCommentPage(ctx, req, a.id, respond); })
      .Post([&ctx](R req, Args a, Out respond) { PostReport(ctx, req, a.id, respond); });
  t.Add("/comments/{id}/edit")
      .Get([&ctx](R req, Args a, Out respond) { EditCommentPage(ctx, req, a.id, respond); })
      .Post([&ctx](R req, Args a, Out respond) { PostCommentEdit(ctx, req, a.id, respond); });
  AddAccountRoutes(ctx, t);
  t.Add("/news/{id}-{slug}.html").Get([&ctx](R req, Args a, Out respond) {
    ArticlePage(ctx, req, ArticleOf(a), 1, respond);
  }).OnLoop();
  t.Add("/news/{id}-{slug}/comments").Post([&ctx](R req, Args a, Out respond) {
    PostCommentForm(ctx, req, ArticleOf(a), respond);
  });
  t.Add("/news/{id}-{slug}/form-fields").Get([&ctx](R req, Args a, Out respond) {
    FormFields(ctx, req, ArticleOf(a), respond);
  });
  t.Add("/news/{id}-{slug}/comments.rss").Get([&ctx](R req, Args a, Out respond) {
    CommentsFeed(ctx, req, ArticleOf(a), respond);
  }).OnLoop();
  t.Add("/news/{id}-{slug}/comments/page/{page}").Get([&ctx](R req, Args a, Out respond) {
    ArticlePage(ctx, req, ArticleOf(a), a.page, respond);
  }).OnLoop();
  return t;
}

struct Routes {
  explicit Routes(Context& ctx)
      : cors(ctx.config.api.cors_origins),
        site(SiteRoutes(ctx)),
        newsroom(NewsroomRoutes(ctx)),
        api(ApiRoutes(ctx, cors)) {
    // Every other handler may wait on the database or Redis: off the loop.
    for (RouteTable* t : {&site, &newsroom, &api}) t->LeaveLoopWith(OffLoopOf(ctx));
  }

  // The table of the area `path` is in.
  const RouteTable& For(std::string_view path) const {
    if (StartsWith(path, "/api/")) return api;
    if (path == "/newsroom" || StartsWith(path, "/newsroom/")) return newsroom;
    return site;
  }

  CorsPolicy cors;
  RouteTable site, newsroom, api;
};

}  // namespace

http::Handler MakeRouter(Context& ctx) {
  auto routes = std::make_shared<const Routes>(ctx);
  return [routes, &ctx](http::Request& req, http::Respond respond) {
    if (ctx.client_address && !ctx.client_address->empty()) {
      req.remote_addr = ctx.client_address->Of(req.remote_addr, req.Header("x-forwarded-for"));
    }
    const RouteTable& table = routes->For(req.path);
    try {
      if (!table.Serve(req, req.path, respond)) respond(table.NotFound());
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.target, e.what());
      respond(table.Error(500, "Something went wrong on our side; please try again."));
    }
  };
}

}  // namespace tribune::web
