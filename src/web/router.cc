#include "web/router.h"

#include <spdlog/spdlog.h>

#include <optional>

#include "core/numbers.h"

#include "web/handlers.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ParsePageNumber(std::string_view s, int64_t& out) {
  std::optional<int64_t> n = ParsePositive(s);
  if (n) out = *n;
  return n.has_value();
}

// Digits where a path holds a number, but too many for one: the request is
// malformed (400), not a page that happens to be missing (404).
bool NumberTooLarge(std::string_view digits) { return IsDigits(digits) && !ParseWhole(digits); }

// The run of digits `path` starts with.
std::string_view LeadingDigits(std::string_view path) {
  size_t n = 0;
  while (n < path.size() && path[n] >= '0' && path[n] <= '9') ++n;
  return path.substr(0, n);
}

http::Response NumberTooLargePage(Context& ctx) {
  return ErrorPage(ctx, 400, "A number in this address is too large to be a page or an id.");
}

void Route(Context& ctx, http::Request& req, http::Respond respond) {
  const std::string& path = req.path;
  bool get = req.method == "GET" || req.method == "HEAD";
  if (path == "/healthz") {
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "ok\n";
    return respond(std::move(r));
  }
  if (StartsWith(path, "/static/")) {
    if (!get) return respond(ErrorPage(ctx, 405, "Static files can only be read."));
    return respond(ctx.static_files.Serve(req, std::string_view(path).substr(8)));
  }
  if (StartsWith(path, "/api/v1/")) return Api(ctx, req, std::string_view(path).substr(7), respond);
  if (path == "/newsroom" || StartsWith(path, "/newsroom/")) {
    return Newsroom(ctx, req, std::string_view(path).substr(9), respond);
  }
  if (path == "/" && get) return FrontPage(ctx, req, respond);
  if (path == "/rss.xml" && get) return SiteFeed(ctx, req, respond);
  if (path == "/prefs/font" && get) return FontPreference(ctx, req, respond);
  if (path == "/go" && get) return LeavingPage(ctx, req, respond);
  constexpr std::string_view kComments = "/comments/";
  constexpr std::string_view kEdit = "/edit";
  if (StartsWith(path, kComments) && path.size() > kComments.size() + kEdit.size() &&
      path.compare(path.size() - kEdit.size(), kEdit.size(), kEdit) == 0) {
    int64_t id = 0;
    std::string_view digits = std::string_view(path).substr(
        kComments.size(), path.size() - kComments.size() - kEdit.size());
    if (NumberTooLarge(digits)) return respond(NumberTooLargePage(ctx));
    if (ParsePageNumber(digits, id)) {
      if (get) return EditCommentPage(ctx, req, id, respond);
      if (req.method == "POST") return PostCommentEdit(ctx, req, id, respond);
      http::Response r = ErrorPage(ctx, 405, "This method is not allowed here.");
      r.headers.emplace_back("Allow", "GET, HEAD, POST");
      return respond(std::move(r));
    }
  }

  constexpr std::string_view kNews = "/news/";
  if (StartsWith(path, kNews) &&
      NumberTooLarge(LeadingDigits(std::string_view(path).substr(kNews.size())))) {
    return respond(NumberTooLargePage(ctx));
  }
  ArticleRoute route;
  if (ParseArticleRoute(path, route)) {
    if (route.rest == ".html" && get) return ArticlePage(ctx, req, route, 1, respond);
    if (route.rest == "/comments" && req.method == "POST") {
      return PostCommentForm(ctx, req, route, respond);
    }
    if (route.rest == "/comments.rss" && get) return CommentsFeed(ctx, req, route, respond);
    constexpr std::string_view kPage = "/comments/page/";
    int64_t page = 0;
    if (StartsWith(route.rest, kPage) &&
        NumberTooLarge(std::string_view(route.rest).substr(kPage.size()))) {
      return respond(NumberTooLargePage(ctx));
    }
    if (StartsWith(route.rest, kPage) && get &&
        ParsePageNumber(std::string_view(route.rest).substr(kPage.size()), page)) {
      return ArticlePage(ctx, req, route, page, respond);
    }
    if (route.rest == ".html" || route.rest == "/comments" || route.rest == "/comments.rss") {
      http::Response r = ErrorPage(ctx, 405, "This method is not allowed here.");
      r.headers.emplace_back("Allow", route.rest == "/comments" ? "POST" : "GET, HEAD");
      return respond(std::move(r));
    }
  }
  respond(ErrorPage(ctx, 404, "There is no page at this address."));
}

}  // namespace

http::Handler MakeRouter(Context& ctx) {
  return [&ctx](http::Request& req, http::Respond respond) {
    try {
      Route(ctx, req, respond);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.target, e.what());
      respond(ErrorPage(ctx, 500, "Something went wrong on our side; please try again."));
    }
  };
}

}  // namespace tribune::web
